/** Net Promoter Score with its margin of error, and the test of a difference of two. */
import { finite, integer, nonNegative, numbers, StatsInputError } from './errors';
import { normalCdf, twoSidedZ } from './normal';
import type { TestResult } from './significance';

export interface NpsResult {
  n: number;
  /** NPS in points, −100…100. */
  nps: number;
  /** Shares in 0…1 of scores 9–10, 7–8 and 0–6. */
  promoters: number;
  passives: number;
  detractors: number;
  /** Half-width of the normal-approximation interval, in NPS points. */
  marginOfError: number;
}

/**
 * Net Promoter Score (Reichheld, "The One Number You Need to Grow", HBR 2003): on the 0–10
 * likelihood-to-recommend scale promoters answer 9–10, passives 7–8, detractors 0–6, and
 * NPS = 100·(P − D). Each respondent scores +1, 0 or −1, so the per-respondent variance is
 * V = P + D − (P − D)² and SE = 100·√(V/n) (the multinomial variance of a difference of shares);
 * the margin is z_{1−α/2}·SE.
 *
 * @example
 * nps([10, 9, 8, 7, 6, 3, 10, 10, 9, 0]); // nps 30, promoters 0.5, detractors 0.2
 */
export function nps(scores: number[], confidence = 0.95): NpsResult {
  numbers('scores', scores);
  const counts = new Array<number>(11).fill(0);
  scores.forEach((s, i) => {
    integer(() => `scores[${i}]`, s);
    if (s < 0 || s > 10) throw new StatsInputError(`scores[${i}]`, `must be on the 0–10 scale, got ${s}`);
    counts[s] += 1;
  });
  return npsOfCounts(counts, confidence);
}

/** Each respondent scores +1, 0 or −1: the variance of that score, P + D − (P − D)². */
const scoreVariance = (p: number, d: number) => Math.max(0, p + d - (p - d) * (p - d));

/**
 * The same statistic from how many respondents gave each score: `counts[k]` answered k, for
 * k = 0…10. Reports tally a million scores rather than list them. Counts may be weighted (not
 * whole): n is then their sum, the effective sample size.
 *
 * @example
 * npsOfCounts([1, 0, 0, 1, 0, 0, 1, 1, 1, 2, 3]); // the scores of nps()'s example: nps 30
 */
export function npsOfCounts(counts: readonly number[], confidence = 0.95): NpsResult {
  if (!Array.isArray(counts) || counts.length !== 11)
    throw new StatsInputError('counts', 'needs 11 entries, one per score 0–10');
  const z = twoSidedZ(confidence);
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  counts.forEach((c, k) => {
    nonNegative(() => `counts[${k}]`, c);
    n += c;
    if (k >= 9) promoters += c;
    else if (k <= 6) detractors += c;
  });
  if (n <= 0) throw new StatsInputError('counts', 'needs at least one score');
  const p = promoters / n;
  const d = detractors / n;
  const variance = scoreVariance(p, d);
  return {
    n,
    nps: 100 * (p - d),
    promoters: p,
    passives: (n - promoters - detractors) / n,
    detractors: d,
    marginOfError: z * 100 * Math.sqrt(variance / n),
  };
}

/** What a difference of two NPS needs from each: its shares of promoters and detractors, and its (effective) size. */
export interface NpsSample {
  promoters: number;
  detractors: number;
  n: number;
}

/**
 * The difference of two independent NPS, a − b in points, with its Wald z test: each NPS has the
 * variance 100²·V/n of npsOfCounts, V = P + D − (P − D)², and the variances of independent samples
 * add, so z = (NPS_a − NPS_b) / (100·√(V_a/n_a + V_b/n_b)), two-sided p from the normal. Two samples
 * without any spread (each all promoters, all passives or all detractors) leave no doubt: p 1 when
 * their NPS are equal, else 0.
 *
 * @example
 * npsDifference({ promoters: 0.5, detractors: 0.2, n: 100 }, { promoters: 0.4, detractors: 0.3, n: 200 });
 * // difference 20, z 2.0466, p 0.0407
 */
export function npsDifference(a: NpsSample, b: NpsSample): TestResult {
  const variance = (s: NpsSample, name: string) => {
    const p = finite(`${name}.promoters`, s.promoters);
    const d = finite(`${name}.detractors`, s.detractors);
    if (p < 0 || d < 0 || p + d > 1 + 1e-12)
      throw new StatsInputError(name, 'promoters and detractors must be shares adding to at most 1');
    const n = finite(`${name}.n`, s.n);
    if (n <= 0) throw new StatsInputError(`${name}.n`, `must be above 0, got ${n}`);
    return { score: 100 * (p - d), v: scoreVariance(p, d) / n };
  };
  const x = variance(a, 'a');
  const y = variance(b, 'b');
  const difference = x.score - y.score;
  if (x.v + y.v === 0)
    return {
      difference,
      statistic: difference === 0 ? 0 : Math.sign(difference) * Infinity,
      df: null,
      p: difference === 0 ? 1 : 0,
    };
  const statistic = difference / (100 * Math.sqrt(x.v + y.v));
  return { difference, statistic, df: null, p: 2 * normalCdf(-Math.abs(statistic)) };
}
