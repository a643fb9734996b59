/**
 * A ratio of sums, Σ w·y / Σ w, with its margin of error by Taylor linearisation (Cochran,
 * "Sampling Techniques", 3rd ed., 1977, §6.3–6.4): var(R) ≈ n / (n − 1) · Σ w²(y − R)² / (Σ w)².
 * With y a 0/1 flag it is the share of revenue behind the flagged respondents (the revenue of
 * detractors); with y = +1, 0, −1 for promoters, passives and detractors, 100 × R is the
 * revenue-weighted NPS; with y a rating, the revenue-weighted mean.
 */
import { finite, nonNegative, numbers, StatsInputError } from './errors';
import { twoSidedZ } from './normal';

export interface RatioResult {
  n: number;
  estimate: number;
  /** Half-width of the normal interval; null below two respondents or with no weight. */
  marginOfError: number | null;
}

/**
 * @example
 * weightedRatio([1, 0, 0], [100, 50, 50]); // estimate 0.5: half the revenue is behind the first respondent
 */
export function weightedRatio(ys: readonly number[], weights: readonly number[], confidence = 0.95): RatioResult {
  numbers('ys', ys, 0);
  numbers('weights', weights, 0);
  if (ys.length !== weights.length) throw new StatsInputError('weights', 'needs one weight per value');
  const n = ys.length;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    finite(() => `ys[${i}]`, ys[i]);
    nonNegative(() => `weights[${i}]`, weights[i]);
    sw += weights[i];
    swy += weights[i] * ys[i];
  }
  if (sw === 0) return { n, estimate: 0, marginOfError: null };
  const r = swy / sw;
  if (n < 2) return { n, estimate: r, marginOfError: null };
  let s = 0;
  for (let i = 0; i < n; i++) s += (weights[i] * (ys[i] - r)) ** 2;
  const se = Math.sqrt((n / (n - 1)) * s) / sw;
  return { n, estimate: r, marginOfError: twoSidedZ(confidence) * se };
}
