/** The response table written as CSV (papaparse), XLSX (exceljs) and SPSS syntax with inline data. */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
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
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(vars.map((v) => v.name)).font = { bold: true };
  for (const s of slots) data.addRow(vars.map((v) => cell(v, s, labels)));
  const dict = wb.addWorksheet('Variables');
  dict.addRow(['Variable', 'Label', 'Codes']).font = { bold: true };
  for (const v of vars) dict.addRow([v.name, v.label, v.valueLabels.map(([c, l]) => `${c} = ${l}`).join('; ')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A quoted SPSS string: doubled quotes inside, line breaks as spaces (a syntax line can't hold one). */
const quote = (s: string) => `"${s.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;

/**
 * SPSS syntax with the data inline (DATA LIST LIST … BEGIN DATA … END DATA), variable and value
 * labels: one file that SPSS and PSPP run as it is. Strings are read as A-format wide enough for
 * the longest value; a missing value is an empty field (system-missing, or blank for strings).
 */
export function toSps(vars: readonly Variable[], slots: readonly number[], title: string): string {
  const widths = vars.map((v) => {
    if (v.type === 'numeric') return 0;
    let w = 1;
    for (const s of slots) {
      const x = v.value(s);
      if (typeof x === 'string') w = Math.max(w, Buffer.byteLength(x.replace(/[\r\n]+/g, ' ')));
    }
    return Math.min(32767, w);
  });
  const lines: string[] = [
    'ENCODING="UTF-8".',
    `TITLE ${quote(title.slice(0, 60))}.`,
    `DATA LIST LIST(",") /${vars.map((v, k) => `${v.name} ${v.type === 'numeric' ? '(F12.4)' : `(A${widths[k]})`}`).join('\n  ')}.`,
    'BEGIN DATA',
  ];
  for (const s of slots) {
    lines.push(vars.map((v) => {
      const x = v.value(s);
      if (x === null) return '';
      return typeof x === 'number' ? String(x) : quote(x);
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
