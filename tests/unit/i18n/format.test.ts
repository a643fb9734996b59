/**
 * Expected strings are what Node 20's bundled ICU (CLDR) prints; browsers on another CLDR release
 * may differ in small ways (spaces, abbreviations). Intl separates a currency symbol or a time from
 * the number with a no-break space (U+00A0) in some locales: written as \u00a0 below.
 */
import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  defaultCurrency,
  formatCurrency,
  formatDate,
  formatMoneyEstimate,
  formatNumber,
  formatPercent,
  formatPoints,
  type Locale,
} from '../../../shared/i18n';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it.each<[Locale, string]>([
    ['en', '1,234.5'],
    ['zh-Hans', '1,234.5'],
    ['zh-Hant', '1,234.5'],
    // CLDR leaves four-digit Italian numbers ungrouped ("1234,5"); we group them on purpose.
    ['it', '1.234,5'],
    ['vi', '1.234,5'],
  ])('writes 1234.5 in %s as %s', (locale, expected) => {
    expect(formatNumber(locale, 1234.5)).toBe(expected);
  });

  it('groups millions and keeps up to three decimals by default, as Intl does', () => {
    expect(formatNumber('it', 1234567.891)).toBe('1.234.567,891');
    expect(formatNumber('en', 1 / 3)).toBe('0.333');
  });

  it('rounds to the maximum fraction digits asked for', () => {
    expect(formatNumber('en', 3.14159, 2)).toBe('3.14');
    expect(formatNumber('vi', 3.14159, 0)).toBe('3');
  });
});

describe('formatPercent', () => {
  it.each<[Locale, string]>([
    ['en', '42.5%'],
    ['zh-Hans', '42.5%'],
    ['zh-Hant', '42.5%'],
    ['it', '42,5%'],
    ['vi', '42,5%'],
  ])('writes a share of 0.425 with one decimal in %s as %s', (locale, expected) => {
    expect(formatPercent(locale, 0.425, 1)).toBe(expected);
  });

  it('shows no decimals by default and keeps trailing zeros so columns line up', () => {
    expect(formatPercent('en', 0.5)).toBe('50%');
    expect(formatPercent('it', 0.5, 1)).toBe('50,0%');
  });
});

describe('formatCurrency (amounts in minor units)', () => {
  it.each<[Locale, number, string, string]>([
    ['it', 123456, 'EUR', `1.234,56${NBSP}€`],
    ['en', 123456, 'EUR', '€1,234.56'],
    ['vi', 123456, 'VND', `123.456${NBSP}₫`],
    ['zh-Hans', 123456, 'CNY', '¥1,234.56'],
    // zh-Hant is Taiwan's locale, where the New Taiwan dollar is plain "$".
    ['zh-Hant', 123456, 'TWD', '$1,234.56'],
  ])('in %s writes %i of %s as %s', (locale, amount, currency, expected) => {
    expect(formatCurrency(locale, amount, currency)).toBe(expected);
  });

  it("divides by the currency's own number of decimals (ISO 4217)", () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('VND'), currencyDigits('KWD')]).toEqual([
      2, 0, 0, 3,
    ]);
    expect(formatCurrency('en', 1234, 'JPY')).toBe('¥1,234');
    expect(formatCurrency('en', 1234567, 'KWD')).toBe(`KWD${NBSP}1,234.567`);
  });

  it('handles small and negative amounts', () => {
    expect(formatCurrency('en', 5, 'EUR')).toBe('€0.05');
    expect(formatCurrency('it', -50, 'EUR')).toBe(`-0,50${NBSP}€`);
  });

  it('stays exact beyond the range where a float would drift', () => {
    expect(formatCurrency('en', 9007199254740993n, 'EUR')).toBe('€90,071,992,547,409.93');
  });
});

describe('formatMoneyEstimate (an estimate in major units, shown in whole units)', () => {
  it.each<[Locale, string, string]>([
    ['en', 'EUR', '€733,333'],
    ['it', 'EUR', `733.333${NBSP}€`],
    ['zh-Hans', 'CNY', '¥733,333'],
    ['vi', 'VND', `733.333${NBSP}₫`],
  ])('writes 733,333.33 in %s, %s, as %s', (locale, currency, expected) => {
    expect(formatMoneyEstimate(locale, 733333.33, currency)).toBe(expected);
  });

  it('rounds to the nearest unit and keeps the sign of a loss', () => {
    expect(formatMoneyEstimate('en', 266.67, 'USD')).toBe('$267');
    expect(formatMoneyEstimate('en', -916666.67, 'GBP')).toBe('-£916,667');
  });
});

describe('defaultCurrency', () => {
  it.each<[Locale, string]>([
    ['en', 'EUR'],
    ['it', 'EUR'],
    ['zh-Hans', 'CNY'],
    ['zh-Hant', 'TWD'],
    ['vi', 'VND'],
  ])('%s → %s', (locale, currency) => {
    expect(defaultCurrency(locale)).toBe(currency);
  });
});

describe('formatPoints', () => {
  it('always signs a non-zero value', () => {
    expect(formatPoints('en', 12.5, 1)).toBe('+12.5');
    expect(formatPoints('it', 12.5, 1)).toBe('+12,5');
    expect(formatPoints('en', -3, 1)).toBe('-3.0');
  });

  it('shows no sign on a value that rounds to zero', () => {
    expect(formatPoints('en', 0, 1)).toBe('0.0');
    expect(formatPoints('en', -0.04, 1)).toBe('0.0');
  });
});

describe('formatDate', () => {
  it('writes 2026-03-05 in zh-Hant as ICU prints it: y/M/d short, 年月日 medium', () => {
    expect(formatDate('zh-Hant', '2026-03-05', 'short')).toBe('2026/3/5');
    expect(formatDate('zh-Hant', '2026-03-05', 'date')).toBe('2026年3月5日');
  });

  it.each<[Locale, string]>([
    ['en', 'Mar 5, 2026'],
    ['zh-Hans', '2026年3月5日'],
    ['it', '5 mar 2026'],
    ['vi', '5 thg 3, 2026'],
  ])('writes the date in %s as %s', (locale, expected) => {
    expect(formatDate(locale, '2026-03-05')).toBe(expected);
  });

  it('keeps a date-only string on its calendar day in any time zone', () => {
    expect(formatDate('en', '2026-03-05', 'date', 'America/Los_Angeles')).toBe('Mar 5, 2026');
  });

  it("shows an instant in the time zone asked for, with Taiwan's 晚上 for the evening", () => {
    expect(formatDate('zh-Hant', '2026-03-05T14:07:00Z', 'datetime', 'Asia/Taipei')).toBe('2026年3月5日 晚上10:07');
    expect(formatDate('it', Date.UTC(2026, 2, 5, 14, 7), 'datetime', 'Europe/Rome')).toBe('5 mar 2026, 15:07');
  });

  it('returns an unreadable date as given instead of throwing', () => {
    expect(formatDate('en', 'not a date')).toBe('not a date');
  });
});
