import { StatsInputError } from './errors';

/**
 * The median: the middle value of the sorted data, or the mean of the two middle values when n is
 * even (the usual sample median, e.g. Moore & McCabe, *Introduction to the Practice of
 * Statistics*, §1.2).
 *
 * @example
 * median([5, 1, 3]); // 3
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new StatsInputError('values', 'needs at least 1 value');
  const a = Float64Array.from(values);
  for (let i = 0; i < a.length; i++)
    if (!Number.isFinite(a[i])) throw new StatsInputError('values', 'must all be finite numbers');
  // The middle by selection, not a full sort: a report takes the median of a million durations.
  const mid = a.length >> 1;
  const upper = select(a, mid);
  if (a.length % 2) return upper;
  // select leaves everything before `mid` at most a[mid]: the largest of them is the lower middle.
  let lower = a[0];
  for (let i = 1; i < mid; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/**
 * Hoare's selection (quickselect, median-of-three pivot): reorders `a` so that a[k] is the value
 * sorting would put there, with nothing larger before it and nothing smaller after; returns a[k].
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const x = a[lo],
      y = a[(lo + hi) >> 1],
      z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi], and whatever lies between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
