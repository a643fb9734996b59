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
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new StatsInputError('values', 'needs at least 1 value');
  if (values.some((x) => !Number.isFinite(x))) throw new StatsInputError('values', 'must all be finite numbers');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
