/** Summaries of rating scales: box shares, 0–100 indices and importance-weighted indices. */
import { finite, integer, nonNegative, numbers, sameLength, StatsInputError } from './errors';

export interface ScaleRange {
  /** Lowest scale point, e.g. 1. */
  min: number;
  /** Highest scale point, e.g. 5. */
  max: number;
}

export interface BoxShares {
  /** Share (0…1) answering the highest point ("top box"). */
  top: number;
  /** Share answering one of the two highest points ("top-2 box"). */
  topTwo: number;
  bottom: number;
  bottomTwo: number;
}

function scaleRange(range: ScaleRange): ScaleRange {
  const min = integer('min', range.min);
  const max = integer('max', range.max);
  if (max - min < 2) throw new StatsInputError('max', `the scale needs at least 3 points (min ${min}, max ${max})`);
  return { min, max };
}

/**
 * Top-box, top-2-box, bottom-box and bottom-2-box shares of a whole-point rating scale, by the
 * market-research convention: the share of answers at the highest point, at the two highest
 * points, at the lowest, and at the two lowest. Shares are of all values given; every value must
 * be a point of a scale of at least 3 points.
 *
 * @example
 * boxShares([5, 4, 4, 3, 1], { min: 1, max: 5 }); // { top: 0.2, topTwo: 0.6, bottom: 0.2, bottomTwo: 0.2 }
 */
export function boxShares(values: number[], range: ScaleRange): BoxShares {
  const { min, max } = scaleRange(range);
  numbers('values', values);
  const counts = { top: 0, topTwo: 0, bottom: 0, bottomTwo: 0 };
  values.forEach((v, i) => {
    integer(() => `values[${i}]`, v);
    if (v < min || v > max) {
      throw new StatsInputError(`values[${i}]`, `must lie on the ${min}–${max} scale, got ${v}`);
    }
    if (v === max) counts.top += 1;
    if (v >= max - 1) counts.topTwo += 1;
    if (v === min) counts.bottom += 1;
    if (v <= min + 1) counts.bottomTwo += 1;
  });
  const n = values.length;
  return { top: counts.top / n, topTwo: counts.topTwo / n, bottom: counts.bottom / n, bottomTwo: counts.bottomTwo / n };
}

/**
 * A mean on a min…max scale rescaled linearly to 0…100: 100·(mean − min)/(max − min), the usual
 * customer-satisfaction index transform (the 0–100 scaling of the ACSI; Fornell et al., Journal of
 * Marketing 60(4), 1996).
 *
 * @example
 * index100(4, 1, 5); // 75
 */
export function index100(mean: number, min: number, max: number): number {
  finite('mean', mean);
  finite('min', min);
  finite('max', max);
  if (!(max > min)) throw new StatsInputError('max', `must be greater than min (${min}), got ${max}`);
  if (mean < min || mean > max) throw new StatsInputError('mean', `must lie between ${min} and ${max}, got ${mean}`);
  return (100 * (mean - min)) / (max - min);
}

/**
 * Weighted arithmetic mean Σwᵢsᵢ / Σwᵢ of attribute scores by importance weights — the
 * importance-weighted satisfaction index. Weights need not sum to 1 (100 importance points work
 * as they are); they must be non-negative with a positive sum.
 *
 * @example
 * weightedIndex([80, 60, 90], [50, 30, 20]); // 76
 */
export function weightedIndex(scores: number[], weights: number[]): number {
  numbers('scores', scores);
  numbers('weights', weights);
  sameLength('scores', scores, 'weights', weights);
  let sum = 0;
  let weightSum = 0;
  scores.forEach((s, i) => {
    const w = nonNegative(() => `weights[${i}]`, weights[i]);
    sum += w * s;
    weightSum += w;
  });
  if (weightSum === 0) throw new StatsInputError('weights', 'must not all be 0');
  return sum / weightSum;
}
