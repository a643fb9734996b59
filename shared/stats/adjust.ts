/** Corrections of p-values for testing many hypotheses at once. */
import { StatsInputError } from './errors';

/**
 * Benjamini–Hochberg adjusted p-values (Benjamini & Hochberg, JRSS B 57, 1995), controlling the false
 * discovery rate: sorted ascending, p₍ᵢ₎·m/i, made monotone from the largest down and capped at 1 —
 * R's `p.adjust(p, "BH")`. Returned in the input's order.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005]); // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  p.forEach((x, i) => {
    if (!(x >= 0 && x <= 1)) throw new StatsInputError(`p[${i}]`, `must be a probability, got ${x}`);
  });
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || b - a);
  const out = new Array<number>(m);
  let running = 1;
  order.forEach((i, k) => {
    const rank = m - k;
    running = Math.min(running, (p[i] * m) / rank);
    out[i] = running;
  });
  return out;
}
