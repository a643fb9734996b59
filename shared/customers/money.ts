/** Amounts as the register stores them: integers in the currency's minor unit, never floats. */

const DIGITS = new Map<string, number>();

/** The minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, VND 0), or null for an unknown code. */
export function minorDigits(currency: string): number | null {
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  let d = DIGITS.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      return null;
    }
    DIGITS.set(currency, d);
  }
  return d;
}

/**
 * "1234.5", "-12,50" or "7" in minor units of a currency with `digits` decimals, read digit by
 * digit so nothing drifts through a float. One decimal point or comma; no thousands separators
 * (they are ambiguous between Italian and English files). Null when it is no such amount or has
 * more decimals than the currency.
 */
export function parseMinor(text: string, digits: number): number | null {
  const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > digits) return null;
  const minor = Number(m[2] + frac.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] ? -minor : minor;
}
