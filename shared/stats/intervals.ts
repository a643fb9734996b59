/** Confidence intervals for a mean and for a proportion. */
import { finite, mean, numbers, openUnit, StatsInputError } from './errors';
import { twoSidedZ } from './normal';
import { tQuantile } from './tdist';

export interface MeanInterval {
  n: number;
  mean: number;
  /** Sample standard deviation, divisor n − 1. */
  sd: number;
  lower: number;
  upper: number;
}

/**
 * Student's t confidence interval for a mean (Student, "The probable error of a mean", Biometrika 6, 1908):
 * mean ± t_{1−α/2, n−1} · sd/√n, sd with divisor n − 1. Needs at least 2 values.
 *
 * @example
 * meanCI([1, 2, 3, 4, 5]); // { n: 5, mean: 3, sd: 1.5811…, lower: 1.0367…, upper: 4.9632… }
 */
export function meanCI(values: number[], confidence = 0.95): MeanInterval {
  numbers('values', values, 2);
  openUnit('confidence', confidence);
  const n = values.length;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return tInterval(n, m, Math.sqrt(squares / (n - 1)), confidence);
}

function tInterval(n: number, m: number, sd: number, confidence: number): MeanInterval {
  const half = tQuantile(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, lower: m - half, upper: m + half };
}

/**
 * `meanCI` of data given as a frequency table: `counts[k]` answers of value `values[k]` — the same
 * interval as `meanCI` on the expanded data, in time proportional to the table, not to n (a
 * report's scale question over a million responses is 5 counts). Counts may be fractional
 * (weighted counts scaled to an effective sample size; the t quantile then has a fractional df).
 * Needs a total of at least 2.
 *
 * @example
 * meanCIOfCounts([1, 1, 1, 1, 1], [1, 2, 3, 4, 5]); // as meanCI([1, 2, 3, 4, 5])
 */
export function meanCIOfCounts(counts: number[], values: number[], confidence = 0.95): MeanInterval {
  numbers('counts', counts);
  numbers('values', values);
  if (counts.length !== values.length)
    throw new StatsInputError('counts', `must have one count per value (${values.length}), got ${counts.length}`);
  openUnit('confidence', confidence);
  let n = 0;
  let total = 0;
  counts.forEach((c, k) => {
    if (!Number.isFinite(c) || c < 0) throw new StatsInputError(`counts[${k}]`, `must be a number ≥ 0, got ${c}`);
    n += c;
    total += c * values[k];
  });
  if (n < 2) throw new StatsInputError('counts', `must add up to at least 2, got ${n}`);
  const m = total / n;
  let squares = 0;
  counts.forEach((c, k) => {
    squares += c * (values[k] - m) * (values[k] - m);
  });
  return tInterval(n, m, Math.sqrt(squares / (n - 1)), confidence);
}

export interface ProportionInterval {
  /** The observed proportion successes / n. */
  p: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion (Wilson, JASA 1927; method 3 of Newcombe, Statistics in
 * Medicine 1998): (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike the Wald interval it
 * stays inside [0, 1] and is usable at 0 or n successes. `successes` may be fractional (weighted
 * counts); `n` must be at least 1.
 *
 * @example
 * wilson(81, 263); // { p: 0.30798…, lower: 0.25529…, upper: 0.36621… }
 */
export function wilson(successes: number, n: number, confidence = 0.95): ProportionInterval {
  finite('n', n);
  if (n < 1) throw new StatsInputError('n', `must be at least 1, got ${n}`);
  finite('successes', successes);
  if (successes < 0 || successes > n) {
    throw new StatsInputError('successes', `must lie between 0 and n (${n}), got ${successes}`);
  }
  const z = twoSidedZ(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = p + z2n / 2;
  const half = z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const denominator = 1 + z2n;
  // At 0 or n successes the bound is 0 or 1 exactly; the formula gives it only up to rounding.
  return {
    p,
    lower: successes === 0 ? 0 : (centre - half) / denominator,
    upper: successes === n ? 1 : (centre + half) / denominator,
  };
}
