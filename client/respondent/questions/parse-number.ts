const grouped = (mark: string) => new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`);

/**
 * Numbers as people type them in their own language. Italian and Vietnamese write "1.234,5",
 * English and Chinese "1,234.5", and a phone's keypad may offer only one of the two marks. So:
 * with both marks, the last one is the decimal mark; with one, the locale's decimal mark is a
 * decimal mark, and the other one is grouping only when it groups digits in threes ("1.500" typed
 * in Italian is 1500, "12.5" is 12.5). Anything else ambiguous is refused, never guessed.
 */
export function parseNumber(raw: string, decimalMark: '.' | ','): number | null {
  let s = raw
    .trim()
    .replace(/^[−–]/, '-')
    .replace(/[\s\u00a0\u202f]/g, '');
  const sign = /^[-+]/.test(s) ? s[0] : '';
  s = s.slice(sign.length);
  if (!/^[\d.,]+$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const only = lastDot >= 0 && lastComma < 0 ? '.' : lastComma >= 0 && lastDot < 0 ? ',' : null;
  const decimal =
    lastDot >= 0 && lastComma >= 0
      ? lastDot > lastComma
        ? '.'
        : ','
      : only && (only === decimalMark || !grouped(only).test(s))
        ? only
        : null;
  const group = decimal ? (decimal === '.' ? ',' : '.') : (only ?? '.');
  const [whole, fraction = '', extra] = decimal ? s.split(decimal) : [s];
  if (extra !== undefined || fraction.includes(group)) return null;
  if (whole.includes(group) && !grouped(group).test(whole)) return null;
  const digits = whole.split(group).join('');
  if (digits + fraction === '' || (decimal && fraction === '')) return null;
  const n = Number(`${sign}${digits || '0'}.${fraction || '0'}`);
  return Number.isFinite(n) ? n : null;
}

/** A number written back for editing: the locale's decimal mark, no grouping, so it parses back. */
export function formatForInput(n: number, decimalMark: '.' | ','): string {
  return String(n).replace('.', decimalMark);
}

export function decimalMarkOf(locale: string): '.' | ',' {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
}
