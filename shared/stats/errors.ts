/**
 * Input checking (and the plain mean) shared by every statistic. A statistic fed bad input throws
 * `StatsInputError` naming the argument at fault instead of returning NaN, so a report never shows
 * a silent NaN and the server can turn the error into a 4xx with a message a researcher understands.
 */

/**
 * Thrown by every function of shared/stats when an argument is unusable (empty where a value is
 * needed, NaN or infinite, out of range, shares not summing to 1, too few values…).
 *
 * @example
 * try { wilson(3, 0); } catch (e) { if (e instanceof StatsInputError) console.log(e.argument); } // 'n'
 */
export class StatsInputError extends Error {
  /** The name of the offending argument, as the caller wrote it (`n`, `sizes[2]`, `targets.region`…). */
  readonly argument: string;

  constructor(argument: string, problem: string) {
    super(`${argument}: ${problem}`);
    this.name = 'StatsInputError';
    this.argument = argument;
  }
}

/** Tolerance for "shares sum to 1": loose enough for shares typed with 4–6 decimals. */
export const SHARE_SUM_TOLERANCE = 1e-6;

/**
 * No survey quantity comes near this; bounding inputs here means squares and sums of up to 1e100
 * values cannot overflow to Infinity (and from there to NaN) anywhere in the module.
 */
export const MAX_MAGNITUDE = 1e100;

/**
 * An argument's name, or a function that builds it: checks inside loops over a million values
 * pass `() => \`values[${i}]\`` so that the string is only made when the check fails.
 */
export type ArgumentName = string | (() => string);

function fail(name: ArgumentName, problem: string): never {
  throw new StatsInputError(typeof name === 'string' ? name : name(), problem);
}

export function finite(name: ArgumentName, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(name, `must be a finite number, got ${String(x)}`);
  if (Math.abs(x) > MAX_MAGNITUDE) fail(name, `is too large to compute with (more than 1e100 in magnitude), got ${x}`);
  return x;
}

export function positive(name: ArgumentName, x: unknown): number {
  const v = finite(name, x);
  if (v <= 0) fail(name, `must be greater than 0, got ${v}`);
  return v;
}

export function nonNegative(name: ArgumentName, x: unknown): number {
  const v = finite(name, x);
  if (v < 0) fail(name, `must not be negative, got ${v}`);
  return v;
}

export function integer(name: ArgumentName, x: unknown, min = -Infinity): number {
  const v = finite(name, x);
  if (!Number.isInteger(v)) fail(name, `must be a whole number, got ${v}`);
  if (v < min) fail(name, `must be at least ${min}, got ${v}`);
  return v;
}

/** A probability strictly inside (0, 1): a confidence level, a planning proportion, a quantile's p. */
export function openUnit(name: string, x: unknown): number {
  const v = finite(name, x);
  if (!(v > 0 && v < 1)) throw new StatsInputError(name, `must lie strictly between 0 and 1, got ${v}`);
  return v;
}

export function numbers(name: string, xs: unknown, minLength = 1): number[] {
  if (!Array.isArray(xs)) throw new StatsInputError(name, 'must be an array of numbers');
  if (xs.length < minLength) {
    throw new StatsInputError(
      name,
      minLength === 1 ? 'must not be empty' : `needs at least ${minLength} values, got ${xs.length}`,
    );
  }
  xs.forEach((x, i) => {
    finite(() => `${name}[${i}]`, x);
  });
  return xs as number[];
}

export function sameLength(nameA: string, a: readonly unknown[], nameB: string, b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new StatsInputError(nameB, `must have as many entries as ${nameA} (${a.length}), got ${b.length}`);
  }
}

/** Shares keyed by category: each in [0, 1], together 1 within `SHARE_SUM_TOLERANCE`. */
export function shares(name: string, record: unknown): Record<string, number> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new StatsInputError(name, 'must be an object of shares by category');
  }
  const entries = Object.entries(record as Record<string, unknown>);
  if (entries.length === 0) throw new StatsInputError(name, 'must name at least one category');
  let sum = 0;
  for (const [key, value] of entries) {
    const v = nonNegative(`${name}.${key}`, value);
    if (v > 1) throw new StatsInputError(`${name}.${key}`, `a share must not exceed 1, got ${v}`);
    sum += v;
  }
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    throw new StatsInputError(name, `shares must sum to 1, got ${sum}`);
  }
  return record as Record<string, number>;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
