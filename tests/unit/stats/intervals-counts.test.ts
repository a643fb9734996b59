import { describe, expect, it } from 'vitest';
import { meanCIOfCounts, StatsInputError } from '../../../shared/stats';

describe('meanCIOfCounts (Student t interval from a frequency table)', () => {
  it("hand computation: the same data as meanCI's test, given as counts", () => {
    // Values 2 4 4 4 5 5 7 9 as counts of 2, 4, 5, 7, 9: mean 5; sd = √(32/7) = 2.1380899;
    // t_{0.975,7} = 2.364624 (t table); half-width 1.7874879 → (3.2125121, 6.7874879).
    const ci = meanCIOfCounts([1, 3, 2, 1, 1], [2, 4, 5, 7, 9]);
    expect(ci.n).toBe(8);
    expect(ci.mean).toBe(5);
    expect(ci.sd).toBeCloseTo(2.1380899, 7);
    expect(ci.lower).toBeCloseTo(3.2125121, 6);
    expect(ci.upper).toBeCloseTo(6.7874879, 6);
  });

  it('takes fractional (weighted) counts: the weighted mean, sd with divisor Σc − 1', () => {
    // Counts 1.5 and 2.5 of values 1 and 3: Σc = 4, mean = (1.5 + 7.5) / 4 = 2.25;
    // squares 1.5·1.5625 + 2.5·0.5625 = 3.75, sd = √(3.75 / 3) = 1.1180340.
    const ci = meanCIOfCounts([1.5, 2.5], [1, 3]);
    expect(ci.mean).toBeCloseTo(2.25, 12);
    expect(ci.sd).toBeCloseTo(1.118034, 6);
  });

  it('skips values counted 0 and rejects unusable tables', () => {
    expect(meanCIOfCounts([0, 2, 0], [1, 4, 5])).toEqual({ n: 2, mean: 4, sd: 0, lower: 4, upper: 4 });
    expect(() => meanCIOfCounts([1, 0], [1, 2])).toThrow(/counts: must add up to at least 2/);
    expect(() => meanCIOfCounts([-1, 3], [1, 2])).toThrow(StatsInputError);
    expect(() => meanCIOfCounts([NaN, 3], [1, 2])).toThrow(StatsInputError);
    expect(() => meanCIOfCounts([1, 2], [1])).toThrow(/one count per value/);
  });
});
