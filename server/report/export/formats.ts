/** The response table written as CSV (papaparse), XLSX (exceljs) and SPSS syntax with inline data. */
import Papa from 'papaparse';
import type { Variable } from './table';

const cell = (v: Variable, slot: number, labels: boolean) => {
  const x = v.value(slot);
  if (x === null) return null;
  return labels && v.labelOf && typeof x === 'number' ? v.labelOf(x) : x;
};

/** CSV with a header of variable names; codes, or labels for coded answers when `labels`. */
export function toCsv(vars: readonly Variable[], slots: readonly number[], labels: boolean): string {
  return Papa.unparse({ fields: vars.map((v) => v.name), data: slots.map((s) => vars.map((v) => cell(v, s, labels) ?? '')) });
}

/** A workbook with the responses and a sheet describing each variable and its codes. */
export async function toXlsx(vars: readonly Variable[], slots: readonly number[], labels: boolean): Promise<Buffer> {
  // Loaded on first use: ExcelJS takes about half a second to load, which start-up shouldn't pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(vars.map((v) => v.name)).font = { bold: true };
  for (const s of slots) data.addRow(vars.map((v) => cell(v, s, labels)));
  const dict = wb.addWorksheet('Variables');
  dict.addRow(['Variable', 'Label', 'Codes']).font = { bold: true };
  for (const v of vars) dict.addRow([v.name, v.label, v.valueLabels.map(([c, l]) => `${c} = ${l}`).join('; ')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
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

/**
 * SPSS syntax with the data inline (DATA LIST LIST … BEGIN DATA … END DATA, comma-separated), variable and value
 * labels: one file that SPSS and PSPP run as it is. Strings are read as A-format wide enough for
 * the longest value; a missing number is "." (system-missing), a missing string blank.
 */
export function toSps(vars: readonly Variable[], slots: readonly number[], title: string): string {
  const widths = vars.map((v) => {
    if (v.type === 'numeric') return 0;
    let w = 1;
    for (const s of slots) {
      const x = v.value(s);
      if (typeof x === 'string') w = Math.max(w, Buffer.byteLength(x.replace(/"/g, '\u201D')));
    }
    return Math.min(32767, w);
  });
  const lines: string[] = [
    `TITLE ${quote(title.slice(0, 60))}.`,
    `DATA LIST LIST /${vars.map((v, k) => `${v.name} ${v.type === 'numeric' ? '(F12.4)' : `(A${widths[k]})`}`).join('\n  ')}.`,
    'BEGIN DATA',
  ];
  for (const s of slots) {
    lines.push(vars.map((v) => {
      const x = v.value(s);
      // "." is system-missing in free-format data; an empty field at the end of a record would be lost.
      if (x === null) return v.type === 'numeric' ? '.' : '""';
      return typeof x === 'number' ? String(x) : dataString(x);
    }).join(','));
  }
  lines.push('END DATA.');
  lines.push(`VARIABLE LABELS\n  ${vars.map((v) => `${v.name} ${quote(v.label)}`).join('\n  /')}.`);
  const coded = vars.filter((v) => v.valueLabels.length > 0);
  if (coded.length > 0) {
    lines.push(`VALUE LABELS\n  ${coded.map((v) => `${v.name} ${v.valueLabels.map(([c, l]) => `${c} ${quote(l)}`).join(' ')}`).join('\n  /')}.`);
  }
  const formats = vars.filter((v) => v.type === 'numeric');
  if (formats.length > 0) lines.push(`FORMATS ${formats.map((v) => v.name).join(' ')} (F8.2).`);
  lines.push('EXECUTE.', '');
  return lines.join('\n');
}
