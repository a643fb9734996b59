/**
 * The Gabor-Granger price ladder (Gabor & Granger 1966): the respondent is asked whether they
 * would buy at one price; after a yes the next price up is asked, after a no the next one down,
 * until the answer turns (or the ladder ends). The result is the highest price accepted, or null.
 * The respondent page and the server's validation both walk the ladder with this code.
 */
export interface LadderStep {
  price: number;
  buy: boolean;
}

export const ladderStart = (prices: readonly number[], start?: number) => start ?? Math.floor((prices.length - 1) / 2);

/** Index of the next price to ask after `path`, or null when the ladder is finished. */
export function ladderNext(
  prices: readonly number[],
  start: number | undefined,
  path: readonly LadderStep[],
): number | null {
  if (path.length === 0) return ladderStart(prices, start);
  const last = path[path.length - 1];
  const at = prices.indexOf(last.price);
  const next = at + (last.buy ? 1 : -1);
  if (next < 0 || next >= prices.length || path.some((s) => s.price === prices[next])) return null;
  return next;
}

/** The highest price the respondent said yes to, or null. */
export function ladderHighest(path: readonly LadderStep[]): number | null {
  const yes = path.filter((s) => s.buy).map((s) => s.price);
  return yes.length ? Math.max(...yes) : null;
}

/** Whether `path` is exactly the ladder a respondent walks (each step the one asked, and finished). */
export function isLadderPath(
  prices: readonly number[],
  start: number | undefined,
  path: readonly LadderStep[],
): boolean {
  for (let i = 0; i < path.length; i++) {
    const expected = ladderNext(prices, start, path.slice(0, i));
    if (expected === null || prices[expected] !== path[i].price) return false;
  }
  return path.length > 0 && ladderNext(prices, start, path) === null;
}
