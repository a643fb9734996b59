import { describe, expect, it } from 'vitest';
import { weightedRatio } from '../../../shared/stats/ratio';

describe('a ratio of sums with its linearised margin (Cochran 1977, §6.3–6.4)', () => {
  it('gives the revenue share of flagged respondents and its margin, computed by hand', () => {
    // Flags 1, 0, 0, 1 behind revenues 100, 50, 30, 20: R = 120 / 200 = 0.6. Residuals w(y − R):
    // 40, −30, −18, 8; squares sum to 2,888; var = 4/3 × 2,888 / 200² = 0.0962667; se = 0.310268;
    // margin = 1.959964 × se = 0.608115.
    const r = weightedRatio([1, 0, 0, 1], [100, 50, 30, 20]);
    expect(r.n).toBe(4);
    expect(r.estimate).toBeCloseTo(0.6, 12);
    expect(r.marginOfError!).toBeCloseTo(0.608115, 5);
  });

  it('is the plain mean and its margin when every weight is equal', () => {
    // Ratings 1…5 weighted alike: mean 3; Σ(y − 3)² = 10; var = 5/4 × 10 / 25 = 0.5 = s²/n with s² = 2.5.
    const r = weightedRatio([1, 2, 3, 4, 5], [7, 7, 7, 7, 7]);
    expect(r.estimate).toBeCloseTo(3, 12);
    expect(r.marginOfError!).toBeCloseTo(1.959964 * Math.sqrt(0.5), 5);
  });

  it('has no margin below two respondents or without weight, and refuses negative weights', () => {
    expect(weightedRatio([1], [10])).toEqual({ n: 1, estimate: 1, marginOfError: null });
    expect(weightedRatio([1, 0], [0, 0])).toEqual({ n: 2, estimate: 0, marginOfError: null });
    expect(weightedRatio([], [])).toEqual({ n: 0, estimate: 0, marginOfError: null });
    expect(() => weightedRatio([1, 0], [10, -1])).toThrow(/weights\[1\]/);
    expect(() => weightedRatio([1, 0], [10])).toThrow(/one weight per value/);
  });
});
