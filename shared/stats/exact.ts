/** Fisher's exact test of a 2 × c table (Freeman–Halton's extension beyond two columns). */
import { integer, StatsInputError } from './errors';
import { logGamma } from './gamma';

/** Tables a test may enumerate before it declines (the caller then keeps the chi-square test). */
export const EXACT_MAX_TABLES = 2_000_000;

const logFactorial = (n: number) => logGamma(n + 1);

/**
 * Two-sided p-value of Fisher's exact test for a 2 × c table of counts (Fisher, "Statistical Methods
 * for Research Workers", 1934; Freeman & Halton, Biometrika 38, 1951): with the margins fixed, the
 * tables' probabilities are multivariate hypergeometric, and p is the sum of those no more probable
 * than the observed one (relative tolerance 1e-7, as R's `fisher.test`). `row` holds the first row's
 * counts; `columns` the column totals. Returns null when the tables to enumerate exceed
 * EXACT_MAX_TABLES.
 *
 * @example
 * fisherExact2xC([3, 1], [4, 4]); // 0.4857 (Fisher's tea-tasting experiment, 1935)
 */
export function fisherExact2xC(row: readonly number[], columns: readonly number[]): number | null {
  if (row.length !== columns.length || row.length < 2)
    throw new StatsInputError('row', 'must have one count per column, and at least two columns');
  row.forEach((x, i) => {
    integer(`row[${i}]`, x, 0);
  });
  columns.forEach((x, i) => {
    integer(`columns[${i}]`, x, 0);
    if (row[i] > x) throw new StatsInputError(`row[${i}]`, `must not exceed its column total ${x}`);
  });
  const m = row.reduce((s, x) => s + x, 0);
  const n = columns.reduce((s, x) => s + x, 0);
  // Enumerate the smallest columns and let the largest take the rest: fewest tables.
  const order = columns.map((_, i) => i).sort((a, b) => columns[a] - columns[b]);
  const last = order[order.length - 1];
  const free = order.slice(0, -1);
  let tables = 1;
  for (const i of free) tables *= Math.min(m, columns[i]) + 1;
  if (tables > EXACT_MAX_TABLES) return null;
  const logDenominator = logFactorial(n) - logFactorial(m) - logFactorial(n - m);
  const logChoose = (k: number, c: number) => logFactorial(c) - logFactorial(k) - logFactorial(c - k);
  const logP = (cells: readonly number[]) => {
    let s = -logDenominator;
    cells.forEach((x, i) => {
      s += logChoose(x, columns[i]);
    });
    return s;
  };
  const observed = logP(row);
  const limit = observed + Math.log1p(1e-7);
  const cells = new Array<number>(columns.length).fill(0);
  let p = 0;
  const walk = (k: number, left: number, partial: number) => {
    if (k === free.length) {
      if (left > columns[last]) return;
      cells[last] = left;
      const lp = partial + logChoose(left, columns[last]);
      if (lp <= limit) p += Math.exp(lp);
      return;
    }
    const i = free[k];
    for (let x = 0; x <= Math.min(left, columns[i]); x++) {
      cells[i] = x;
      walk(k + 1, left - x, partial + logChoose(x, columns[i]));
    }
  };
  walk(0, m, -logDenominator);
  return Math.min(1, p);
}
