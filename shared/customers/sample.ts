/**
 * Drawing a stratified random sample from the register, reproducibly: a seeded generator, a
 * uniform draw without replacement per stratum, and the invitations a stratum needs for its
 * completes at the expected response rate. Pure functions, no database.
 */

/**
 * cyrb128 (bryc, "PRNGs and hash functions", github.com/bryc/code, jshash/PRNGs.md): a text seed
 * hashed to the four 32-bit words that start sfc32.
 */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A generator of uniform numbers in [0, 1) from a text seed: sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator, from PractRand), seeded by cyrb128 and run 15 rounds before use. The
 * same seed gives the same sequence on every machine (32-bit integer arithmetic only).
 */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/**
 * `k` of `items` drawn uniformly without replacement (a partial Fisher–Yates shuffle, Knuth vol. 2,
 * 3.4.2 algorithm P): every subset of size k is equally likely. The items' order matters for
 * reproducibility, so callers pass them in a fixed order (customers by id). All when k ≥ n.
 */
export function drawWithoutReplacement<T>(items: readonly T[], k: number, random: () => number): T[] {
  const a = [...items];
  const take = Math.min(k, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, take);
}

/** Invitations a stratum needs for `completes` at the expected response rate: ⌈completes / rate⌉. */
export function invitationsNeeded(completes: number, responseRate: number): number {
  if (completes <= 0) return 0;
  // Rounded to 9 places first, so 30 / 0.3 is 100 and not 101 from 100.00000000000001.
  return Math.ceil(Math.round((completes / responseRate) * 1e9) / 1e9);
}

export interface StratumDraw<T> {
  value: string;
  completes: number;
  needed: number;
  eligible: number;
  drawn: T[];
}

/**
 * A stratified random sample: for each stratum (in the order given, so the generator's sequence is
 * reproducible), the invitations needed for its completes, drawn from its eligible members.
 */
export function drawStratified<T>(
  strata: readonly { value: string; completes: number; members: readonly T[] }[],
  responseRate: number,
  random: () => number,
): StratumDraw<T>[] {
  return strata.map((s) => {
    const needed = invitationsNeeded(s.completes, responseRate);
    return {
      value: s.value,
      completes: s.completes,
      needed,
      eligible: s.members.length,
      drawn: drawWithoutReplacement(s.members, needed, random),
    };
  });
}

/**
 * `total` completes allocated in proportion to the strata's sizes by largest remainders
 * (Hamilton's method): each stratum first gets ⌊total · size / all⌋, then the completes left over
 * go one each to the strata with the largest remainders, the earlier stratum first on equal
 * remainders. Integer arithmetic only, so the same sizes always give the same allocation.
 */
export function proportionalAllocation(total: number, sizes: readonly number[]): number[] {
  const all = sizes.reduce((a, b) => a + b, 0);
  if (all === 0) return sizes.map(() => 0);
  const shares = sizes.map((size) => Math.floor((total * size) / all));
  const remainders = sizes.map((size, i) => ({ i, rest: total * size - shares[i] * all }));
  remainders.sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { i } of remainders) {
    if (left-- <= 0) break;
    shares[i]++;
  }
  return shares;
}
