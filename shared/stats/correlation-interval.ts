/** A confidence interval for Pearson's correlation coefficient. */
import { finite, integer, openUnit, StatsInputError } from './errors';
import { normalQuantile } from './normal';

/**
 * Fisher's z interval for a correlation (Fisher, Biometrika 10(4), 1915; Metron 1, 1921):
 * z = atanh(r) is near-normal with standard error 1/√(n − 3), so the interval is
 * tanh(atanh(r) ± z₁₋α/₂/√(n − 3)), as R's `cor.test` reports it. Needs n ≥ 4 and |r| < 1.
 *
 * @example
 * correlationCI(0.5, 50); // { r: 0.5, lower: 0.2574…, upper: 0.6833… }
 */
export function correlationCI(r: number, n: number, confidence = 0.95): { r: number; lower: number; upper: number } {
  finite('r', r);
  if (!(Math.abs(r) < 1)) throw new StatsInputError('r', 'must lie strictly between −1 and 1');
  integer('n', n, 4);
  openUnit('confidence', confidence);
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - confidence) / 2) / Math.sqrt(n - 3);
  return { r, lower: Math.tanh(z - half), upper: Math.tanh(z + half) };
}
