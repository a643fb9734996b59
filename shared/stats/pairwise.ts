/**
 * Pairwise comparisons of the columns of one table row, for "significance letters": SPSS Custom
 * Tables' "Compare column proportions" and "Compare column means" (IBM SPSS Statistics Algorithms,
 * CTABLES, "Pairwise comparisons of proportions / of means"). Each pair of columns is tested
 * within the row and the p-values are Bonferroni-adjusted by the number of pairs in that row.
 */
import { finite, nonNegative, openUnit, StatsInputError } from './errors';
import { twoProportionZ, welchT, type GroupSummary } from './significance';

/** `x` of `n` in one column; `n` may be an effective size (weighted data), so neither need be whole. */
export interface ProportionGroup {
  x: number;
  n: number;
}

export interface PairwiseResult {
  /** Per column, the indexes of the columns it is significantly higher than. */
  higherThan: number[][];
  /** Pairs tested in the row: the Bonferroni factor. */
  pairs: number;
}

function columns<G>(groups: readonly (G | null)[]): readonly (G | null)[] {
  if (!Array.isArray(groups)) throw new StatsInputError('groups', 'must be an array (null for a column left out)');
  return groups;
}

function compare<G>(
  groups: readonly (G | null)[],
  alpha: number,
  test: (a: G, b: G) => { difference: number; p: number } | null,
): PairwiseResult {
  openUnit('alpha', alpha);
  const tested = groups.flatMap((g, i) => (g === null ? [] : [i]));
  const pairs = (tested.length * (tested.length - 1)) / 2;
  const higherThan: number[][] = groups.map(() => []);
  for (let a = 0; a < tested.length; a++) {
    for (let b = a + 1; b < tested.length; b++) {
      const [i, j] = [tested[a], tested[b]];
      const r = test(groups[i]!, groups[j]!);
      if (!r || Math.min(1, r.p * pairs) >= alpha) continue;
      if (r.difference > 0) higherThan[i].push(j);
      else if (r.difference < 0) higherThan[j].push(i);
    }
  }
  return { higherThan, pairs };
}

/**
 * Two-proportion z tests (pooled, as `twoProportionZ`) between every pair of columns given;
 * null leaves a column out (a small base), and out of the Bonferroni count.
 *
 * @example
 * pairwiseProportions([{ x: 30, n: 50 }, { x: 15, n: 50 }, null], 0.05); // higherThan [[1], [], []]
 */
export function pairwiseProportions(groups: readonly (ProportionGroup | null)[], alpha: number): PairwiseResult {
  columns(groups).forEach((g, i) => {
    if (g === null) return;
    const n = nonNegative(`groups[${i}].n`, g?.n);
    const x = nonNegative(`groups[${i}].x`, g.x);
    if (n === 0) throw new StatsInputError(`groups[${i}].n`, 'must be greater than 0 (pass null for an empty column)');
    if (x > n * (1 + 1e-12)) throw new StatsInputError(`groups[${i}].x`, `must not exceed n (${n}), got ${x}`);
  });
  return compare(groups, alpha, (a, b) => twoProportionZ(Math.min(a.x, a.n), a.n, Math.min(b.x, b.n), b.n));
}

/**
 * Welch t tests between every pair of columns' means; null leaves a column out. A pair of
 * columns neither of which varies has no test and is never marked.
 */
export function pairwiseMeans(groups: readonly (GroupSummary | null)[], alpha: number): PairwiseResult {
  columns(groups).forEach((g, i) => {
    if (g === null) return;
    finite(`groups[${i}].mean`, g?.mean);
    nonNegative(`groups[${i}].sd`, g.sd);
    if (finite(`groups[${i}].n`, g.n) < 2)
      throw new StatsInputError(`groups[${i}].n`, 'must be at least 2 (pass null for a smaller column)');
  });
  return compare(groups, alpha, (a, b) => (a.sd === 0 && b.sd === 0 ? null : welchT(a, b)));
}
