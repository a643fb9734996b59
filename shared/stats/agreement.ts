/** Agreement between coders: Cohen's kappa for two, Krippendorff's alpha for any number. */
import { integer, StatsInputError } from './errors';

/**
 * Cohen's kappa for two coders' nominal codes of the same units (Cohen, Educational and
 * Psychological Measurement 20, 1960): κ = (pₒ − pₑ)/(1 − pₑ), pₒ the share of units they code
 * alike, pₑ the agreement expected from each coder's own shares. Null when pₑ = 1 (both coders put
 * every unit in one category: kappa is undefined).
 *
 * @example
 * cohenKappa(a, b); // 0.4 for 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no
 */
export function cohenKappa(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  if (a.length !== b.length)
    throw new StatsInputError('b', `must code as many units as a (${a.length}), got ${b.length}`);
  if (a.length === 0) throw new StatsInputError('a', 'must code at least one unit');
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    integer(() => `a[${i}]`, a[i]);
    integer(() => `b[${i}]`, b[i]);
    if (a[i] === b[i]) same++;
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
  }
  const n = a.length;
  let expected = 0;
  for (const [k, x] of countA) expected += (x / n) * ((countB.get(k) ?? 0) / n);
  if (expected >= 1) return null;
  return (same / n - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha for nominal codes (Krippendorff, "Computing Krippendorff's Alpha-Reliability",
 * 2011): α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, from the coincidence matrix o of the values
 * within each unit. `units[u]` holds the values coders gave unit u (a coder who did not code it is
 * simply absent); units with fewer than two values are not pairable and are left out. Null when
 * fewer than two values are pairable or every pairable value is the same (no variation to agree on).
 *
 * @example
 * krippendorffAlphaNominal([[0, 1], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 0], [1, 0], [0, 0]]); // 0.095
 */
export function krippendorffAlphaNominal(units: readonly (readonly number[])[]): number | null {
  const marginal = new Map<number, number>();
  let disagreement = 0;
  let n = 0;
  units.forEach((values, u) => {
    const m = values.length;
    if (m < 2) return;
    const counts = new Map<number, number>();
    values.forEach((x, i) => {
      integer(() => `units[${u}][${i}]`, x);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    });
    // o_ck for c ≠ k summed over the unit: pairs of different values, each weighted 1/(m − 1).
    let alike = 0;
    for (const [c, x] of counts) {
      alike += x * (x - 1);
      marginal.set(c, (marginal.get(c) ?? 0) + x);
    }
    disagreement += (m * (m - 1) - alike) / (m - 1);
    n += m;
  });
  if (n < 2) return null;
  let expected = 0;
  for (const x of marginal.values()) expected += x * (n - x);
  if (expected === 0) return null;
  return 1 - ((n - 1) * disagreement) / expected;
}
