/**
 * The response table written as CSV, XLSX (exceljs) and SPSS syntax with inline data. A large
 * survey's export writes millions of cells: each writer hands the event loop back every few
 * hundred rows, so other requests are answered meanwhile.
 */
import { PassThrough } from 'node:stream';
import { csvLine } from '../../http/csv';
import type { Level, Variable } from './variable';
import type { AppKey } from '../../../shared/i18n';

/** Rows written between two returns to the event loop: about 100 ms of CSV or SPSS at 80 variables. */
const ROWS_PER_TURN = 1000;
/** Likewise for XLSX, which exceljs writes about five times slower. */
const XLSX_ROWS_PER_TURN = 200;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A value as written, with its label in place of the code when `labels` and it has one. */
const cell = (v: Variable, slot: number, labels: boolean) => {
  const x = v.value(slot);
  if (x === null) return null;
  return labels && v.labelOf ? v.labelOf(x) : x;
};

/** CSV with a header of variable names; codes, or labels for coded answers when `labels`; times in ISO 8601 (UTC). */
export async function toCsv(vars: readonly Variable[], slots: readonly number[], labels: boolean): Promise<string> {
  const lines = [csvLine(vars.map((v) => v.name))];
  for (let j = 0; j < slots.length; j++) {
    if (j > 0 && j % ROWS_PER_TURN === 0) await nextTurn();
    lines.push(
      csvLine(
        vars.map((v) => {
          const x = cell(v, slots[j], labels);
          return v.type === 'datetime' && typeof x === 'number' ? new Date(x).toISOString() : x;
        }),
      ),
    );
  }
  return lines.join('\r\n');
}

const LEVEL_NAMES: Record<Level, string> = { nominal: 'NOMINAL', ordinal: 'ORDINAL', scale: 'SCALE' };

/** Excel refuses sheet names over 31 characters or holding any of : \\ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * A workbook with the responses and a sheet describing each variable, its level and its codes.
 * Written by exceljs's streaming writer, row by row, which takes half the time of building the
 * whole workbook in memory first.
 */
export async function toXlsx(
  vars: readonly Variable[],
  slots: readonly number[],
  labels: boolean,
  t: (key: AppKey) => string,
): Promise<Buffer> {
  // Loaded on first use: ExcelJS takes about half a second to load, which start-up shouldn't pay.
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const data = wb.addWorksheet(sheetName(t('export.sheet.responses')), { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = data.addRow(vars.map((v) => v.name));
  head.font = { bold: true };
  head.commit();
  const dates = vars.flatMap((v, k) => (v.type === 'datetime' ? [k + 1] : []));
  for (let j = 0; j < slots.length; j++) {
    if (j > 0 && j % XLSX_ROWS_PER_TURN === 0) await nextTurn();
    const row = data.addRow(
      vars.map((v) => {
        const x = cell(v, slots[j], labels);
        // A date cell, not text: a spreadsheet can sort, filter and compute on it.
        return v.type === 'datetime' && typeof x === 'number' ? new Date(x) : x;
      }),
    );
    for (const k of dates) row.getCell(k).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.commit();
  }
  data.commit();
  const dict = wb.addWorksheet(sheetName(t('export.sheet.variables')));
  const dictHead = dict.addRow([
    t('export.head.variable'),
    t('export.head.label'),
    t('export.head.level'),
    t('export.head.codes'),
  ]);
  dictHead.font = { bold: true };
  dictHead.commit();
  for (const v of vars)
    dict.addRow([v.name, v.label, v.level, v.valueLabels.map(([c, l]) => `${c} = ${l}`).join('; ')]).commit();
  dict.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** A quoted SPSS string in syntax: doubled quotes inside, line breaks as spaces (a syntax line can't hold one). */
const quote = (s: string) => `"${s.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;

/**
 * A quoted string in inline data, where PSPP takes no doubled quotes: a value holding " is
 * wrapped in ' instead, and one holding both has its " made typographic.
 */
function dataString(s: string): string {
  const flat = s.replace(/[\r\n]+/g, ' ');
  if (!flat.includes('"')) return `"${flat}"`;
  return flat.includes("'") ? `"${flat.replace(/"/g, '\u201D')}"` : `'${flat}'`;
}

/** SPSS keeps a date and time as seconds since the start of the Gregorian calendar, 14 Oct 1582. */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);

/** `items` on lines of a few each: some SPSS versions refuse very long syntax lines. */
const wrapped = (items: readonly string[], per = 8) => {
  const lines: string[] = [];
  for (let k = 0; k < items.length; k += per) lines.push(items.slice(k, k + per).join(' '));
  return lines.join('\n  ');
};

/**
 * SPSS syntax with the data inline (DATA LIST LIST … BEGIN DATA … END DATA, comma-separated), variable and value
 * labels and measurement levels: one file that SPSS and PSPP run as it is. Strings are read as A-format wide enough
 * for the longest value (and value label); a missing number is "." (system-missing), a missing string blank; a
 * time is read as SPSS's seconds and shown as DATETIME.
 */
/** A multiple-dichotomy set: variables coded 1 where the response has the category. */
export interface DichotomySet {
  name: string;
  label: string;
  variables: string[];
}

export async function toSps(
  vars: readonly Variable[],
  slots: readonly number[],
  title: string,
  sets: readonly DichotomySet[] = [],
): Promise<string> {
  const widths = vars.map((v) => {
    if (v.type !== 'string') return 0;
    let w = 1;
    const widen = (x: unknown) => {
      if (typeof x === 'string') w = Math.max(w, Buffer.byteLength(x.replace(/"/g, '\u201D')));
    };
    for (const s of slots) widen(v.value(s));
    for (const [value] of v.valueLabels) widen(value);
    return Math.min(32767, w);
  });
  const format = (v: Variable, k: number) =>
    v.type === 'string' ? `(A${widths[k]})` : v.type === 'datetime' ? '(F18.3)' : '(F12.4)';
  const lines: string[] = [
    `TITLE ${quote(title.slice(0, 60))}.`,
    `DATA LIST LIST /${vars.map((v, k) => `${v.name} ${format(v, k)}`).join('\n  ')}.`,
    'BEGIN DATA',
  ];
  for (let j = 0; j < slots.length; j++) {
    if (j > 0 && j % ROWS_PER_TURN === 0) await nextTurn();
    const s = slots[j];
    lines.push(
      vars
        .map((v) => {
          const x = v.value(s);
          // "." is system-missing in free-format data; an empty field at the end of a record would be lost.
          if (x === null) return v.type === 'string' ? '""' : '.';
          if (v.type === 'datetime') return (((x as number) - SPSS_EPOCH_MS) / 1000).toFixed(3);
          return typeof x === 'number' ? String(x) : dataString(x);
        })
        .join(','),
    );
  }
  lines.push('END DATA.');
  lines.push(`VARIABLE LABELS\n  ${vars.map((v) => `${v.name} ${quote(v.label)}`).join('\n  /')}.`);
  const coded = vars.filter((v) => v.valueLabels.length > 0);
  if (coded.length > 0) {
    const value = (x: number | string) => (typeof x === 'number' ? String(x) : quote(x));
    lines.push(
      `VALUE LABELS\n  ${coded.map((v) => `${v.name} ${v.valueLabels.map(([c, l]) => `${value(c)} ${quote(l)}`).join(' ')}`).join('\n  /')}.`,
    );
  }
  const levels = (['nominal', 'ordinal', 'scale'] as const)
    .map((level) => [level, vars.filter((v) => v.level === level).map((v) => v.name)] as const)
    .filter(([, names]) => names.length > 0);
  if (levels.length > 0)
    lines.push(
      `VARIABLE LEVEL\n  ${levels.map(([level, names]) => `${wrapped(names)} (${LEVEL_NAMES[level]})`).join('\n  /')}.`,
    );
  const numeric = (which: (v: Variable) => boolean, fmt: string) => {
    const names = vars.filter((v) => v.type === 'numeric' && which(v)).map((v) => v.name);
    if (names.length > 0) lines.push(`FORMATS ${wrapped(names)} (${fmt}).`);
  };
  // Codes and ratings are whole numbers; prices, points and other amounts show two decimals.
  numeric((v) => v.level !== 'scale', 'F8.0');
  numeric((v) => v.level === 'scale', 'F8.2');
  const times = vars.filter((v) => v.type === 'datetime').map((v) => v.name);
  if (times.length > 0) lines.push(`FORMATS ${wrapped(times)} (DATETIME20).`);
  // A coded open question as one multiple-response variable (SPSS MRSETS, which PSPP reads too).
  if (sets.length > 0)
    lines.push(
      `MRSETS\n  ${sets.map((s) => `/MDGROUP NAME=${s.name} LABEL=${quote(s.label)}\n    VARIABLES=${wrapped(s.variables)} VALUE=1`).join('\n  ')}.`,
    );
  lines.push('EXECUTE.', '');
  return lines.join('\n');
}
