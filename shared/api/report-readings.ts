/**
 * Rules that keep the report's readings from overstating, shared by the server (which sends their
 * verdicts with each figure) and the client (which applies them to figures it lays out itself).
 */
import { SMALL_BASE } from './report-sections';

/**
 * Why a mean's interval or an NPS margin is not shown: under SMALL_BASE answers it is too wide to
 * say anything (and at n = 9 all alike it would read "5 ± 0"), and with every answer the same it
 * would be zero-width, claiming a certainty the sample cannot give. Null: show it.
 */
export type IntervalWithheld = 'small-base' | 'no-spread' | null;

/** `spread`: the answers' standard deviation (a mean) or the NPS's margin; zero when every answer agreed. */
export function intervalWithheld(n: number, spread: number): IntervalWithheld {
  if (n < SMALL_BASE) return 'small-base';
  return spread > 0 ? null : 'no-spread';
}
