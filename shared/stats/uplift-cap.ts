/** Keeping a proposed retention uplift inside what retention can reach. */
import { finite, StatsInputError } from './errors';

/**
 * The highest retention rate an estimate assumes. At 100% no customer ever leaves and the
 * lifetime value m·r/(1 + i − r) has no end date to stop it; 99% is already a customer for 100
 * years on average (1/(1 − r), Gupta & Lehmann 2003).
 */
export const MAX_RETENTION = 0.99;

/**
 * A proposed uplift Δ (a share, 0.05 = 5 points) kept so that retention r + Δ stays within
 * [0, MAX_RETENTION]; `capped` says it had to be cut, so the reader can be told why.
 *
 * @example
 * capUplift(0.8, 0.25); // { uplift: 0.19, capped: true }: 80% + 25 points would pass 100%
 */
export function capUplift(retention: number, uplift: number): { uplift: number; capped: boolean } {
  finite('retention', retention);
  finite('uplift', uplift);
  if (retention < 0 || retention > 1)
    throw new StatsInputError('retention', `must be a share from 0 to 1, got ${retention}`);
  const highest = Math.max(0, MAX_RETENTION - retention);
  if (uplift > highest) return { uplift: highest, capped: true };
  if (retention + uplift < 0) return { uplift: -retention, capped: true };
  return { uplift, capped: false };
}
