/**
 * Priorities: importance–performance analysis, correlation, and key-driver (relative importance)
 * analysis by Johnson's relative weights and by Shapley/LMG decomposition of R².
 */
import { finite, mean, numbers, sameLength, StatsInputError } from './errors';
import { COLLINEAR, correlationMatrix, solvePositiveDefinite, symmetricEigen } from './matrix';

export type IpaQuadrant = 'concentrate' | 'keep-up' | 'low-priority' | 'overkill';

/**
 * Importance–performance analysis (Martilla & James, Journal of Marketing 41(1), 1977) with the
 * crosshairs at the mean importance and mean performance of the items given; a value equal to or
 * above its mean counts as high. High importance & low performance: 'concentrate' ("concentrate
 * here"); high & high: 'keep-up' ("keep up the good work"); low & low: 'low-priority'; low
 * importance & high performance: 'overkill' ("possible overkill").
 *
 * @example
 * ipa([{ importance: 9, performance: 5 }, { importance: 5, performance: 9 }]); // ['concentrate', 'overkill']
 */
export function ipa(items: { importance: number; performance: number }[]): IpaQuadrant[] {
  if (!Array.isArray(items) || items.length === 0) throw new StatsInputError('items', 'must not be empty');
  items.forEach((item, i) => {
    finite(() => `items[${i}].importance`, item?.importance);
    finite(() => `items[${i}].performance`, item?.performance);
  });
  const meanImportance = mean(items.map((i) => i.importance));
  const meanPerformance = mean(items.map((i) => i.performance));
  return items.map(({ importance, performance }) => {
    const important = importance >= meanImportance;
    const performing = performance >= meanPerformance;
    if (important) return performing ? 'keep-up' : 'concentrate';
    return performing ? 'overkill' : 'low-priority';
  });
}

/**
 * Pearson's product-moment correlation r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)²·Σ(y − ȳ)²). Needs at
 * least 2 pairs, and neither variable may be constant (r is undefined then).
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // 0.9933992677987828
 */
export function pearson(x: number[], y: number[]): number {
  numbers('x', x, 2);
  numbers('y', y, 2);
  sameLength('x', x, 'y', y);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx === 0) throw new StatsInputError('x', 'is constant, so its correlation is undefined');
  if (syy === 0) throw new StatsInputError('y', 'is constant, so its correlation is undefined');
  return sxy / Math.sqrt(sxx * syy);
}

export interface RelativeImportance {
  /** R² of the linear regression of y on all predictors. */
  rSquared: number;
  /** Each predictor's share of R² (these sum to rSquared). */
  raw: number[];
  /** raw as percentages of R² (these sum to 100; all 0 when R² is 0). */
  percent: number[];
}

/** Validates rows-of-predictors data and returns the predictor correlation matrix and r(x, y). */
function driverData(X: number[][], y: number[]): { r: number[][]; rxy: number[] } {
  if (!Array.isArray(X) || X.length < 3) throw new StatsInputError('X', 'needs at least 3 rows (observations)');
  const k = Array.isArray(X[0]) ? X[0].length : 0;
  if (k === 0) throw new StatsInputError('X[0]', 'must hold at least one predictor value');
  X.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) {
      throw new StatsInputError(`X[${i}]`, `must hold ${k} predictor values`);
    }
    row.forEach((v, j) => {
      finite(() => `X[${i}][${j}]`, v);
    });
  });
  numbers('y', y);
  sameLength('X', X, 'y', y);
  const columns = Array.from({ length: k }, (_, j) => X.map((row) => row[j]));
  columns.forEach((c, j) => {
    if (c.every((v) => v === c[0])) throw new StatsInputError(`X[*][${j}]`, 'predictor is constant');
  });
  const rxy = columns.map((c) => pearson(c, y));
  return { r: correlationMatrix(columns), rxy };
}

function shares(raw: number[], rSquared: number): RelativeImportance {
  return { rSquared, raw, percent: raw.map((w) => (rSquared > 0 ? (100 * w) / rSquared : 0)) };
}

/**
 * Johnson's relative weights (Johnson, Multivariate Behavioral Research 35(1), 2000; the method of
 * the R package rwa): with R = VΛVᵀ the predictors' correlation matrix, Λ* = VΛ^{1/2}Vᵀ relates
 * the predictors to their closest orthogonal counterparts; β = Λ*⁻¹·r_xy; raw weight
 * ε_j = Σ_k λ*_{jk}²·β_k²; R² = Σβ_k². `X[i]` is observation i's predictor values.
 *
 * @example
 * relativeWeights(mtcars.map((c) => [c.cyl, c.disp, c.hp, c.gear]), mtcars.map((c) => c.mpg));
 * // as in rwa's README: rSquared 0.7791896, percent 29.32, 28.51, 29.80, 12.37
 */
export function relativeWeights(X: number[][], y: number[]): RelativeImportance {
  const { r, rxy } = driverData(X, y);
  const { values, vectors } = symmetricEigen(r);
  const k = values.length;
  if (values.some((v) => !(v > 1e-10))) throw new StatsInputError('X', COLLINEAR);
  // V·diag(f(λ))·Vᵀ for f = √ and 1/√: the symmetric square root of R and its inverse.
  const spectral = (f: (lambda: number) => number) =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => {
        let s = 0;
        for (let m = 0; m < k; m++) s += vectors[i][m] * vectors[j][m] * f(values[m]);
        return s;
      }),
    );
  const lambda = spectral(Math.sqrt);
  const lambdaInverse = spectral((v) => 1 / Math.sqrt(v));
  const beta = lambdaInverse.map((row) => row.reduce((s, v, m) => s + v * rxy[m], 0));
  const raw = lambda.map((row) => row.reduce((s, v, m) => s + v * v * beta[m] * beta[m], 0));
  return shares(
    raw,
    beta.reduce((s, b) => s + b * b, 0),
  );
}

/** The most predictors `shapley` accepts: it fits all 2^k sub-models. */
export const SHAPLEY_MAX_PREDICTORS = 10;

/**
 * Shapley value decomposition of R², also called LMG after Lindeman, Merenda & Gold (1980) and
 * computed as in Grömping's relaimpo (Journal of Statistical Software 17(1), 2006, type "lmg"):
 * each predictor's share is its increase in R² when added to a sub-model, averaged over all
 * orders of entry, i.e. Σ_S |S|!(k−|S|−1)!/k! · (R²(S ∪ j) − R²(S)). At most 10 predictors.
 */
export function shapley(X: number[][], y: number[]): RelativeImportance {
  const { r, rxy } = driverData(X, y);
  const k = rxy.length;
  if (k > SHAPLEY_MAX_PREDICTORS) {
    throw new StatsInputError('X', `Shapley/LMG takes at most ${SHAPLEY_MAX_PREDICTORS} predictors, got ${k}`);
  }
  const r2 = new Array<number>(1 << k).fill(0);
  for (let mask = 1; mask < 1 << k; mask++) {
    const members = Array.from({ length: k }, (_, j) => j).filter((j) => mask & (1 << j));
    const sub = members.map((i) => members.map((j) => r[i][j]));
    const rs = members.map((j) => rxy[j]);
    const b = solvePositiveDefinite(sub, rs, 'X');
    r2[mask] = b.reduce((s, v, i) => s + v * rs[i], 0);
  }
  const factorial = [1];
  for (let i = 1; i <= k; i++) factorial[i] = factorial[i - 1] * i;
  const raw = new Array<number>(k).fill(0);
  for (let mask = 0; mask < (1 << k) - 1; mask++) {
    let size = 0;
    for (let j = 0; j < k; j++) if (mask & (1 << j)) size++;
    const weight = (factorial[size] * factorial[k - size - 1]) / factorial[k];
    for (let j = 0; j < k; j++) {
      if (!(mask & (1 << j))) raw[j] += weight * (r2[mask | (1 << j)] - r2[mask]);
    }
  }
  return shares(raw, r2[(1 << k) - 1]);
}
