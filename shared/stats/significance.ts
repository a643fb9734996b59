/** Tests of a difference: of means between two independent groups (Welch) or within pairs (paired t), of proportions (z). */
import { finite, nonNegative, StatsInputError } from './errors';
import { normalCdf } from './normal';
import { tCdf } from './tdist';

/**
 * A group's mean, standard deviation (n − 1 denominator) and size: what a report already holds.
 * `n` may be an effective size (weighted data: n ÷ Kish's design effect), so it need not be whole.
 */
export interface GroupSummary {
  mean: number;
  sd: number;
  n: number;
}

export interface TestResult {
  /** First group minus second (the mean difference for paired data). */
  difference: number;
  /** The test statistic: t for Welch and paired, z for proportions. */
  statistic: number;
  /** Degrees of freedom (Welch–Satterthwaite, or pairs − 1); null for the z test. */
  df: number | null;
  /** Two-sided p-value. */
  p: number;
}

function group(name: string, g: GroupSummary): GroupSummary {
  if (g === null || typeof g !== 'object') throw new StatsInputError(name, 'must be { mean, sd, n }');
  const n = finite(`${name}.n`, g.n);
  if (n < 2) throw new StatsInputError(`${name}.n`, `must be at least 2, got ${n}`);
  return { mean: finite(`${name}.mean`, g.mean), sd: nonNegative(`${name}.sd`, g.sd), n };
}

/**
 * Welch's two-sample t test for a difference of means without assuming equal variances (Welch,
 * Biometrika 34, 1947): t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂), with the Welch–Satterthwaite degrees
 * of freedom ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)), and the two-sided
 * p-value from Student's t with ν (not rounded) degrees of freedom, as R's `t.test` computes it.
 * Two groups without any spread have no test: the caller gets a StatsInputError.
 *
 * @example
 * welchT({ mean: 0.75, sd: 1.78901, n: 10 }, { mean: 2.33, sd: 2.002249, n: 10 });
 * // statistic −1.8608, df 17.776, p 0.07939 (R: t.test(extra ~ group, data = sleep))
 */
export function welchT(a: GroupSummary, b: GroupSummary): TestResult {
  const x = group('a', a);
  const y = group('b', b);
  const va = (x.sd * x.sd) / x.n;
  const vb = (y.sd * y.sd) / y.n;
  if (va + vb === 0) throw new StatsInputError('a.sd', 'both groups have no spread: the t test is undefined');
  const statistic = (x.mean - y.mean) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / ((va * va) / (x.n - 1) + (vb * vb) / (y.n - 1));
  return { difference: x.mean - y.mean, statistic, df, p: 2 * tCdf(-Math.abs(statistic), df) };
}

/**
 * The paired t test (Student, Biometrika 6, 1908): the mean of the pairs' differences over its
 * standard error, t = d̄ / (s_d / √n), on n − 1 degrees of freedom, two-sided, as R's
 * `t.test(x, y, paired = TRUE)`. `differences` summarises the differences (first minus second);
 * `n` may be an effective size. Differences without any spread have no test: a StatsInputError,
 * as R stops with "data are essentially constant".
 *
 * @example
 * pairedT({ mean: -1.58, sd: 1.229995, n: 10 });
 * // statistic −4.0621, df 9, p 0.002833 (R: t.test(extra ~ group, data = sleep, paired = TRUE))
 */
export function pairedT(differences: GroupSummary): TestResult {
  const d = group('differences', differences);
  if (d.sd === 0)
    throw new StatsInputError('differences.sd', 'the differences have no spread: the t test is undefined');
  const statistic = d.mean / (d.sd / Math.sqrt(d.n));
  const df = d.n - 1;
  return { difference: d.mean, statistic, df, p: 2 * tCdf(-Math.abs(statistic), df) };
}

/**
 * The two-proportion z test with the pooled proportion (e.g. Agresti, Categorical Data Analysis,
 * 3rd ed., §3.1): z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ = (x₁ + x₂)/(n₁ + n₂); z² is the
 * Pearson χ² of the 2×2 table, so the p-value equals R's `prop.test(…, correct = FALSE)`. Counts
 * may be fractional (weighted counts). When both groups are all 0 or all 1 the shares are equal
 * and there is no evidence of a difference: z 0, p 1.
 *
 * @example
 * twoProportionZ(15, 50, 25, 50); // difference −0.2, z −2.0412, p 0.04123
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): TestResult {
  const n = [nonNegative('n1', n1), nonNegative('n2', n2)];
  if (n[0] === 0 || n[1] === 0) throw new StatsInputError(n[0] === 0 ? 'n1' : 'n2', 'must be greater than 0');
  const x = [nonNegative('x1', x1), nonNegative('x2', x2)];
  x.forEach((k, i) => {
    if (k > n[i]) throw new StatsInputError(`x${i + 1}`, `must not exceed n${i + 1} (${n[i]}), got ${k}`);
  });
  const difference = x[0] / n[0] - x[1] / n[1];
  const pooled = (x[0] + x[1]) / (n[0] + n[1]);
  const variance = pooled * (1 - pooled) * (1 / n[0] + 1 / n[1]);
  if (variance === 0) return { difference, statistic: 0, df: null, p: 1 };
  const statistic = difference / Math.sqrt(variance);
  return { difference, statistic, df: null, p: 2 * normalCdf(-Math.abs(statistic)) };
}
