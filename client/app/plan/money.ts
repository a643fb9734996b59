/** Money typed in major units ("2.50 €") and stored in minor units (250), exactly. */
import { currencyDigits } from '../../../shared/i18n';
import { formatForInput, parseNumber } from '../../respondent/questions/parse-number';

const digitsOf = (currency: string) => (/^[A-Z]{3}$/.test(currency) ? currencyDigits(currency) : 2);

/** Minor units, or null when the text is no amount or has more decimals than the currency has. */
export function toMinor(text: string, currency: string, decimalMark: '.' | ','): number | null {
  const n = parseNumber(text, decimalMark);
  if (n === null || n < 0) return null;
  const scaled = n * 10 ** digitsOf(currency);
  const minor = Math.round(scaled);
  // 2.555 € has no exact number of cents; refuse it rather than round money silently.
  return Math.abs(scaled - minor) < 1e-6 ? minor : null;
}

/** The amount written back for editing, in the locale's decimal mark. */
export function fromMinor(minor: number, currency: string, decimalMark: '.' | ','): string {
  return formatForInput(minor / 10 ** digitsOf(currency), decimalMark);
}
