/** Net Promoter Score with its margin of error. */
import { integer, nonNegative, numbers, StatsInputError } from './errors';
import { twoSidedZ } from './normal';

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

/**
 * The same statistic from how many respondents gave each score: `counts[k]` answered k, for
 * k = 0…10. Reports tally a million scores rather than list them. Counts may be weighted (not
 * whole): n is then their sum, the effective sample size.
 *
 * @example
 * npsOfCounts([1, 0, 0, 1, 0, 0, 1, 1, 1, 2, 3]); // the scores of nps()'s example: nps 30
 */
export function npsOfCounts(counts: readonly number[], confidence = 0.95): NpsResult {
  if (!Array.isArray(counts) || counts.length !== 11) throw new StatsInputError('counts', 'needs 11 entries, one per score 0–10');
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
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  return {
    n,
    nps: 100 * (p - d),
    promoters: p,
    passives: (n - promoters - detractors) / n,
    detractors: d,
    marginOfError: z * 100 * Math.sqrt(variance / n),
  };
}
