import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { evaluate, type Logic } from '../../../shared/survey/logic';
import { SurveyDefinitionSchema, issuePath } from '../../../shared/survey/schema';
import { validateSubmission, walk } from '../../../shared/survey/answers';

const facts = (answers: Record<string, unknown>, hidden: Record<string, string> = {}) => ({ answers, hidden });
const one = (c: Logic['conditions'][number]): Logic => ({ match: 'all', conditions: [c] });

describe('conditions', () => {
  it('equals on a single choice, and on a multiple choice means "chosen"', () => {
    expect(evaluate(one({ source: 'visit', op: 'equals', value: 'buy' }), facts({ visit: 'buy' }))).toBe(true);
    expect(evaluate(one({ source: 'visit', op: 'equals', value: 'buy' }), facts({ visit: 'look' }))).toBe(false);
    expect(evaluate(one({ source: 'used', op: 'equals', value: 'spa' }), facts({ used: ['gym', 'spa'] }))).toBe(true);
    expect(evaluate(one({ source: 'used', op: 'notEquals', value: 'spa' }), facts({ used: ['gym'] }))).toBe(true);
  });

  it('matches a single choice\'s "Other" answer ({ other: text }) as the value "other"', () => {
    expect(
      evaluate(
        one({ source: 'visit', op: 'equals', value: 'other' }),
        facts({ visit: { other: 'to return a parcel' } }),
      ),
    ).toBe(true);
    expect(
      evaluate(one({ source: 'visit', op: 'in', values: ['buy', 'other'] }), facts({ visit: { other: 'x' } })),
    ).toBe(true);
    expect(evaluate(one({ source: 'visit', op: 'notEquals', value: 'other' }), facts({ visit: { other: 'x' } }))).toBe(
      false,
    );
    expect(evaluate(one({ source: 'visit', op: 'equals', value: 'buy' }), facts({ visit: { other: 'x' } }))).toBe(
      false,
    );
  });

  it('in, between (inclusive) and answered', () => {
    expect(evaluate(one({ source: 'nps', op: 'between', min: 0, max: 6 }), facts({ nps: 6 }))).toBe(true);
    expect(evaluate(one({ source: 'nps', op: 'between', min: 0, max: 6 }), facts({ nps: 7 }))).toBe(false);
    expect(evaluate(one({ source: 'tier', op: 'in', values: ['gold', 'platinum'] }), facts({}, { tier: 'gold' }))).toBe(
      true,
    );
    expect(evaluate(one({ source: 'why', op: 'answered' }), facts({ why: '' }))).toBe(false);
    expect(evaluate(one({ source: 'why', op: 'notAnswered' }), facts({}))).toBe(true);
  });

  it('is false on an unanswered source, so later content waits for the answer', () => {
    expect(evaluate(one({ source: 'nps', op: 'between', min: 0, max: 6 }), facts({}))).toBe(false);
    expect(evaluate(one({ source: 'visit', op: 'notEquals', value: 'buy' }), facts({}))).toBe(false);
  });

  it('reads matrix items as question.item and compares hidden-field strings with numbers', () => {
    expect(evaluate(one({ source: 'attrs.staff', op: 'between', max: 2 }), facts({ attrs: { staff: 1 } }))).toBe(true);
    expect(evaluate(one({ source: 'visits', op: 'equals', value: 3 }), facts({}, { visits: '3' }))).toBe(true);
  });

  it('combines with all and any', () => {
    const conditions = [
      { source: 'a', op: 'equals' as const, value: 1 },
      { source: 'b', op: 'equals' as const, value: 1 },
    ];
    expect(evaluate({ match: 'all', conditions }, facts({ a: 1, b: 2 }))).toBe(false);
    expect(evaluate({ match: 'any', conditions }, facts({ a: 1, b: 2 }))).toBe(true);
  });
});

const base = () => ({
  title: { en: 'T' },
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'user',
          type: 'single',
          required: true,
          text: { en: 'Are you a customer?' },
          options: [
            { id: 'yes', label: { en: 'Yes' } },
            { id: 'no', label: { en: 'No' } },
          ],
        },
        { id: 'nps', type: 'nps', required: true, text: { en: 'Recommend?' } },
        {
          id: 'why_low',
          type: 'text',
          required: true,
          text: { en: 'Why so low?' },
          visibleIf: { conditions: [{ source: 'nps', op: 'between', max: 6 }] },
        },
      ],
    },
    {
      id: 'p2',
      visibleIf: { conditions: [{ source: 'tier', op: 'equals', value: 'gold' }] },
      questions: [
        { id: 'gold_perks', type: 'rating', required: true, text: { en: 'Gold perks?' }, scale: { min: 1, max: 5 } },
      ],
    },
    { id: 'p3', questions: [{ id: 'comment', type: 'text', text: { en: 'Anything else?' } }] },
  ],
  screenOuts: [
    { id: 'not_customer', afterPage: 'p1', when: { conditions: [{ source: 'user', op: 'equals', value: 'no' }] } },
  ],
});

describe('logic references in a definition', () => {
  it('accepts references to earlier questions and hidden fields', () => {
    expect(v.safeParse(SurveyDefinitionSchema, base()).success).toBe(true);
  });

  it('accepts "other" as a value of a single choice only when it offers Other, and screens out on it', () => {
    const d = base();
    d.screenOuts[0].when.conditions[0].value = 'other';
    expect(v.safeParse(SurveyDefinitionSchema, d).issues?.[0].message).toMatch(
      /"other", which is not one of its options/,
    );
    (d.pages[0].questions[0] as { other?: boolean }).other = true;
    const def = v.parse(SurveyDefinitionSchema, d);
    expect(validateSubmission(def, { user: { other: 'a supplier' } }, false).screenedOut).toBe('not_customer');
  });

  const refused: [string, (d: ReturnType<typeof base>) => void, string, RegExp][] = [
    [
      'a later question',
      (d) => {
        (d.pages[0].questions[2] as { visibleIf?: unknown }).visibleIf = {
          conditions: [{ source: 'comment', op: 'answered' }],
        };
      },
      'pages[0].questions[2].visibleIf.conditions[0].source',
      /"comment", which comes later/,
    ],
    [
      'itself on the same page, below',
      (d) => {
        d.pages[0].questions[0] = {
          ...d.pages[0].questions[0],
          visibleIf: { conditions: [{ source: 'nps', op: 'answered' }] },
        } as never;
      },
      'pages[0].questions[0].visibleIf.conditions[0].source',
      /"nps", which comes later/,
    ],
    [
      'a question on its own page, for a page',
      (d) => {
        (d.pages[2] as { visibleIf?: unknown }).visibleIf = { conditions: [{ source: 'comment', op: 'answered' }] };
      },
      'pages[2].visibleIf.conditions[0].source',
      /comes later/,
    ],
    [
      'a missing question',
      (d) => {
        d.pages[1].visibleIf = { conditions: [{ source: 'region', op: 'equals', value: 'x' }] };
      },
      'pages[1].visibleIf.conditions[0].source',
      /"region", which is neither a question nor a hidden field/,
    ],
    [
      'an option the question lacks',
      (d) => {
        d.screenOuts[0].when.conditions[0].value = 'maybe';
      },
      'screenOuts[0].when.conditions[0].source',
      /"maybe", which is not one of its options/,
    ],
    [
      'a screen-out after a missing page',
      (d) => {
        d.screenOuts[0].afterPage = 'p9';
      },
      'screenOuts[0].afterPage',
      /page "p9", which does not exist/,
    ],
  ];
  for (const [what, mutate, path, message] of refused) {
    it(`refuses logic that refers to ${what}, naming it`, () => {
      const d = base();
      mutate(d);
      const r = v.safeParse(SurveyDefinitionSchema, d);
      expect(r.success).toBe(false);
      const issue = r.issues!.find((i) => issuePath(i) === path);
      expect(issue?.message).toMatch(message);
    });
  }
});

describe('walking a survey with logic', () => {
  const def = v.parse(SurveyDefinitionSchema, base());

  it('shows a follow-up only when its condition holds, and requires it only then', () => {
    expect(walk(def, { user: 'yes', nps: 9 }, {}).questions.has('why_low')).toBe(false);
    expect(validateSubmission(def, { user: 'yes', nps: 9 }, true).issues).toEqual([]);
    const low = validateSubmission(def, { user: 'yes', nps: 3 }, true);
    expect(low.issues.map((i) => [i.questionId, i.code])).toEqual([['why_low', 'required']]);
  });

  it('drops an answer to a question the logic hid, instead of counting a stale one', () => {
    const r = validateSubmission(def, { user: 'yes', nps: 9, why_low: 'was a 3 before I changed my mind' }, true);
    expect(r.answers).toEqual({ user: 'yes', nps: 9 });
  });

  it('shows a page by a hidden field', () => {
    expect(walk(def, { user: 'yes', nps: 9 }, { tier: 'gold' }).pages).toEqual([0, 1, 2]);
    expect(walk(def, { user: 'yes', nps: 9 }, { tier: 'iron' }).pages).toEqual([0, 2]);
    expect(validateSubmission(def, { user: 'yes', nps: 9 }, true, { tier: 'gold' }).issues[0]).toMatchObject({
      questionId: 'gold_perks',
      code: 'required',
    });
  });

  it('ends at a screen-out, requiring nothing after it', () => {
    const r = validateSubmission(def, { user: 'no', nps: 5, why_low: 'not mine', comment: 'ignored' }, false, {
      tier: 'gold',
    });
    expect(r.screenedOut).toBe('not_customer');
    expect(r.issues).toEqual([]);
    expect(r.answers).toEqual({ user: 'no', nps: 5, why_low: 'not mine' });
  });
});
