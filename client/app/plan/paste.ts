/**
 * Categories pasted from a spreadsheet: one row per line, cells separated by tabs (what Excel,
 * LibreOffice and Google Sheets put on the clipboard). The first cell is the value, the last the
 * population (a count, or a share when it ends in %), a middle one the label. Rows whose last cell
 * isn't a number (a header) are skipped.
 */
import { parseNumber } from '../../respondent/questions/parse-number';

export interface PastedCategory {
  value: string;
  label?: string;
  population: number;
}
export interface Pasted {
  categories: PastedCategory[];
  unit: 'percent' | 'count' | null;
}

export function parsePastedCategories(text: string, decimalMark: '.' | ','): Pasted {
  const categories: PastedCategory[] = [];
  let percent = false;
  let counted = false;
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < 2 || cells[0] === '') continue;
    const last = cells[cells.length - 1];
    const isPercent = last.endsWith('%');
    const population = parseNumber(isPercent ? last.slice(0, -1) : last, decimalMark);
    if (population === null) continue;
    if (isPercent) percent = true;
    else counted = true;
    const label = cells.length > 2 ? cells.slice(1, -1).join(' ').trim() : '';
    categories.push({ value: cells[0], ...(label ? { label } : {}), population });
  }
  return { categories, unit: percent ? 'percent' : counted ? 'count' : null };
}
