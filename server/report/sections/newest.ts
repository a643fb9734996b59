/**
 * The `limit` newest of `items` (by `at`, a completion time), newest first, in one pass without
 * sorting them all: a million-response survey has a couple of hundred thousand comments and the
 * report shows fifty. Items with the same time keep their order, as a stable sort would.
 */
export function newestFirst<T>(items: readonly T[], at: (item: T) => number, limit: number): T[] {
  const top: T[] = [];
  const times: number[] = [];
  for (const item of items) {
    const t = at(item);
    if (top.length >= limit && t <= times[times.length - 1]) continue;
    // After every item at least as new: ties stay in arrival order.
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] >= t) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    times.splice(lo, 0, t);
    if (top.length > limit) {
      top.pop();
      times.pop();
    }
  }
  return top;
}
