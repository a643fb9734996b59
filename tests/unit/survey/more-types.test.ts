import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkAnswer, validateSubmission } from '../../../shared/survey/answers';
import { evaluate } from '../../../shared/survey/logic';
import { issuePath, QuestionSchema, SurveyDefinitionSchema, type Question } from '../../../shared/survey/schema';
import { labelledAnswers } from '../../../shared/alerts/labels';

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
const scale = (id: string, max = 5) => ({ id, label: en(id), scale: { min: 1, max } });

describe('definitions of the instructions block, date, yes/no, fields and several scales', () => {
  it('accepts a complete definition of each type', () => {
    expect(problems({ type: 'info' })).toEqual([]);
    expect(problems({ type: 'date', min: '2026-01-01', max: '2026-12-31' })).toEqual([]);
    expect(problems({ type: 'yesno', yesLabel: en('Agree'), noLabel: en('Disagree') })).toEqual([]);
    expect(problems({ type: 'fields', items: opts('adults', 'children'), integer: true, min: 0, total: 100 })).toEqual(
      [],
    );
    expect(problems({ type: 'fields', items: opts('first', 'last'), input: 'text' })).toEqual([]);
    expect(
      problems({
        type: 'matrixScales',
        items: opts('price', 'staff'),
        scales: [scale('imp'), { ...scale('sat', 3), pointLabels: [en('Poor'), en('Fair'), en('Good')] }],
      }),
    ).toEqual([]);
  });

  it('fills in the defaults', () => {
    expect(q({ type: 'fields', items: opts('a') })).toMatchObject({
      input: 'number',
      integer: false,
      maxLength: 200,
      required: false,
    });
    expect(q({ type: 'info' })).toMatchObject({ required: false });
  });

  it('refuses faults with the path of the field at fault', () => {
    expect(problems({ type: 'info', required: true })).toEqual([
      'pages[0].questions[0].required: an instructions block takes no answer, so it cannot be required',
    ]);
    expect(problems({ type: 'date', min: '2026-02-30' })).toEqual([
      'pages[0].questions[0].min: must be a date written YYYY-MM-DD',
    ]);
    expect(problems({ type: 'date', min: '2026-06-01', max: '2026-05-01' })).toEqual([
      'pages[0].questions[0].max: the earliest date must not be after the latest',
    ]);
    expect(problems({ type: 'fields', items: [] })).toEqual(['pages[0].questions[0].items: needs at least 1 field']);
    expect(problems({ type: 'fields', items: opts('a', 'a') })).toEqual([
      'pages[0].questions[0].items: field ids must be unique',
    ]);
    expect(problems({ type: 'fields', items: opts('a'), input: 'text', total: 100 })).toEqual([
      'pages[0].questions[0].total: a total needs number fields',
    ]);
    expect(problems({ type: 'fields', items: opts('a'), min: 10, max: 5 })).toEqual([
      'pages[0].questions[0].max: min must not exceed max',
    ]);
    expect(problems({ type: 'matrixScales', items: opts('a'), scales: [] })).toEqual([
      'pages[0].questions[0].scales: needs at least 1 scale',
    ]);
    expect(problems({ type: 'matrixScales', items: opts('a'), scales: [scale('s'), scale('s')] })).toEqual([
      'pages[0].questions[0].scales: scale ids must be unique',
    ]);
    expect(
      problems({
        type: 'matrixScales',
        items: opts('a'),
        scales: [{ ...scale('s', 3), pointLabels: [en('Poor'), en('Good')] }],
      }),
    ).toEqual(['pages[0].questions[0].scales[0].pointLabels: needs one label per point of the scale']);
    expect(
      problems({ type: 'matrixScales', items: opts('a'), scales: [1, 2, 3, 4, 5].map((k) => scale(`s${k}`)) }),
    ).toEqual(['pages[0].questions[0].scales: has more than 4 scales']);
  });
});

describe('answers to them', () => {
  it('an instructions block takes no answer at all', () => {
    expect(code(q({ type: 'info' }), 'read it')).toBe('wrong-type');
  });

  it('a date is a real calendar day written YYYY-MM-DD, within the bounds', () => {
    const date = q({ type: 'date', min: '2026-01-01', max: '2026-06-30' });
    expect(code(date, '2026-03-15')).toBeNull();
    expect(code(date, '2026-01-01')).toBeNull();
    expect(code(date, '2026-06-30')).toBeNull();
    expect(code(date, '2025-12-31')).toBe('out-of-range');
    expect(code(date, '2026-07-01')).toBe('out-of-range');
    expect(code(date, '2026-02-29')).toBe('wrong-type'); // 2026 is not a leap year
    expect(code(date, '15/03/2026')).toBe('wrong-type');
    expect(code(date, 20260315)).toBe('wrong-type');
    expect(code(q({ type: 'date' }), '2024-02-29')).toBeNull();
  });

  it('yes/no is "yes" or "no", and display logic reads it as a choice', () => {
    const yn = q({ type: 'yesno' });
    expect(code(yn, 'yes')).toBeNull();
    expect(code(yn, 'no')).toBeNull();
    expect(code(yn, true)).toBe('wrong-type');
    expect(code(yn, 'Y')).toBe('wrong-type');
    expect(
      evaluate(
        { match: 'all', conditions: [{ source: 'q1', op: 'equals', value: 'yes' }] },
        { answers: { q1: 'yes' }, hidden: {} },
      ),
    ).toBe(true);
    expect(
      evaluate(
        { match: 'all', conditions: [{ source: 'q1', op: 'equals', value: 'yes' }] },
        { answers: { q1: 'no' }, hidden: {} },
      ),
    ).toBe(false);
  });

  it('number fields: each a number in range, whole when asked, adding up to the total', () => {
    const shares = q({
      type: 'fields',
      items: opts('online', 'store', 'phone'),
      min: 0,
      max: 100,
      integer: true,
      total: 100,
      required: true,
    });
    expect(code(shares, { online: 60, store: 30, phone: 10 })).toBeNull();
    expect(checkAnswer(shares, { online: 60, store: 30, phone: 5 })).toMatchObject({
      code: 'constant-sum',
      params: { total: 100, sum: 95 },
    });
    expect(code(shares, { online: 60.5, store: 29.5, phone: 10 })).toBe('not-integer');
    expect(code(shares, { online: 120, store: -10, phone: -10 })).toBe('out-of-range');
    expect(code(shares, { online: '60', store: 30, phone: 10 })).toBe('wrong-type');
    expect(code(shares, { web: 100 })).toBe('unknown-item');
    // Decimal shares that add up to 100 on paper do so here too (0.1 + 0.2 is 0.30000000000000004 in binary).
    const decimals = q({ type: 'fields', items: opts('a', 'b', 'c'), total: 0.6 });
    expect(code(decimals, { a: 0.1, b: 0.2, c: 0.3 })).toBeNull();
    const counts = q({ type: 'fields', items: opts('adults', 'children'), required: true });
    expect(code(counts, { adults: 2 })).toBe('required');
    expect(code(q({ type: 'fields', items: opts('adults', 'children') }), { adults: 2 })).toBeNull();
  });

  it('text fields: each a text within the length', () => {
    const names = q({ type: 'fields', items: opts('first', 'last'), input: 'text', maxLength: 10, required: true });
    expect(code(names, { first: 'Ada', last: 'Lovelace' })).toBeNull();
    expect(code(names, { first: 'Ada', last: 'Lovelace-Byron' })).toBe('too-long');
    expect(code(names, { first: 'Ada', last: 3 })).toBe('wrong-type');
    expect(code(names, { first: 'Ada', last: '  ' })).toBe('required');
  });

  it('several scales: every item on every scale within that scale', () => {
    const grid = q({
      type: 'matrixScales',
      items: opts('price', 'staff'),
      scales: [scale('imp'), scale('sat', 7)],
      required: true,
    });
    expect(code(grid, { price: { imp: 5, sat: 7 }, staff: { imp: 1, sat: 1 } })).toBeNull();
    expect(checkAnswer(grid, { price: { imp: 6, sat: 7 }, staff: { imp: 1, sat: 1 } })).toMatchObject({
      code: 'out-of-range',
      params: { min: 1, max: 5 },
    });
    expect(code(grid, { price: { imp: 5, sat: 7 }, staff: { imp: 1 } })).toBe('required');
    expect(code(grid, { price: { imp: 5, fun: 3 } })).toBe('unknown-item');
    expect(code(grid, { price: 5 })).toBe('wrong-type');
    expect(code(grid, { price: { imp: 2.5 } })).toBe('wrong-type');
  });

  it('a submission names the question whose answer is wrong, and keeps none of an instructions block', () => {
    const def = v.parse(SurveyDefinitionSchema, {
      title: en('T'),
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'intro', type: 'info', text: en('Please think of your last stay.') },
            { id: 'stayed', type: 'yesno', text: en('Did you stay with us?'), required: true },
            {
              id: 'when',
              type: 'date',
              text: en('When?'),
              visibleIf: { conditions: [{ source: 'stayed', op: 'equals', value: 'yes' }] },
              required: true,
            },
          ],
        },
      ],
    });
    expect(validateSubmission(def, { stayed: 'no' }, true).issues).toEqual([]);
    expect(validateSubmission(def, { stayed: 'yes' }, true).issues.map((i) => [i.questionId, i.code])).toEqual([
      ['when', 'required'],
    ]);
    expect(
      validateSubmission(def, { stayed: 'yes', when: '2026-13-01' }, true).issues.map((i) => [i.questionId, i.code]),
    ).toEqual([['when', 'wrong-type']]);
    expect(
      validateSubmission(def, { intro: 'x', stayed: 'no' }, true).issues.map((i) => [i.questionId, i.code]),
    ).toEqual([['intro', 'wrong-type']]);
  });
});

describe('their answers on a case page and in webhooks', () => {
  it("read as labels: fields by name, each scale by its heading and its point's label", () => {
    const def = v.parse(SurveyDefinitionSchema, {
      title: en('T'),
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'yn', type: 'yesno', text: en('Member?'), yesLabel: en('A member'), noLabel: en('Not a member') },
            {
              id: 'f',
              type: 'fields',
              text: en('Shares'),
              items: [
                { id: 'web', label: en('Online') },
                { id: 'shop', label: en('In store') },
              ],
            },
            {
              id: 'm',
              type: 'matrixScales',
              text: en('Rate'),
              items: [{ id: 'price', label: en('Prices') }],
              scales: [
                scale('imp'),
                { ...scale('sat', 3), label: en('Satisfaction'), pointLabels: [en('Poor'), en('Fair'), en('Good')] },
              ],
            },
          ],
        },
      ],
    });
    expect(
      labelledAnswers(def, { yn: 'no', f: { web: 60, shop: 40 }, m: { price: { imp: 5, sat: 2 } } }, 'en').map(
        (a) => a.label,
      ),
    ).toEqual(['Not a member', 'Online: 60; In store: 40', 'Prices: imp 5, Satisfaction Fair']);
  });
});
