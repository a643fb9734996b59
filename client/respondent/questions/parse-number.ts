/**
 * Numbers as people type them in their own language. Italian and Vietnamese write "1.234,5",
 * English and Chinese "1,234.5"; phones also offer only one of the two marks on their keypads. So
 * the locale's decimal mark is always a decimal mark, the other one is read as grouping only when
 * it groups digits in threes ("1.500" in Italian is 1500), and otherwise as a decimal mark too
 * ("12.5" typed on an Italian phone is 12.5). A leading "−" and spaces as grouping are accepted.
 */
export function parseNumber(raw: string, decimalMark: '.' | ','): number | null {
  const group = decimalMark === ',' ? '.' : ',';
  let s = raw.trim().replace(/^[−–]/, '-').replace(/[\s\u00a0\u202f]/g, '');
  const sign = /^[-+]/.test(s) ? s[0] : '';
  s = s.slice(sign.length);
  const at = s.lastIndexOf(decimalMark);
  let whole = at >= 0 ? s.slice(0, at) : s;
  let fraction = at >= 0 ? s.slice(at + 1) : '';
  if (new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) {
    whole = whole.split(group).join('');
  } else if (at < 0 && whole.split(group).length === 2) {
    [whole, fraction] = whole.split(group);
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '' || (at >= 0 && fraction === '')) return null;
  const n = Number(`${sign}${whole || '0'}.${fraction || '0'}`);
  return Number.isFinite(n) ? n : null;
}

/** A number written back for editing: the locale's decimal mark, no grouping, so it parses back. */
export function formatForInput(n: number, decimalMark: '.' | ','): string {
  return String(n).replace('.', decimalMark);
}

export function decimalMarkOf(locale: string): '.' | ',' {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
}
