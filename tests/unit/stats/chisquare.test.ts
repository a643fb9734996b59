import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSurvival,
  chiSquareTest,
  pairwiseMeans,
  pairwiseProportions,
  StatsInputError,
} from '../../../shared/stats';

describe('the chi-square distribution', () => {
  it('has the critical values of the standard table', () => {
    // Upper-tail critical values, NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4
    // (also Agresti 2007, Table A.2 of the appendix).
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841, 3);
    expect(chiSquareQuantile(0.95, 2)).toBeCloseTo(5.991, 3);
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307, 3);
    expect(chiSquareQuantile(0.99, 1)).toBeCloseTo(6.635, 3);
    expect(chiSquareQuantile(0.999, 5)).toBeCloseTo(20.515, 3);
    expect(chiSquareQuantile(0.05, 10)).toBeCloseTo(3.94, 3);
  });

  it('gives back the tail probabilities of those values', () => {
    // qchisq(0.95, 1) = 1.959963984540054² (the normal's 97.5% point squared).
    expect(chiSquareCdf(1.959963984540054 ** 2, 1)).toBeCloseTo(0.95, 12);
    expect(chiSquareCdf(18.307038053275146, 10)).toBeCloseTo(0.95, 10);
    expect(chiSquareCdf(0, 3)).toBe(0);
  });

  it('matches the closed form for two degrees of freedom, F(x) = 1 − e^(−x/2), far into the tail', () => {
    for (const x of [0.01, 0.5, 2, 5.991, 30, 200]) {
      expect(chiSquareCdf(x, 2)).toBeCloseTo(1 - Math.exp(-x / 2), 12);
      expect(chiSquareSurvival(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 10);
    }
  });

  it('refuses what has no distribution', () => {
    expect(() => chiSquareCdf(-1, 2)).toThrow(StatsInputError);
    expect(() => chiSquareCdf(1, 0)).toThrow(/^df: /);
    expect(() => chiSquareQuantile(1, 2)).toThrow(/^p: /);
    expect(() => chiSquareCdf(NaN, 2)).toThrow(/^x: /);
  });
});

describe("Pearson's chi-square test of independence", () => {
  it("reproduces Agresti's gender × party identification table", () => {
    // Agresti, An Introduction to Categorical Data Analysis, 2nd ed. (2007), Table 2.5 and §2.4.3:
    // females 762 / 327 / 468 (Democrat, Independent, Republican), males 484 / 239 / 477;
    // "X² = 30.1, df = 2, P-value < 0.001". R's ?chisq.test example on the same table:
    // X-squared = 30.07, df = 2, p-value = 2.954e-07.
    const r = chiSquareTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(r.statistic).toBeCloseTo(30.07, 2);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(2.954e-7, 9);
    expect(r.cochranWarning).toBe(false);
    expect(r.lowExpectedShare).toBe(0);
  });

  it("by hand: a 2 × 2 table, with Cochran's warning when expected counts are small", () => {
    // [[8, 2], [2, 8]]: every expected count 5, each cell (±3)²/5, X² = 4 · 9/5 = 7.2 on 1 df.
    const r = chiSquareTest([
      [8, 2],
      [2, 8],
    ]);
    expect(r.statistic).toBeCloseTo(7.2, 12);
    expect(r.df).toBe(1);
    // 7.2 lies between the table's 6.635 (p = 0.01) and 7.879 (p = 0.005).
    expect(r.p).toBeLessThan(0.01);
    expect(r.p).toBeGreaterThan(0.005);
    expect(r.cochranWarning).toBe(false);
    // [[3, 1], [1, 3]]: expected 2 everywhere, all four under 5 → the rule is broken.
    const small = chiSquareTest([
      [3, 1],
      [1, 3],
    ]);
    expect(small.lowExpectedShare).toBe(1);
    expect(small.minExpected).toBe(2);
    expect(small.cochranWarning).toBe(true);
  });

  it('leaves empty rows and columns out of the degrees of freedom', () => {
    const r = chiSquareTest([
      [8, 0, 2],
      [0, 0, 0],
      [2, 0, 8],
    ]);
    expect(r.statistic).toBeCloseTo(7.2, 12);
    expect(r.df).toBe(1);
    expect([r.rows, r.columns]).toEqual([2, 2]);
  });

  it('refuses a table it cannot test', () => {
    expect(() => chiSquareTest([[1, 2, 3]])).toThrow(/^table: needs at least two rows/);
    expect(() =>
      chiSquareTest([
        [1, 2],
        [0, 0],
      ]),
    ).toThrow(StatsInputError);
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(/^table\[1\]: /);
    expect(() =>
      chiSquareTest([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(/^table\[0\]\[1\]: /);
    expect(() =>
      chiSquareTest([
        [1, NaN],
        [3, 4],
      ]),
    ).toThrow(StatsInputError);
  });
});

describe('pairwise column comparisons with Bonferroni within the row', () => {
  it('by hand: marks a proportion only past the Bonferroni critical value for three pairs', () => {
    // A 30/50, B 15/50, C 21/40. Pooled z: A–B p̂ = 0.45, z = 0.30 / √(0.45 · 0.55 · 2/50) = 3.015;
    // C–B p̂ = 0.40, z = 0.225 / √(0.40 · 0.60 · (1/50 + 1/40)) = 2.165; A–C z = 0.949.
    // Three pairs: two-sided α/3 gives z = 2.394 (qnorm(1 − 0.05/6)); unadjusted it would be 1.960.
    const z = (x1: number, n1: number, x2: number, n2: number) => {
      const p = (x1 + x2) / (n1 + n2);
      return (x1 / n1 - x2 / n2) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    };
    expect(z(30, 50, 15, 50)).toBeGreaterThan(2.394);
    expect(z(21, 40, 15, 50)).toBeGreaterThan(1.96);
    expect(z(21, 40, 15, 50)).toBeLessThan(2.394);
    const r = pairwiseProportions(
      [
        { x: 30, n: 50 },
        { x: 15, n: 50 },
        { x: 21, n: 40 },
      ],
      0.05,
    );
    expect(r.pairs).toBe(3);
    expect(r.higherThan).toEqual([[1], [], []]);
    // Without A only one pair is left: C over B is then significant.
    expect(pairwiseProportions([null, { x: 15, n: 50 }, { x: 21, n: 40 }], 0.05)).toEqual({
      higherThan: [[], [], [1]],
      pairs: 1,
    });
  });

  it("tests means by Welch's t, adjusted the same way", () => {
    // m 5 vs 4, s 1, n 10 each: p = 0.0382496 (SciPy, see significance.test.ts). One pair: marked;
    // with a third column, three pairs make it 0.115: not marked.
    expect(
      pairwiseMeans(
        [
          { mean: 5, sd: 1, n: 10 },
          { mean: 4, sd: 1, n: 10 },
        ],
        0.05,
      ).higherThan,
    ).toEqual([[1], []]);
    expect(
      pairwiseMeans(
        [
          { mean: 5, sd: 1, n: 10 },
          { mean: 4, sd: 1, n: 10 },
          { mean: 4.5, sd: 1, n: 10 },
        ],
        0.05,
      ).higherThan,
    ).toEqual([[], [], []]);
    // Two columns without spread have no test.
    expect(
      pairwiseMeans(
        [
          { mean: 5, sd: 0, n: 40 },
          { mean: 4, sd: 0, n: 40 },
        ],
        0.05,
      ).higherThan,
    ).toEqual([[], []]);
  });

  it('refuses unusable columns', () => {
    expect(() => pairwiseProportions([{ x: 3, n: 0 }], 0.05)).toThrow(/^groups\[0\]\.n: /);
    expect(() => pairwiseProportions([{ x: 6, n: 5 }], 0.05)).toThrow(/^groups\[0\]\.x: /);
    expect(() => pairwiseMeans([{ mean: 1, sd: 1, n: 1 }], 0.05)).toThrow(/^groups\[0\]\.n: /);
    expect(() => pairwiseProportions([], 1)).toThrow(/^alpha: /);
  });
});
