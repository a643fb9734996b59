import { describe, expect, it } from 'vitest';
import {
  distinguish,
  NPS_GROUPS,
  npsGroup,
  SATISFACTION_GROUPS,
  satisfactionGroup,
} from '../../../shared/coding/distinguish';
import { fisherExact2xC } from '../../../shared/stats/exact';

/**
 * 100 respondents: 40 detractors scoring 4, 30 passives scoring 7, 30 promoters scoring 9.
 * "slow" is mentioned by 20 detractors, 6 passives, 4 promoters; "price" by 12, 9, 9 (exactly what
 * independence expects); "friendly" by 2, 3, 10.
 */
function sample() {
  const group: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s = i < 40 ? 4 : i < 70 ? 7 : 9;
    score.push(s);
    group.push(npsGroup(s));
  }
  const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
  return {
    groups: NPS_GROUPS,
    group,
    score,
    codes: [
      { id: 'slow', members: [...range(0, 20), ...range(40, 6), ...range(70, 4)] },
      { id: 'price', members: [...range(0, 12), ...range(40, 9), ...range(70, 9)] },
      { id: 'friendly', members: [...range(0, 2), ...range(40, 3), ...range(70, 10)] },
    ],
  };
}

describe('what distinguishes detractors from promoters', () => {
  const table = distinguish(sample());
  const [slow, price, friendly] = table.codes;

  it('counts each group and the share of it mentioning a code', () => {
    expect(table.groups).toEqual([
      { group: 'detractor', n: 40 },
      { group: 'passive', n: 30 },
      { group: 'promoter', n: 30 },
    ]);
    expect(slow.byGroup.map((g) => [g.mentions, g.share])).toEqual([
      [20, 0.5],
      [6, 0.2],
      [4, 4 / 30],
    ]);
    for (const g of slow.byGroup) {
      expect(g.lower).toBeLessThan(g.share);
      expect(g.upper).toBeGreaterThan(g.share);
    }
  });

  it('tests the difference by chi-square, computed by hand', () => {
    // Expected mentions 30·(40, 30, 30)/100 = 12, 9, 9; non-mentions 28, 21, 21.
    // X² = 8²/12 + 3²/9 + 5²/9 + 8²/28 + 3²/21 + 5²/21 = 13.015873…, df 2,
    // and with 2 degrees of freedom p = exp(−X²/2) = 0.0014916….
    expect(slow.test!.method).toBe('chi-square');
    expect(slow.test!.statistic).toBeCloseTo(64 / 12 + 1 + 25 / 9 + 64 / 28 + 9 / 21 + 25 / 21, 10);
    expect(slow.test!.df).toBe(2);
    expect(slow.test!.p).toBeCloseTo(Math.exp(-13.015873015873 / 2), 10);
    expect(price.test!.statistic).toBeCloseTo(0, 12);
    expect(price.test!.p).toBeCloseTo(1, 12);
  });

  it('falls back to Fisher’s exact test when an expected count is under 5', () => {
    // "friendly": 15 mentions, expected 6, 4.5, 4.5.
    expect(friendly.test!.method).toBe('fisher-exact');
    expect(friendly.test!.p).toBeCloseTo(fisherExact2xC([2, 3, 10], [40, 30, 30])!, 12);
  });

  it('corrects for the number of codes by Benjamini–Hochberg', () => {
    // p: slow 0.0014916 < friendly 0.0048696 < price 1 (m = 3). Adjusted: slow min(p·3/1, friendly·3/2)
    // = p·3; friendly min(p·3/2, 1) = p·1.5; price 1.
    expect(table.correction).toBe('benjamini-hochberg');
    expect(slow.test!.p).toBeLessThan(friendly.test!.p);
    expect(slow.test!.pAdjusted).toBeCloseTo(slow.test!.p * 3, 12);
    expect(friendly.test!.pAdjusted).toBeCloseTo(friendly.test!.p * 1.5, 12);
    expect(price.test!.pAdjusted).toBe(1);
  });

  it('calls a difference significant only on an adequate base, and says where the code is frequent', () => {
    expect(slow.significant).toBe(true);
    expect(slow.highestIn).toBe('detractor');
    expect(price.significant).toBe(false);
    expect(friendly.smallBase).toBe(true);
    expect(friendly.significant).toBe(false);
    expect(friendly.highestIn).toBeNull();
  });

  it('gives the mean score of those who mention a code, with its t interval', () => {
    // (20·4 + 6·7 + 4·9)/30 = 158/30 = 5.2667; squared deviations 105.8667, sd = √(105.8667/29) =
    // 1.91066; half-width t(0.975, 29) = 2.045230 × 1.91066/√30 = 0.71345.
    expect(slow.mean!.n).toBe(30);
    expect(slow.mean!.mean).toBeCloseTo(158 / 30, 10);
    expect(slow.mean!.lower).toBeCloseTo(158 / 30 - 0.71345, 4);
    expect(slow.mean!.upper).toBeCloseTo(158 / 30 + 0.71345, 4);
    // Whole base: (40·4 + 30·7 + 30·9)/100 = 6.4.
    expect(table.mean!.mean).toBeCloseTo(6.4, 12);
  });

  it('leaves out respondents without a group, and refuses a member outside the base', () => {
    const s = sample();
    s.group[0] = -1;
    expect(distinguish(s).codes[0].byGroup[0]).toMatchObject({ n: 39, mentions: 19 });
    expect(() => distinguish({ ...s, codes: [{ id: 'x', members: [100] }] })).toThrow(/codes.x/);
    expect(() => distinguish({ ...s, group: [...s.group, 3], score: [...s.score, 1] })).toThrow(/group/);
  });

  it('has no test for a code nobody or everybody mentions', () => {
    const s = sample();
    const all = distinguish({
      ...s,
      codes: [
        { id: 'none', members: [] },
        { id: 'all', members: s.group.map((_, i) => i) },
      ],
    });
    expect(all.codes.map((c) => c.test)).toEqual([null, null]);
    expect(all.codes[0].mean).toBeNull();
  });
});

describe('the groups of a score', () => {
  it('are the NPS groups of a 0–10 score and the top two points of a satisfaction scale', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual([0, 0, 1, 1, 2, 2]);
    expect([1, 2, 3, 4, 5].map((s) => satisfactionGroup(s, 5))).toEqual([0, 0, 0, 1, 1]);
    expect(SATISFACTION_GROUPS).toEqual(['low', 'high']);
  });
});
