/** The chi-square distribution and Pearson's test of independence for an r × c table. */
import { finite, nonNegative, openUnit, positive, StatsInputError } from './errors';
import { upperGamma } from './gamma';

const EPS = 1e-16;

/**
 * Cumulative distribution function of chi-square with `df` degrees of freedom:
 * F(x) = P(ν/2, x/2), the regularized lower incomplete gamma function (Abramowitz & Stegun 26.4.19).
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1); // 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
  nonNegative('x', x);
  positive('df', df);
  return 1 - upperGamma(df / 2, x / 2);
}

/** P(X² ≥ x): the p-value of a chi-square statistic, precise in the small tail. */
export function chiSquareSurvival(x: number, df: number): number {
  nonNegative('x', x);
  positive('df', df);
  return upperGamma(df / 2, x / 2);
}

/**
 * Quantile of chi-square with `df` degrees of freedom: the root of F(x) = p by bisection, which
 * the monotone CDF makes safe; 200 halvings reach the limit of a double.
 *
 * @example
 * chiSquareQuantile(0.95, 2); // 5.991464547107979
 */
export function chiSquareQuantile(p: number, df: number): number {
  openUnit('p', p);
  positive('df', df);
  let lo = 0;
  let hi = Math.max(1, df);
  while (chiSquareCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e100) throw new StatsInputError('p', `is too close to 1 for df = ${df}`);
  }
  for (let i = 0; i < 200 && hi - lo > EPS * hi; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
  /** Rows and columns of the table with any count; empty ones are left out, as they carry no information. */
  rows: number;
  columns: number;
  /** Share of the (kept) cells whose expected count is under 5. */
  lowExpectedShare: number;
  minExpected: number;
  /** Cochran's rule is broken: more than 20% of expected counts under 5, or any under 1. */
  cochranWarning: boolean;
}

/**
 * Pearson's chi-square test of independence of an r × c table of counts (Pearson 1900; Agresti,
 * An Introduction to Categorical Data Analysis, 2nd ed., 2007, §2.4): expected counts
 * μ̂ᵢⱼ = nᵢ₊n₊ⱼ/n, X² = Σ (nᵢⱼ − μ̂ᵢⱼ)²/μ̂ᵢⱼ on (r − 1)(c − 1) degrees of freedom, the p-value from
 * the chi-square distribution, as R's `chisq.test(…, correct = FALSE)`. Counts may be fractional
 * (weighted counts at the effective sample size). Cochran's rule (Cochran, Biometrics 10, 1954):
 * the approximation is doubtful when over 20% of expected counts are under 5 or any is under 1.
 *
 * @example
 * chiSquareTest([[762, 327, 468], [484, 239, 477]]); // X² 30.07, df 2, p 2.95e-7 (Agresti Table 2.5)
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareResult {
  if (!Array.isArray(table) || table.length === 0)
    throw new StatsInputError('table', 'must be an array of rows of counts');
  const width = Array.isArray(table[0]) ? table[0].length : 0;
  table.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width)
      throw new StatsInputError(`table[${i}]`, `must have ${width} counts like the first row`);
    row.forEach((x, j) => {
      nonNegative(() => `table[${i}][${j}]`, x);
    });
  });
  const rowTotals = table.map((row) => row.reduce((a: number, b: number) => a + b, 0));
  const colTotals = Array.from({ length: width }, (_, j) => table.reduce((a: number, row) => a + row[j], 0));
  const rows = rowTotals.flatMap((t, i) => (t > 0 ? [i] : []));
  const cols = colTotals.flatMap((t, j) => (t > 0 ? [j] : []));
  if (rows.length < 2 || cols.length < 2)
    throw new StatsInputError('table', 'needs at least two rows and two columns with counts');
  const n = finite(
    'table',
    rowTotals.reduce((a, b) => a + b, 0),
  );
  let statistic = 0;
  let low = 0;
  let minExpected = Infinity;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowTotals[i] * colTotals[j]) / n;
      statistic += (table[i][j] - expected) ** 2 / expected;
      if (expected < 5) low++;
      if (expected < minExpected) minExpected = expected;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  const lowExpectedShare = low / (rows.length * cols.length);
  return {
    statistic,
    df,
    p: chiSquareSurvival(statistic, df),
    rows: rows.length,
    columns: cols.length,
    lowExpectedShare,
    minExpected,
    cochranWarning: lowExpectedShare > 0.2 || minExpected < 1,
  };
}
