/** A coded question's shares per wave when the report is weighted (server/report/sections/coded-trend.ts). */
import { describe, expect, it } from 'vitest';
import { codedTrend } from '../../../server/report/sections/coded-trend';
import type { CodedQuestion } from '../../../server/coding/variables';
import type { Columns } from '../../../server/report/columns';
import type { Selection } from '../../../server/report/selection';

const bytes = (...xs: number[]) => Uint8Array.from(xs);

/**
 * Nine responses: four answered in each wave, and one in wave 1 who left the question empty.
 * Wave 1's weights are 1.5, 0.5, 1, 1 with the code on the first two; wave 2's all 1 with the code
 * on one. Kish's design effect of the whole selection is given as 1.25.
 */
const question: CodedQuestion = {
  questionId: 'why',
  text: { en: 'Why?' },
  codes: [{ id: 'slow', label: { en: 'Slow' }, isNet: false, netId: null }],
  answered: bytes(1, 1, 1, 1, 0, 1, 1, 1, 1),
  chosen: [bytes(1, 1, 0, 0, 0, 1, 0, 0, 0)],
  coded: bytes(1, 1, 1, 0, 0, 1, 1, 0, 0),
};
// The trend reads only the count and each response's wave of the columns.
const cols = { n: 9, wave: Int32Array.from([1, 1, 1, 1, 1, 2, 2, 2, 2]) } as unknown as Columns;
const sel: Selection = {
  mask: new Uint8Array(9).fill(1),
  n: 9,
  weights: Float64Array.from([1.5, 0.5, 1, 1, 1, 1, 1, 1, 1]),
  effectiveN: 9 / 1.25,
  designEffect: 1.25,
};

describe('code shares per wave, weighted', () => {
  it('takes the weighted share over an effective base of n ÷ the design effect', () => {
    const trend = codedTrend(question, cols, sel, [1, 2]);
    // Each wave: 4 answered, an effective base of 4 / 1.25 = 3.2; coded 3 and 2.
    expect(trend.waves).toEqual([
      { wave: 1, answered: 4, base: 3.2, coded: 3, smallBase: true },
      { wave: 2, answered: 4, base: 3.2, coded: 2, smallBase: true },
    ]);
    const [w1, w2] = trend.codes[0].shares;
    // Wave 1: (1.5 + 0.5) / 4 = 0.5, so 1.6 of 3.2; Wilson (z = 1.959964):
    // (0.5 + z²/6.4 ± z√(0.25/3.2 + z²/40.96)) / (1 + z²/3.2) = 0.130694 … 0.869306.
    expect(w1.share!.p).toBeCloseTo(0.5, 12);
    expect(w1.share!.lower).toBeCloseTo(0.13069365144696887, 12);
    expect(w1.share!.upper).toBeCloseTo(0.8693063485530311, 12);
    // Wave 2: 1 / 4 = 0.25, 0.8 of 3.2: 0.038692 … 0.734082.
    expect(w2.share!.p).toBeCloseTo(0.25, 12);
    expect(w2.share!.lower).toBeCloseTo(0.03869213032618912, 12);
    expect(w2.share!.upper).toBeCloseTo(0.7340822278369568, 12);
    // z = −0.25 / √(0.375 · 0.625 · 2/3.2) = −0.653197, p = 0.513629; small bases: never marked.
    expect(w2.change!.difference).toBeCloseTo(-0.25, 12);
    expect(w2.change!.p).toBeCloseTo(0.5136291133931241, 10);
    expect(w2.change).toMatchObject({ adjustedP: null, significant: false });
  });

  it('gives no share to a wave where nobody answered', () => {
    const none = { ...question, answered: bytes(1, 1, 1, 1, 0, 0, 0, 0, 0) };
    const trend = codedTrend(none, cols, sel, [1, 2]);
    expect(trend.waves[1]).toMatchObject({ answered: 0, base: 0 });
    expect(trend.codes[0].shares[1]).toEqual({ share: null, change: null });
  });
});
