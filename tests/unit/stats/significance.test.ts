import { describe, expect, it } from 'vitest';
import { pairedT, StatsInputError, twoProportionZ, welchT } from '../../../shared/stats';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const summary = (xs: number[]) => ({ mean: mean(xs), sd: sd(xs), n: xs.length });

describe('welchT (Welch 1947)', () => {
  it("matches R's t.test on the sleep data", () => {
    // Student's sleep data (R's `sleep`, Cushny & Peebles 1905). R 4.x:
    //   > t.test(extra ~ group, data = sleep)
    //   Welch Two Sample t-test
    //   t = -1.8608, df = 17.776, p-value = 0.07939
    const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const r = welchT(summary(g1), summary(g2));
    expect(r.difference).toBeCloseTo(-1.58, 12);
    expect(r.statistic).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
  });

  it('by hand: equal sizes and spreads give t = Δ / √(2s²/n) with 2(n − 1) degrees of freedom', () => {
    // m 5 vs 4, s 1 each, n 10: t = 1 / √0.2 = 2.236068; ν = 0.04 / (2 · 0.01 / 9) = 18.
    // Two-sided p from SciPy 1.x: 2 * scipy.stats.t.sf(sqrt(5), 18) = 0.0382496.
    const r = welchT({ mean: 5, sd: 1, n: 10 }, { mean: 4, sd: 1, n: 10 });
    expect(r.statistic).toBeCloseTo(Math.sqrt(5), 12);
    expect(r.df).toBeCloseTo(18, 12);
    expect(r.p).toBeCloseTo(0.0382496, 6);
  });

  it('rejects groups it cannot test', () => {
    expect(() => welchT({ mean: 1, sd: 1, n: 1 }, { mean: 2, sd: 1, n: 5 })).toThrow(/a\.n/);
    expect(() => welchT({ mean: 1, sd: 0, n: 5 }, { mean: 2, sd: 0, n: 5 })).toThrow(StatsInputError);
    expect(() => welchT({ mean: NaN, sd: 1, n: 5 }, { mean: 2, sd: 1, n: 5 })).toThrow(/a\.mean/);
    expect(() => welchT({ mean: 1, sd: -1, n: 5 }, { mean: 2, sd: 1, n: 5 })).toThrow(/a\.sd/);
  });
});

describe('pairedT (Student 1908)', () => {
  it("matches R's paired t.test on the sleep data", () => {
    // The same ten patients under both drugs. R 4.x:
    //   > t.test(extra ~ group, data = sleep, paired = TRUE)   (R < 4.4: t.test(g1, g2, paired = TRUE))
    //   Paired t-test
    //   t = -4.0621, df = 9, p-value = 0.002833
    //   mean difference -1.58
    const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const r = pairedT(summary(g1.map((x, i) => x - g2[i])));
    expect(r.difference).toBeCloseTo(-1.58, 12);
    expect(r.statistic).toBeCloseTo(-4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 6);
    // The same data as independent groups (Welch, above) gives p 0.079: pairing removes the
    // patients' own variation.
    expect(welchT(summary(g1), summary(g2)).p).toBeGreaterThan(0.05);
  });

  it('by hand: d̄ 1, s_d 2, 16 pairs gives t = 1 / (2/4) = 2 on 15 degrees of freedom', () => {
    // Two-sided p from SciPy 1.x: 2 * scipy.stats.t.sf(2, 15) = 0.0639450.
    const r = pairedT({ mean: 1, sd: 2, n: 16 });
    expect(r.statistic).toBeCloseTo(2, 12);
    expect(r.df).toBe(15);
    expect(r.p).toBeCloseTo(0.063945, 6);
  });

  it('rejects differences it cannot test', () => {
    expect(() => pairedT({ mean: 1, sd: 1, n: 1 })).toThrow(/differences\.n/);
    expect(() => pairedT({ mean: 2, sd: 0, n: 30 })).toThrow(StatsInputError);
    expect(() => pairedT({ mean: NaN, sd: 1, n: 5 })).toThrow(/differences\.mean/);
  });
});

describe('twoProportionZ (pooled two-proportion z test)', () => {
  it("matches R's prop.test without continuity correction", () => {
    // 15/50 vs 25/50. By hand: p̂ = 0.4, se = √(0.4 · 0.6 · (1/50 + 1/50)) = √0.0096 = 0.0979796,
    // z = −0.2 / 0.0979796 = −2.041241. R: prop.test(c(15, 25), c(50, 50), correct = FALSE)
    // gives X-squared = 4.1667 (= z²), p-value = 0.04123.
    const r = twoProportionZ(15, 50, 25, 50);
    expect(r.difference).toBeCloseTo(-0.2, 12);
    expect(r.statistic).toBeCloseTo(-2.041241, 6);
    expect(r.statistic ** 2).toBeCloseTo(4.1667, 4);
    expect(r.p).toBeCloseTo(0.04123, 5);
    expect(r.df).toBeNull();
  });

  it('equal shares of all or nothing carry no evidence of a difference', () => {
    expect(twoProportionZ(0, 10, 0, 20)).toEqual({ difference: 0, statistic: 0, df: null, p: 1 });
    expect(twoProportionZ(10, 10, 20, 20).p).toBe(1);
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionZ(11, 10, 1, 10)).toThrow(/x1/);
    expect(() => twoProportionZ(1, 0, 1, 10)).toThrow(/n1/);
    expect(() => twoProportionZ(1, 10, -1, 10)).toThrow(/x2/);
  });
});
