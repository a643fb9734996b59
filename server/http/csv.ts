/**
 * Every CSV the server hands out is written here, so none can carry a formula. A spreadsheet
 * runs a cell that starts with = + - @ (or a tab or carriage return, which some strip first) as a
 * formula, and respondents control much of what a download holds: open answers, hidden fields
 * from a survey link (`?tier==HYPERLINK(…)`), contact names. Such a cell gets a leading
 * apostrophe, which spreadsheets show as text and do not run (OWASP, "CSV Injection").
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative number written as text ("-3", "-0.25", "-1e3") is a number to a spreadsheet, not a formula. */
const PLAIN_NUMBER = /^-(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One cell as it may go into a CSV: numbers as they are, text that would run as a formula defused. */
export function csvCell(x: CsvValue): string | number | boolean {
  if (x === null || x === undefined) return '';
  if (typeof x !== 'string') return x;
  return FORMULA_START.test(x) && !PLAIN_NUMBER.test(x) ? `'${x}` : x;
}

export interface CsvOptions {
  /** A byte-order mark first, so Excel reads the file as UTF-8 (Chinese and Vietnamese text otherwise garble). */
  bom?: boolean;
  newline?: '\r\n' | '\n';
}

/** A field that RFC 4180 wants quoted, or that a reader could trim: quotes, separators, line breaks, edge spaces. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function field(x: CsvValue): string {
  const c = csvCell(x);
  if (typeof c !== 'string') return String(c);
  return NEEDS_QUOTES.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/**
 * One CSV record (RFC 4180: comma-separated, quoted where needed, quotes doubled), every cell
 * through `csvCell`; no line break. Written by hand rather than by papaparse: a response export
 * writes millions of cells, and this is several times faster.
 */
export function csvLine(cells: readonly CsvValue[]): string {
  let line = '';
  for (let k = 0; k < cells.length; k++) line += k === 0 ? field(cells[k]) : `,${field(cells[k])}`;
  return line;
}

/**
 * A CSV of `rows` under a header of `fields` (none when null).
 * @example writeCsv(['name', 'score'], [['=1+1', -2]]) // "name,score\r\n'=1+1,-2"
 */
export function writeCsv(
  fields: readonly string[] | null,
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  const lines = fields === null ? rows.map(csvLine) : [csvLine(fields), ...rows.map(csvLine)];
  return (options.bom ? '\uFEFF' : '') + lines.join(options.newline ?? '\r\n');
}
