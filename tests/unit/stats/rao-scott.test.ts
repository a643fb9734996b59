import { describe, expect, it } from 'vitest';
import { chiSquareTest, kishEffectiveSize, raoScottChiSquare, StatsInputError } from '../../../shared/stats';

describe("Kish's effective size", () => {
  it('is (Σw)²/Σw²: n for equal weights, fewer for unequal ones', () => {
    expect(kishEffectiveSize(10, 10)).toBe(10);
    // Weights 1, 1, 2: (4)² / (1 + 1 + 4) = 16/6.
    expect(kishEffectiveSize(4, 6)).toBeCloseTo(16 / 6, 14);
    expect(kishEffectiveSize(0, 0)).toBe(0);
  });
});

describe("Rao–Scott's first-order corrected chi-square", () => {
  it("is Pearson's when every weight is 1 (Agresti 2007, Table 2.5: X² 30.07 on 2 df)", () => {
    const table = [
      [762, 327, 468],
      [484, 239, 477],
    ];
    const r = raoScottChiSquare(table, table, 2757);
    expect(r.designCorrection).toBeCloseTo(1, 12);
    expect(r.statistic).toBeCloseTo(chiSquareTest(table).statistic, 9);
    expect(r.statistic).toBeCloseTo(30.07, 2);
    expect(r.df).toBe(2);
  });

  it('matches the correction written out respondent by respondent', () => {
    // Eight respondents (row, column, weight), by hand. Each share's design effect is
    // n·Σₖ wₖ²(yₖ − p̂)² / (W²·p̂(1 − p̂)); δ̄ = [Σᵢⱼ (1 − p̂ᵢ₊p̂₊ⱼ)dᵢⱼ − Σᵢ (1 − p̂ᵢ₊)dᵢ − Σⱼ (1 − p̂₊ⱼ)dⱼ] / df
    // (Rao & Scott 1984; Lohr 2010, §10.3.2).
    const people: [number, number, number][] = [
      [0, 0, 1],
      [0, 0, 3],
      [0, 1, 1],
      [1, 0, 2],
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 4],
      [0, 1, 2],
    ];
    const n = people.length;
    const W = people.reduce((a, p) => a + p[2], 0);
    const share = (f: (p: [number, number, number]) => boolean) => people.filter(f).reduce((a, p) => a + p[2], 0) / W;
    const deff = (f: (p: [number, number, number]) => boolean) => {
      const p = share(f);
      return (n * people.reduce((a, q) => a + q[2] ** 2 * ((f(q) ? 1 : 0) - p) ** 2, 0)) / (W * W * p * (1 - p));
    };
    let sum = 0;
    let x2 = 0;
    for (const i of [0, 1]) {
      for (const j of [0, 1]) {
        const e = share((p) => p[0] === i) * share((p) => p[1] === j);
        sum += (1 - e) * deff((p) => p[0] === i && p[1] === j);
        x2 += (n * (share((p) => p[0] === i && p[1] === j) - e) ** 2) / e;
      }
    }
    for (const i of [0, 1]) sum -= (1 - share((p) => p[0] === i)) * deff((p) => p[0] === i);
    for (const j of [0, 1]) sum -= (1 - share((p) => p[1] === j)) * deff((p) => p[1] === j);
    const weights = [
      [4, 3],
      [2, 6],
    ];
    const squared = [
      [10, 5],
      [4, 18],
    ];
    const r = raoScottChiSquare(weights, squared, n);
    expect(r.pearson).toBeCloseTo(x2, 12);
    expect(r.designCorrection).toBeCloseTo(sum, 12);
    expect(r.statistic).toBeCloseTo(x2 / sum, 12);
    // Unequal weights make the shares less precise than n respondents' would be.
    expect(r.designCorrection).toBeGreaterThan(1);
  });

  it('refuses a table it cannot test, naming the argument', () => {
    expect(() => raoScottChiSquare([[1, 2]], [[1, 2]], 3)).toThrow(StatsInputError);
    expect(() =>
      raoScottChiSquare(
        [
          [1, 2],
          [3, 4],
        ],
        [[1, 2]],
        10,
      ),
    ).toThrow(/squaredWeights/);
    expect(() =>
      raoScottChiSquare(
        [
          [1, 2],
          [3, -4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
        10,
      ),
    ).toThrow(/weights\[1\]\[1\]/);
  });
});
