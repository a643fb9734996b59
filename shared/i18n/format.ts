/**
 * Numbers, percentages, money and dates in the reader's locale, through Intl only (no locale data
 * of our own to ship or keep up to date).
 */
import type { Locale } from './locales';

// Building an Intl formatter costs far more than using one, and a report formats thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    // CLDR leaves four-digit Italian numbers ungrouped ("1234,5"); Italian business writing and
    // the issue want "1.234,5", and report columns only line up when every row is grouped alike.
    // Engines older than Intl.NumberFormat v3 (Safari < 15.4) take 'always' as true: CLDR's default.
    f = new Intl.NumberFormat(locale, { useGrouping: 'always', ...options });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * @example formatNumber('it', 1234.5) // "1.234,5"
 * @example formatNumber('en', 3.14159, 2) // "3.14"
 */
export function formatNumber(locale: Locale, n: number, maxFractionDigits?: number): string {
  return numberFormat(
    locale,
    maxFractionDigits === undefined ? {} : { maximumFractionDigits: maxFractionDigits },
  ).format(n);
}

/**
 * A share from 0 to 1 as a percentage with exactly `digits` decimals, so a column lines up.
 * @example formatPercent('en', 0.425, 1) // "42.5%"
 */
export function formatPercent(locale: Locale, share0to1: number, digits = 0): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share0to1);
}

/** Decimal places of a currency per ISO 4217 as Intl knows them (EUR 2, JPY 0, VND 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Money stored in minor units (cents for EUR, đồng for VND), shown in the locale's style. The
 * decimal is placed in a string, not by dividing, so large amounts never drift through floats.
 * A non-integer amount is rounded rather than thrown on: a report must still render.
 * @example formatCurrency('it', 123456, 'EUR') // "1.234,56 €"
 */
export function formatCurrency(locale: Locale, amount: number | bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const minor = typeof amount === 'bigint' ? amount : BigInt(Math.round(amount));
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  // Formatting a decimal string is exact since Intl.NumberFormat v3 (Chrome 106, Safari 15.4,
  // Firefox 116, Node 19); older engines convert it to a number, which is still right to the cent.
  return numberFormat(locale, { style: 'currency', currency }).format(
    `${negative ? '-' : ''}${decimal}` as Intl.StringNumericLiteral,
  );
}

/**
 * An estimate of money (a customer lifetime value, a revenue forecast) from a float in major
 * units, in whole units of the currency: cents on a model's output would claim a precision it
 * does not have, and unlike stored money such an amount never needs to add up to the cent.
 * @example formatMoneyEstimate('it', 733333.33, 'EUR') // "733.333 €"
 */
export function formatMoneyEstimate(locale: Locale, amount: number, currency: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount);
}

/**
 * The currency a reader of this language most likely counts in, for a money field that must start
 * somewhere: the report's languages are spoken mostly in Vietnam, mainland China, Taiwan and the euro area.
 * @example defaultCurrency('zh-Hant') // "TWD"
 */
export function defaultCurrency(locale: Locale): string {
  return locale === 'vi' ? 'VND' : locale === 'zh-Hans' ? 'CNY' : locale === 'zh-Hant' ? 'TWD' : 'EUR';
}

/**
 * A signed value in points (NPS, SERVQUAL gaps, differences between brands): the sign is the
 * message, so "+12.5" and "-3.0" are always shown and a rounded zero shows none.
 * @example formatPoints('en', 12.5, 1) // "+12.5"
 */
export function formatPoints(locale: Locale, value: number, digits = 0): string {
  return numberFormat(locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export type DateStyle = 'date' | 'datetime' | 'short';

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  short: { dateStyle: 'short' },
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date from an ISO string, epoch ms or a Date. A date-only ISO string ("2026-03-05", as plans
 * store fieldwork dates) names a calendar day, so it is shown in UTC and never slides to the day
 * before west of Greenwich; instants are shown in `timeZone`, by default the reader's own.
 * An invalid input is returned as given rather than thrown on, so one bad row cannot blank a page.
 * @example formatDate('zh-Hant', '2026-03-05', 'short') // "2026/3/5"
 */
export function formatDate(
  locale: Locale,
  isoOrMs: string | number | Date,
  style: DateStyle = 'date',
  timeZone?: string,
): string {
  const date = isoOrMs instanceof Date ? isoOrMs : new Date(isoOrMs);
  if (Number.isNaN(date.getTime())) return String(isoOrMs);
  const zone = typeof isoOrMs === 'string' && DATE_ONLY.test(isoOrMs) ? 'UTC' : timeZone;
  const key = `${locale}|${style}|${zone ?? ''}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...DATE_STYLES[style], timeZone: zone });
    dateFormats.set(key, f);
  }
  return f.format(date);
}
