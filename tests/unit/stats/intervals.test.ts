import { describe, expect, it } from 'vitest';
import { meanCI, StatsInputError, wilson } from '../../../shared/stats';

describe('meanCI (Student t interval)', () => {
  it('hand computation', () => {
    // Values 2 4 4 4 5 5 7 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
    // sd = √(32/7) = 2.1380899; t_{0.975,7} = 2.364624 (t table); half-width =
    // 2.364624 · 2.1380899 / √8 = 1.7874879 → (3.2125121, 6.7874879).
    const ci = meanCI([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(ci.n).toBe(8);
    expect(ci.mean).toBe(5);
    expect(ci.sd).toBeCloseTo(2.1380899, 7);
    expect(ci.lower).toBeCloseTo(3.2125121, 6);
    expect(ci.upper).toBeCloseTo(6.7874879, 6);
  });

  it('two values and other confidence levels', () => {
    // 1, 3: mean 2, sd √2, t_{0.995,1} = 63.656741 (t table); half = 63.656741 · √2/√2 = 63.656741.
    const ci = meanCI([1, 3], 0.99);
    expect(ci.lower).toBeCloseTo(2 - 63.656741, 5);
    expect(ci.upper).toBeCloseTo(2 + 63.656741, 5);
  });

  it('a constant sample has a zero-width interval, not NaN', () => {
    expect(meanCI([4, 4, 4])).toEqual({ n: 3, mean: 4, sd: 0, lower: 4, upper: 4 });
  });

  it('rejects fewer than 2 values, NaN and a bad confidence', () => {
    expect(() => meanCI([])).toThrow(StatsInputError);
    expect(() => meanCI([3])).toThrow(/values: needs at least 2/);
    expect(() => meanCI([3, NaN])).toThrow(/values\[1\]/);
    expect(() => meanCI([3, 4], 1)).toThrow(/confidence/);
    expect(() => meanCI([3, 4], 0)).toThrow(/confidence/);
  });
});

describe('wilson (score interval)', () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (score, no continuity
  // correction), 95 %. Rechecked by hand with z = 1.959964, e.g. for 81/263: p = 0.307985,
  // z²/n = 0.014606, centre = p + z²/2n = 0.315288, z·√(p(1−p)/n + z²/4n²) = 0.056271,
  // denominator 1.014606 → (0.259017/1.014606, 0.371559/1.014606) = (0.25529, 0.36621).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%s/%s → %s–%s (Newcombe 1998, Table I)', (x, n, lower, upper) => {
    const ci = wilson(x, n);
    expect(ci.p).toBe(x / n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('is exactly 0 or 1 at the extremes and mirrors around one half', () => {
    const all = wilson(29, 29);
    expect(all.upper).toBe(1);
    const none = wilson(0, 29);
    expect(none.lower).toBe(0);
    expect(all.lower).toBeCloseTo(1 - none.upper, 15);
    const a = wilson(7, 20);
    const b = wilson(13, 20);
    expect(a.lower).toBeCloseTo(1 - b.upper, 15);
  });

  it('rejects n < 1, successes outside 0..n, NaN and a bad confidence', () => {
    expect(() => wilson(0, 0)).toThrow(/^n:/);
    expect(() => wilson(0, 0.5)).toThrow(/^n:/);
    expect(() => wilson(5, 4)).toThrow(/^successes:/);
    expect(() => wilson(-1, 4)).toThrow(/^successes:/);
    expect(() => wilson(NaN, 4)).toThrow(/^successes:/);
    expect(() => wilson(1, 4, 1.2)).toThrow(/^confidence:/);
  });
});
