/**
 * Planning a study: how many completes a margin needs, what margin a sample buys, and how a total
 * sample is spread over strata.
 */
import { finite, integer, nonNegative, numbers, openUnit, positive, sameLength, StatsInputError } from './errors';
import { twoSidedZ } from './normal';

export interface PrecisionOptions {
  /** Confidence level in (0, 1), e.g. 0.95. */
  confidence: number;
  /** Estimating a proportion: the planning value in (0, 1); 0.5 (the default) is the most cautious. */
  proportion?: number;
  /** Estimating a mean instead: the standard deviation, in the unit of the margin. */
  sd?: number;
  /** Population size N for the finite-population correction; omitted or Infinity: none. */
  population?: number;
  /** Design effect (Kish), e.g. from weighting or clustering; default 1. */
  designEffect?: number;
}

export interface SampleSizeOptions extends PrecisionOptions {
  /** Half-width of the interval: a share (0.05 = ±5 points) for a proportion, the sd's unit for a mean. */
  margin: number;
}

export interface MarginOfErrorOptions extends PrecisionOptions {
  /** Completed interviews. */
  n: number;
}

/** The per-unit variance term of the precision formula: p(1 − p) or sd², times the design effect. */
function unitVariance(o: PrecisionOptions): number {
  const deff = o.designEffect === undefined ? 1 : positive('designEffect', o.designEffect);
  if (o.sd !== undefined) {
    if (o.proportion !== undefined) throw new StatsInputError('sd', 'give either sd (a mean) or proportion, not both');
    const sd = positive('sd', o.sd);
    return sd * sd * deff;
  }
  const p = o.proportion === undefined ? 0.5 : openUnit('proportion', o.proportion);
  return p * (1 - p) * deff;
}

function populationSize(population: number | undefined): number {
  if (population === undefined || population === Infinity) return Infinity;
  return integer('population', population, 1);
}

/**
 * Completes needed for a margin of error, by Cochran's formula (Cochran, Sampling Techniques,
 * 3rd ed. 1977, chapter 4): n0 = z²·p(1−p)/e² for a proportion or (z·sd/e)² for a mean, z
 * the exact two-sided normal quantile, times the design effect; then the finite-population
 * correction n = n0 / (1 + (n0 − 1)/N); rounded up. This is the rule of Raosoft's calculator.
 * (Krejcie & Morgan's 1970 table rounds to nearest with χ² = 3.841, so it is 1 lower in about half
 * of its rows.)
 *
 * @example
 * sampleSize({ confidence: 0.95, margin: 0.05, population: 10_000 }); // 370
 * sampleSize({ confidence: 0.95, margin: 0.05 });                     // 385
 */
export function sampleSize(options: SampleSizeOptions): number {
  const z = twoSidedZ(options.confidence);
  const margin = positive('margin', options.margin);
  if (options.sd === undefined && margin >= 1) {
    throw new StatsInputError('margin', `a proportion's margin must be below 1, got ${margin}`);
  }
  const n0 = (z * z * unitVariance(options)) / (margin * margin);
  const N = populationSize(options.population);
  if (!Number.isFinite(n0)) {
    // n0 → ∞ means a census: the FPC formula tends to N.
    if (N !== Infinity) return N;
    throw new StatsInputError('margin', `is too small: no finite sample reaches ±${margin}`);
  }
  const n = N === Infinity ? n0 : n0 / (1 + (n0 - 1) / N);
  // Results that are whole numbers in exact arithmetic can come out a few ulps above; don't let
  // rounding error alone ask for one more interview.
  return Math.max(1, Math.ceil(n * (1 - 1e-12)));
}

/**
 * The margin of error (half-width of the normal-approximation interval) that n completes achieve:
 * e = z·√(V/n)·√((N − n)/(N − 1)), V = p(1−p) or sd² times the design effect — the exact inverse
 * of `sampleSize` before rounding (Cochran 1977, chapter 4, solved for e). A census (n = N) has 0.
 *
 * @example
 * marginOfError({ n: 385, confidence: 0.95 }); // 0.04994…
 */
export function marginOfError(options: MarginOfErrorOptions): number {
  const z = twoSidedZ(options.confidence);
  const n = finite('n', options.n);
  if (n < 1) throw new StatsInputError('n', `must be at least 1, got ${n}`);
  const variance = unitVariance(options);
  const N = populationSize(options.population);
  if (n > N) throw new StatsInputError('n', `must not exceed the population (${N}), got ${n}`);
  const fpc = N === Infinity ? 1 : N === 1 ? 0 : (N - n) / (N - 1);
  return z * Math.sqrt((variance / n) * fpc);
}

export interface AllocateOptions {
  /** Standard deviation per stratum: Neyman allocation n_h ∝ N_h·S_h instead of n_h ∝ N_h. */
  sd?: number[];
  /** Least completes per stratum (or the whole stratum when it is smaller). */
  min?: number;
}

/**
 * Spreads `total` completes over strata of the given sizes, proportionally (n_h ∝ N_h) or by
 * Neyman's optimum allocation (n_h ∝ N_h·S_h; Cochran 1977, chapter 5), and returns whole numbers.
 *
 * Conventions, in order:
 * 1. No stratum gets more than its size: a stratum whose share exceeds N_h gets N_h and the rest
 *    is spread over the others in the same proportions, repeatedly (Cochran's remedy for
 *    n_h > N_h). If only strata with S_h = 0 are left to receive units, they get them in
 *    proportion to N_h.
 * 2. `min` raises every smaller cell to min(min, N_h) and takes the difference from the other
 *    cells in proportion to what they hold, repeatedly, until none is below its floor.
 * 3. Largest-remainder (Hamilton) rounding: every cell gets the whole part of its share, and the
 *    units left go to the largest fractional parts; equal parts go to the larger stratum, then to
 *    the earlier one. Bounds from steps 1–2 are whole numbers, so rounding keeps them.
 * The cells always sum to `total`.
 *
 * @example
 * allocate(100, [500, 300, 200]);              // [50, 30, 20]
 * allocate(10, [600, 300, 100], { min: 2 });   // [5, 3, 2]
 */
export function allocate(total: number, sizes: number[], options: AllocateOptions = {}): number[] {
  integer('total', total, 0);
  numbers('sizes', sizes).forEach((s, i) => {
    integer(() => `sizes[${i}]`, s, 0);
  });
  const population = sizes.reduce((a, b) => a + b, 0);
  if (population === 0) throw new StatsInputError('sizes', 'must contain at least one non-empty stratum');
  if (total > population) {
    throw new StatsInputError('total', `must not exceed the strata's combined size (${population}), got ${total}`);
  }
  let weights = sizes;
  if (options.sd !== undefined) {
    numbers('sd', options.sd).forEach((s, i) => {
      nonNegative(() => `sd[${i}]`, s);
    });
    sameLength('sizes', sizes, 'sd', options.sd);
    weights = sizes.map((s, i) => s * options.sd![i]);
  }
  const min = options.min === undefined ? 0 : integer('min', options.min, 0);
  const floors = sizes.map((s) => Math.min(s, min));
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum > total) {
    throw new StatsInputError('min', `needs ${floorSum} completes in all, more than total (${total})`);
  }
  const shares = applyFloors(cappedShares(total, sizes, weights), floors, total);
  return roundLargestRemainder(shares, sizes, total);
}

function cappedShares(total: number, sizes: number[], weights: number[]): number[] {
  const result = new Array<number>(sizes.length).fill(0);
  const open = new Set(sizes.map((_, i) => i).filter((i) => sizes[i] > 0));
  let remaining = total;
  for (;;) {
    let weightSum = 0;
    for (const i of open) weightSum += weights[i];
    const basis = weightSum > 0 ? weights : sizes;
    const basisSum = weightSum > 0 ? weightSum : [...open].reduce((a, i) => a + sizes[i], 0);
    const over: number[] = [];
    for (const i of open) {
      result[i] = (remaining * basis[i]) / basisSum;
      if (result[i] > sizes[i]) over.push(i);
    }
    if (over.length === 0) return result;
    for (const i of over) {
      result[i] = sizes[i];
      remaining -= sizes[i];
      open.delete(i);
    }
  }
}

function applyFloors(shares: number[], floors: number[], total: number): number[] {
  const result = [...shares];
  const fixed = new Set<number>();
  for (;;) {
    const low = result.map((_, i) => i).filter((i) => !fixed.has(i) && result[i] < floors[i]);
    if (low.length === 0) return result;
    for (const i of low) {
      result[i] = floors[i];
      fixed.add(i);
    }
    let fixedSum = 0;
    let freeSum = 0;
    result.forEach((v, i) => {
      fixed.has(i) ? (fixedSum += v) : (freeSum += v);
    });
    const scale = freeSum > 0 ? (total - fixedSum) / freeSum : 0;
    result.forEach((v, i) => {
      if (!fixed.has(i)) result[i] = v * scale;
    });
  }
}

function roundLargestRemainder(shares: number[], sizes: number[], total: number): number[] {
  // Snap values that are whole up to rounding error, so a remainder of 1e-13 neither wins a unit
  // nor breaks an exact tie.
  const snapped = shares.map((v) => (Math.abs(v - Math.round(v)) < 1e-9 ? Math.round(v) : v));
  const cells = snapped.map(Math.floor);
  let left = total - cells.reduce((a, b) => a + b, 0);
  const order = snapped
    .map((v, i) => ({ i, remainder: v - cells[i] }))
    .filter((c) => c.remainder > 0)
    .sort((a, b) => {
      if (Math.abs(a.remainder - b.remainder) > 1e-9) return b.remainder - a.remainder;
      if (sizes[a.i] !== sizes[b.i]) return sizes[b.i] - sizes[a.i];
      return a.i - b.i;
    });
  for (const { i } of order) {
    if (left === 0) break;
    cells[i] += 1;
    left -= 1;
  }
  return cells;
}
