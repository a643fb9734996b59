import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkAnswer } from '../../../shared/survey/answers';
import { isLadderPath, ladderHighest, ladderNext, type LadderStep } from '../../../shared/survey/ladder';
import { issuePath, QuestionSchema, SurveyDefinitionSchema, type Question } from '../../../shared/survey/schema';

const en = (s: string) => ({ en: s });
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: en(id) }));
const q = (input: Record<string, unknown>): Question => v.parse(QuestionSchema, { id: 'q1', text: en('Q'), ...input });
const problems = (input: Record<string, unknown>) => {
  const r = v.safeParse(SurveyDefinitionSchema, {
    title: en('T'),
    pages: [{ id: 'p1', questions: [{ id: 'q1', text: en('Q'), ...input }] }],
  });
  return r.success ? [] : r.issues.map((i) => `${issuePath(i)}: ${i.message}`);
};
const code = (question: Question, value: unknown) => checkAnswer(question, value)?.code ?? null;

describe('definitions of the research types', () => {
  it('accepts a complete definition of each type', () => {
    expect(problems({ type: 'single', options: opts('a', 'b'), other: true })).toEqual([]);
    expect(
      problems({
        type: 'servqual',
        items: [{ id: 't1', label: en('Modern equipment'), dimension: 'tangibles' }],
        scale: { min: 1, max: 7 },
      }),
    ).toEqual([]);
    expect(problems({ type: 'importance', items: opts('price', 'staff'), mode: 'sum' })).toEqual([]);
    expect(problems({ type: 'vanWestendorp', currency: 'EUR', likelihood: true })).toEqual([]);
    expect(problems({ type: 'gaborGranger', currency: 'EUR', prices: [10, 12, 15] })).toEqual([]);
    expect(
      problems({
        type: 'competitor',
        brands: opts('us', 'them'),
        ownBrand: 'us',
        attributes: opts('quality'),
        scale: { min: 1, max: 5 },
      }),
    ).toEqual([]);
    expect(problems({ type: 'ranking', options: opts('a', 'b', 'c') })).toEqual([]);
    expect(problems({ type: 'contact', consent: en('You may contact me about my answers') })).toEqual([]);
  });

  it('refuses faults with the path of the field at fault', () => {
    expect(
      problems({
        type: 'servqual',
        items: [{ id: 't1', label: en('x'), dimension: 'price' }],
        scale: { min: 1, max: 7 },
      }),
    ).toEqual([
      'pages[0].questions[0].items[0].dimension: must be one of tangibles, reliability, responsiveness, assurance, empathy',
    ]);
    expect(problems({ type: 'gaborGranger', currency: 'EUR', prices: [10, 15, 12] })).toEqual([
      'pages[0].questions[0].prices: prices must be strictly increasing',
    ]);
    expect(problems({ type: 'gaborGranger', currency: 'EUR', prices: [10, 12], start: 2 })).toEqual([
      'pages[0].questions[0].start: start must be the index of one of the prices',
    ]);
    expect(problems({ type: 'vanWestendorp', currency: 'euro' })).toEqual([
      'pages[0].questions[0].currency: must be a three-letter ISO 4217 code such as EUR',
    ]);
    expect(
      problems({
        type: 'competitor',
        brands: opts('us', 'them'),
        ownBrand: 'me',
        attributes: opts('q'),
        scale: { min: 1, max: 5 },
      }),
    ).toEqual(['pages[0].questions[0].ownBrand: must be one of the brands']);
    expect(problems({ type: 'ranking', options: opts('a', 'a') })).toEqual([
      'pages[0].questions[0].options: option ids must be unique',
    ]);
    expect(problems({ type: 'contact', name: false, email: false, phone: false, consent: en('ok') })).toEqual([
      'pages[0].questions[0]: asks for at least one of name, email, phone',
    ]);
    expect(problems({ type: 'importance', items: [], mode: 'rating' })).toEqual([
      'pages[0].questions[0].items: needs at least 1 item',
    ]);
  });
});

describe('answers to the research types', () => {
  it('single choice with "other" takes { other: text }, and asks for the text', () => {
    const single = q({ type: 'single', options: opts('a', 'b'), other: true });
    expect(code(single, 'a')).toBe(null);
    expect(code(single, { other: 'my bike shop' })).toBe(null);
    expect(code(single, { other: '  ' })).toBe('other-required');
    expect(code(q({ type: 'single', options: opts('a', 'b') }), { other: 'x' })).toBe('wrong-type');
  });

  it('SERVQUAL: each item rated twice on the scale; required means both ratings of every item', () => {
    const sq = q({
      type: 'servqual',
      required: true,
      items: [
        { id: 't1', label: en('x'), dimension: 'tangibles' },
        { id: 'r1', label: en('y'), dimension: 'reliability' },
      ],
      scale: { min: 1, max: 7 },
    });
    expect(code(sq, { t1: { e: 7, p: 5 }, r1: { e: 6, p: 6 } })).toBe(null);
    expect(code(sq, { t1: { e: 7, p: 5 }, r1: { e: 6 } })).toBe('required');
    expect(code(sq, { t1: { e: 8, p: 5 }, r1: { e: 6, p: 6 } })).toBe('out-of-range');
    expect(code(sq, { zz: { e: 1, p: 1 } })).toBe('unknown-item');
  });

  it('importance as a constant sum must add up to its total exactly', () => {
    const sum = q({ type: 'importance', items: opts('price', 'staff', 'speed'), mode: 'sum', total: 100 });
    expect(code(sum, { price: 50, staff: 30, speed: 20 })).toBe(null);
    const short = checkAnswer(sum, { price: 50, staff: 30, speed: 10 });
    expect(short?.code).toBe('constant-sum');
    expect(short?.params).toEqual({ total: 100, sum: 90 });
    expect(code(sum, { price: 110, staff: -10 })).toBe('wrong-type');
    expect(code(sum, { price: 50.5, staff: 49.5 })).toBe('wrong-type');
    const rating = q({ type: 'importance', items: opts('price', 'staff'), required: true });
    expect(code(rating, { price: 5, staff: 1 })).toBe(null);
    expect(code(rating, { price: 6 })).toBe('out-of-range');
    expect(code(rating, { price: 5 })).toBe('required');
  });

  it('Van Westendorp prices must rise strictly: too cheap < cheap < expensive < too expensive', () => {
    const vw = q({ type: 'vanWestendorp', currency: 'EUR', likelihood: true, required: true });
    const ok = { tooCheap: 5, cheap: 10, expensive: 20, tooExpensive: 30, likelyCheap: 4, likelyExpensive: 2 };
    expect(code(vw, ok)).toBe(null);
    expect(code(vw, { ...ok, cheap: 5 })).toBe('price-order');
    expect(code(vw, { ...ok, expensive: 35 })).toBe('price-order');
    expect(code(vw, { ...ok, tooExpensive: undefined })).toBe('required');
    expect(code(vw, { ...ok, likelyCheap: 6 })).toBe('out-of-range');
    expect(code(vw, { ...ok, likelyExpensive: undefined })).toBe('required');
    const plain = q({ type: 'vanWestendorp', currency: 'EUR' });
    expect(code(plain, ok)).toBe('unknown-item');
  });

  it('Gabor-Granger: the stored path must be the ladder walked, ending where the answer turns', () => {
    const gg = q({ type: 'gaborGranger', currency: 'EUR', prices: [10, 12, 15, 18, 20] });
    expect(
      code(gg, {
        path: [
          { price: 15, buy: true },
          { price: 18, buy: false },
        ],
        highest: 15,
      }),
    ).toBe(null);
    expect(
      code(gg, {
        path: [
          { price: 15, buy: true },
          { price: 18, buy: false },
        ],
        highest: 18,
      }),
    ).toBe('ladder');
    expect(code(gg, { path: [{ price: 15, buy: true }], highest: 15 })).toBe('ladder');
    expect(
      code(gg, {
        path: [
          { price: 12, buy: true },
          { price: 15, buy: false },
        ],
        highest: 12,
      }),
    ).toBe('ladder');
    expect(
      code(gg, {
        path: [
          { price: 15, buy: false },
          { price: 12, buy: false },
          { price: 10, buy: false },
        ],
        highest: null,
      }),
    ).toBe(null);
  });

  it('competitor grid: only known brands may be rated; required means every known brand on every attribute', () => {
    const grid = q({
      type: 'competitor',
      required: true,
      brands: opts('us', 'a', 'b'),
      ownBrand: 'us',
      attributes: opts('quality', 'price'),
      scale: { min: 1, max: 5 },
    });
    expect(
      code(grid, { known: ['us', 'b'], ratings: { us: { quality: 5, price: 3 }, b: { quality: 2, price: 4 } } }),
    ).toBe(null);
    expect(code(grid, { known: ['us'], ratings: { us: { quality: 5, price: 3 }, a: { quality: 1 } } })).toBe(
      'unknown-option',
    );
    expect(code(grid, { known: ['us', 'b'], ratings: { us: { quality: 5, price: 3 } } })).toBe('required');
    expect(code(grid, { known: ['zz'], ratings: {} })).toBe('unknown-option');
  });

  it('ranking must order every option once', () => {
    const rank = q({ type: 'ranking', options: opts('a', 'b', 'c') });
    expect(code(rank, ['c', 'a', 'b'])).toBe(null);
    expect(code(rank, ['c', 'a'])).toBe('required');
    expect(code(rank, ['c', 'a', 'a'])).toBe('duplicate');
    expect(code(rank, ['c', 'a', 'x'])).toBe('unknown-option');
  });

  it('contact: the e-mail is checked, and details are only kept with consent', () => {
    const contact = q({ type: 'contact', phone: true, consent: en('You may contact me') });
    expect(code(contact, { name: 'Ana', email: 'ana@example.com', phone: '+39 02 1234 5678', consent: true })).toBe(
      null,
    );
    expect(code(contact, { email: 'ana@example', consent: true })).toBe('email');
    expect(code(contact, { email: 'ana example.com', consent: true })).toBe('email');
    expect(code(contact, { phone: 'call me', consent: true })).toBe('phone');
    expect(code(contact, { email: 'ana@example.com', consent: false })).toBe('consent');
    expect(code(contact, { consent: false })).toBe(null);
    expect(code(q({ type: 'contact', required: true, consent: en('ok') }), { consent: false })).toBe('consent');
  });
});

describe('the Gabor-Granger ladder', () => {
  const prices = [10, 12, 15, 18, 20];
  const walkWith = (wouldPay: number, start?: number) => {
    const path: LadderStep[] = [];
    for (let i = ladderNext(prices, start, path); i !== null; i = ladderNext(prices, start, path))
      path.push({ price: prices[i], buy: prices[i] <= wouldPay });
    return path;
  };

  it('starts in the middle, climbs after yes and descends after no', () => {
    // Would pay up to 18: asked 15 (yes), 18 (yes), 20 (no) → highest 18.
    expect(walkWith(18).map((s) => s.price)).toEqual([15, 18, 20]);
    expect(ladderHighest(walkWith(18))).toBe(18);
    // Would pay up to 11: asked 15 (no), 12 (no), 10 (yes) → highest 10.
    expect(walkWith(11).map((s) => s.price)).toEqual([15, 12, 10]);
    expect(ladderHighest(walkWith(11))).toBe(10);
  });

  it('ends at either end of the ladder: top accepted, or nothing accepted (null)', () => {
    expect(ladderHighest(walkWith(100))).toBe(20);
    expect(ladderHighest(walkWith(5))).toBe(null);
    expect(walkWith(5, 0).map((s) => s.price)).toEqual([10]);
  });

  it('recognises only the paths the ladder produces', () => {
    expect(isLadderPath(prices, undefined, walkWith(13))).toBe(true);
    expect(isLadderPath(prices, undefined, [])).toBe(false);
    expect(
      isLadderPath(prices, undefined, [
        { price: 15, buy: true },
        { price: 20, buy: false },
      ]),
    ).toBe(false);
  });
});
