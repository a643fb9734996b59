import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, StatsInputError, tCdf, tQuantile, twoSidedZ } from '../../../shared/stats';

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('normalQuantile (Wichura AS 241)', () => {
  // Standard normal critical values to 10 significant digits (R's qnorm and SciPy's norm.ppf
  // agree; printed normal tables give the same to their 3–4 decimals, e.g. 1.960, 2.576, 1.645, 1.282).
  it.each([
    [0.975, 1.959963985],
    [0.995, 2.575829304],
    [0.95, 1.644853627],
    [0.9, 1.281551566],
  ])('Φ⁻¹(%s) = %s (normal table)', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 9);
    expect(normalQuantile(1 - p)).toBeCloseTo(-z, 9);
  });

  it('is exact to double precision', () => {
    // 16-digit reference values from SciPy 1.17 norm.ppf (run while writing this test; R's qnorm,
    // also AS 241, prints the same): Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(1e-10) = −6.361340902404056.
    expect(relative(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-15);
    expect(relative(normalQuantile(1e-10), -6.361340902404056)).toBeLessThan(1e-15);
  });

  it('is 0 at the median and odd around it', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 15);
  });

  it('twoSidedZ turns a confidence level into z_{1−α/2}', () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959963985, 9);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.575829304, 9);
  });

  it.each([0, 1, -0.1, 1.5, NaN, Infinity])('rejects p = %s', (p) => {
    expect(() => normalQuantile(p)).toThrow(StatsInputError);
    expect(() => twoSidedZ(p)).toThrow(/confidence/);
  });
});

describe('normalCdf', () => {
  it('matches normal-table values', () => {
    // Φ(1.96) = 0.9750, Φ(1) = 0.8413, Φ(−3) = 0.00135 in printed tables; to 16 digits (SciPy 1.17
    // norm.cdf, run while writing this test): 0.9750021048517795, 0.8413447460685429,
    // 0.0013498980316300933; and the far tail Φ(−10) = 7.61985302416047e-24.
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(relative(normalCdf(-3), 0.0013498980316300933)).toBeLessThan(1e-14);
    expect(relative(normalCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('inverts normalQuantile', () => {
    for (const p of [1e-12, 0.001, 0.2, 0.5, 0.7, 0.99])
      expect(relative(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
  });

  it('rejects NaN and overflowing input', () => {
    expect(() => normalCdf(NaN)).toThrow(/^x:/);
    expect(() => normalCdf(1e200)).toThrow(/^x:.*too large/);
  });
});

describe('tQuantile / tCdf (Student t via the incomplete beta function)', () => {
  // Student t critical values to 6 decimals (R's qt and SciPy's t.ppf; printed t tables agree to
  // their 3 decimals: 12.706, 4.303, 2.365, 2.262, 2.045, 4.604, 1.658, 12.924): two-sided 95 % for
  // 1, 2, 7, 9 and 29 df, 99 % for 4 df, one-sided 95 % for 120 df, 99.95 % for 3 df.
  it.each([
    [0.975, 1, 12.706205],
    [0.975, 2, 4.302653],
    [0.975, 7, 2.364624],
    [0.975, 9, 2.262157],
    [0.975, 29, 2.04523],
    [0.995, 4, 4.604095],
    [0.95, 120, 1.657651],
    [0.9995, 3, 12.923979],
  ])('t_{%s, %s} = %s (t table)', (p, df, t) => {
    expect(tQuantile(p, df)).toBeCloseTo(t, 6);
    expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 6);
  });

  it('agrees with a reference implementation to ~1e-14', () => {
    // 16-digit values from SciPy 1.17 t.ppf, run while writing this test: t_{0.975,9} =
    // 2.262157162798205, t_{0.975,1000} = 1.962339080826408, t_{0.6,2.5} = 0.2814595127485477
    // (fractional df, as Welch's test needs).
    expect(relative(tQuantile(0.975, 9), 2.262157162798205)).toBeLessThan(1e-14);
    expect(relative(tQuantile(0.975, 1000), 1.962339080826408)).toBeLessThan(1e-13);
    expect(relative(tQuantile(0.6, 2.5), 0.2814595127485477)).toBeLessThan(1e-13);
  });

  it('uses the Cornish–Fisher expansion from 1e5 df on, continuous with the exact method', () => {
    // SciPy 1.17: t.ppf(0.975, 1e5) = 1.9599877075346095, t.ppf(0.975, 2e6) = 1.9599651706763748;
    // t.cdf(−2, 1e5) = 0.022751481728753256 (mpmath, 30 digits: 0.0227514817287532316).
    expect(relative(tQuantile(0.975, 1e5), 1.9599877075346095)).toBeLessThan(1e-14);
    expect(relative(tQuantile(0.975, 2e6), 1.9599651706763748)).toBeLessThan(1e-14);
    expect(relative(tCdf(-2, 1e5), 0.0227514817287532316)).toBeLessThan(1e-13);
    expect(relative(tQuantile(0.975, 99_999), tQuantile(0.975, 100_000))).toBeLessThan(1e-9);
    expect(tQuantile(0.975, 1e100)).toBeCloseTo(normalQuantile(0.975), 15);
  });

  it('tCdf inverts tQuantile and is symmetric', () => {
    for (const df of [1, 3, 9.5, 40, 500]) {
      for (const p of [0.01, 0.2, 0.5, 0.9, 0.999]) {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 13);
      }
      expect(tCdf(-1.3, df) + tCdf(1.3, df)).toBeCloseTo(1, 15);
    }
    // Closed form for 1 df (Cauchy): F(1) = 1/2 + atan(1)/π = 0.75.
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 15);
  });

  it('rejects bad p, df and t', () => {
    expect(() => tQuantile(1, 5)).toThrow(StatsInputError);
    expect(() => tQuantile(0.5, 0)).toThrow(/df/);
    expect(() => tQuantile(0.9, NaN)).toThrow(/df/);
    expect(() => tCdf(NaN, 3)).toThrow(/^t:/);
  });
});
