/** The plan's sample calculator, on shared/stats' Cochran formulas. */
import { marginOfError, sampleSize, type PrecisionOptions } from '../stats';
import type { SampleInput } from './schema';

function precision(s: SampleInput): PrecisionOptions {
  const common = { confidence: s.confidence, population: s.population, designEffect: s.designEffect };
  return s.kind === 'mean' ? { ...common, sd: s.sd } : { ...common, proportion: s.proportion ?? 0.5 };
}

/**
 * Completes needed for the plan's margin at its confidence (finite-population correction and
 * design effect included), rounded up.
 *
 * @example
 * completesNeeded({ kind: 'proportion', confidence: 0.95, margin: 0.05, population: 10_000, designEffect: 1, responseRate: 1, incidence: 1 }); // 370
 */
export function completesNeeded(s: SampleInput): number {
  return sampleSize({ ...precision(s), margin: s.margin });
}

/**
 * Invitations to send so that `completes` come back: completes ÷ (response rate × incidence),
 * rounded up.
 *
 * @example
 * invitationsFor(175, { responseRate: 0.7, incidence: 1 }); // 250, though 175 / 0.7 is 250.00000000000003 in doubles
 */
export function invitationsFor(completes: number, s: Pick<SampleInput, 'responseRate' | 'incidence'>): number {
  const exact = completes / (s.responseRate * s.incidence);
  // A quotient that is whole in exact arithmetic can come out a few ulps above: that alone must
  // not ask for one more invitation.
  return Math.ceil(exact * (1 - 1e-12));
}

/** The margin of error `n` completes achieve under the plan's assumptions; 0 for a census, null for n < 1. */
export function marginAt(s: SampleInput, n: number): number | null {
  if (!(n >= 1)) return null;
  if (s.population !== undefined && n >= s.population) return 0;
  return marginOfError({ ...precision(s), n });
}
