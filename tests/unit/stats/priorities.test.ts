import { describe, expect, it } from 'vitest';
import { ipa, pearson, relativeWeights, shapley, StatsInputError } from '../../../shared/stats';
import { mtcars } from './fixtures/mtcars';

const X = mtcars.map((c) => [c.cyl, c.disp, c.hp, c.gear]);
const mpg = mtcars.map((c) => c.mpg);

describe('ipa (Martilla & James 1977)', () => {
  it('crosshairs at the means, ≥ mean counts as high', () => {
    // Mean importance (4.5 + 4 + 3 + 2.5 + 4)/5 = 3.6; mean performance (3 + 4.5 + 2.5 + 4 + 3.5)/5 = 3.5.
    // The last item sits exactly on the performance mean, so it is "high": keep up.
    expect(
      ipa([
        { importance: 4.5, performance: 3 },
        { importance: 4, performance: 4.5 },
        { importance: 3, performance: 2.5 },
        { importance: 2.5, performance: 4 },
        { importance: 4, performance: 3.5 },
      ]),
    ).toEqual(['concentrate', 'keep-up', 'low-priority', 'overkill', 'keep-up']);
  });

  it('rejects empty input and NaN', () => {
    expect(() => ipa([])).toThrow(StatsInputError);
    expect(() => ipa([{ importance: NaN, performance: 1 }])).toThrow(/items\[0\]\.importance/);
  });
});

describe('pearson', () => {
  it('hand computation', () => {
    // x 1..5, y 2 4 5 4 5: deviations (−2 −1 0 1 2), (−2 0 1 0 1); Sxy = 4 + 2 = 6, Sxx = 10,
    // Syy = 6 → r = 6/√60 = 0.7745967.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7745967, 7);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
  });

  it('rejects constants, short or mismatched input', () => {
    expect(() => pearson([1, 1, 1], [1, 2, 3])).toThrow(/^x:.*constant/);
    expect(() => pearson([1, 2, 3], [2, 2, 2])).toThrow(/^y:.*constant/);
    expect(() => pearson([1], [1])).toThrow(/x/);
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(/y/);
  });
});

describe('relativeWeights (Johnson 2000) — the rwa package example', () => {
  // The rwa package's README (martinctc/rwa on GitHub / CRAN) runs
  // rwa(mtcars, outcome = "mpg", predictors = c("cyl", "disp", "hp", "gear")) and prints
  // rsquare 0.7791896; Raw.RelWeight 0.2284797, 0.2221469, 0.2321744, 0.0963886;
  // Rescaled.RelWeight 29.32274, 28.50999, 29.79691, 12.37037.
  const r = relativeWeights(X, mpg);

  it('reproduces R² and the raw and rescaled weights', () => {
    expect(r.rSquared).toBeCloseTo(0.7791896, 7);
    [0.2284797, 0.2221469, 0.2321744, 0.0963886].forEach((w, i) => {
      expect(r.raw[i]).toBeCloseTo(w, 7);
    });
    [29.32274, 28.50999, 29.79691, 12.37037].forEach((w, i) => {
      expect(r.percent[i]).toBeCloseTo(w, 5);
    });
  });

  it('weights add up to R², percentages to 100', () => {
    expect(r.raw.reduce((a, b) => a + b, 0)).toBeCloseTo(r.rSquared, 14);
    expect(r.percent.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
  });

  it('uncorrelated predictors: each weight is its squared correlation', () => {
    // x1 and x2 are orthogonal (centred, dot product 0), so R = I and ε_j = r_{jy}² exactly.
    const x1 = [1, -1, 1, -1];
    const x2 = [1, 1, -1, -1];
    const y = [3, 1, 2, -2];
    const w = relativeWeights(
      x1.map((v, i) => [v, x2[i]]),
      y,
    );
    expect(w.raw[0]).toBeCloseTo(pearson(x1, y) ** 2, 14);
    expect(w.raw[1]).toBeCloseTo(pearson(x2, y) ** 2, 14);
  });

  it('rejects collinear, constant, short and ragged input', () => {
    expect(() =>
      relativeWeights(
        [
          [1, 2],
          [2, 4],
          [3, 6],
          [4, 8.0000000001],
        ],
        [1, 2, 3, 5],
      ),
    ).toThrow(/collinear/);
    expect(() =>
      relativeWeights(
        [
          [1, 1],
          [2, 1],
          [3, 1],
        ],
        [1, 2, 4],
      ),
    ).toThrow(/constant/);
    expect(() => relativeWeights([[1], [2]], [1, 2])).toThrow(/X/);
    expect(() => relativeWeights([[1, 2], [2], [3, 4]], [1, 2, 3])).toThrow(/X\[1\]/);
    expect(() => relativeWeights([[1], [2], [3]], [1, 2])).toThrow(/y/);
    expect(() => relativeWeights([[1], [2], [NaN]], [1, 2, 3])).toThrow(/X\[2\]\[0\]/);
  });
});

describe('shapley (LMG) — independent cross-check on the same data', () => {
  // No published LMG figures for this model were at hand; the checks are structural and
  // against an independent computation: R² must equal the OLS R² that rwa prints (0.7791896), the
  // shares must add up to it, and on correlated predictors LMG and relative weights rank and size
  // the drivers alike (here within 3 points). A NumPy re-implementation run while writing this
  // test gave LMG shares 31.706, 31.250, 27.068, 9.975 %.
  const s = shapley(X, mpg);
  const rw = relativeWeights(X, mpg);

  it('decomposes the same R²', () => {
    expect(s.rSquared).toBeCloseTo(0.7791896, 7);
    expect(s.raw.reduce((a, b) => a + b, 0)).toBeCloseTo(s.rSquared, 12);
  });

  it('agrees with relative weights within 3 points', () => {
    s.percent.forEach((p, i) => {
      expect(Math.abs(p - rw.percent[i])).toBeLessThan(3);
    });
    [31.706, 31.25, 27.068, 9.975].forEach((p, i) => {
      expect(s.percent[i]).toBeCloseTo(p, 3);
    });
  });

  it('two predictors by hand: LMG_1 = ½·r1² + ½·(R² − r2²)', () => {
    const x1 = [1, 2, 3, 4, 5];
    const x2 = [2, 1, 4, 3, 6];
    const y = [1, 3, 2, 5, 4];
    const r1 = pearson(x1, y);
    const r2 = pearson(x2, y);
    const r12 = pearson(x1, x2);
    // Two-predictor R² = (r1² + r2² − 2·r1·r2·r12)/(1 − r12²).
    const full = (r1 * r1 + r2 * r2 - 2 * r1 * r2 * r12) / (1 - r12 * r12);
    const res = shapley(
      x1.map((v, i) => [v, x2[i]]),
      y,
    );
    expect(res.rSquared).toBeCloseTo(full, 14);
    expect(res.raw[0]).toBeCloseTo(0.5 * r1 * r1 + 0.5 * (full - r2 * r2), 14);
    expect(res.raw[1]).toBeCloseTo(0.5 * r2 * r2 + 0.5 * (full - r1 * r1), 14);
  });

  it('takes at most 10 predictors', () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      Array.from({ length: 11 }, (_, j) => Math.sin((i + 1) * (j + 1))),
    );
    expect(() =>
      shapley(
        rows,
        rows.map((_, i) => i),
      ),
    ).toThrow(/at most 10/);
  });
});
