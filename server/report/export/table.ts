/**
 * Responses as one flat table of variables, the shape CSV, XLSX and SPSS exports share: one row
 * per response, one variable per question (per item of a matrix, per option of a multiple choice).
 * Read from the report's columns, so exports respect its filters and never see contact details.
 */
import { allQuestions, type SurveyDefinition, type Text } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';
import { itemKey, type Columns } from '../columns';
import type { Selection } from '../selection';
import { moreTypeVariables } from './more-type-variables';

export interface Variable {
  name: string;
  label: string;
  type: 'numeric' | 'string';
  /** Code → label, for coded answers (single choice, scale ends, yes/no). */
  valueLabels: [number, string][];
  /** Code or value of response `slot`; null when missing. Strings for `string` variables. */
  value: (slot: number) => number | string | null;
  /** The label of a coded value, for exports "with labels". */
  labelOf?: (code: number) => string;
}

/**
 * Names SPSS won't take as variables, and names it reads as a COMMENT command when they start a
 * syntax line (as each does in DATA LIST): both get a prefix.
 */
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
const safeName = (s: string) => (RESERVED.has(s.toUpperCase()) || /^comm/i.test(s) ? `v_${s}` : s);

export function variables(def: SurveyDefinition, cols: Columns, lang: string): Variable[] {
  const text = (x: Text | undefined) => pickText(x, lang, def.defaultLanguage);
  const scale = (column: Int16Array) => (slot: number) => (column[slot] >= 0 ? column[slot] : null);
  const out: Variable[] = [
    { name: 'response_id', label: 'Response', type: 'numeric', valueLabels: [], value: (i) => cols.id[i] },
    { name: 'completed', label: 'Completed (UTC)', type: 'string', valueLabels: [], value: (i) => new Date(cols.completedAt[i]).toISOString() },
    { name: 'wave', label: 'Wave', type: 'numeric', valueLabels: [], value: (i) => cols.wave[i] },
  ];
  for (const [name, h] of cols.hidden) {
    out.push({ name: safeName(name), label: name, type: 'string', valueLabels: [], value: (i) => (h.codes[i] >= 0 ? h.dict[h.codes[i]] : null) });
  }
  for (const q of allQuestions(def)) {
    const label = text(q.text);
    switch (q.type) {
      case 'single': {
        const col = cols.ints.get(q.id)!;
        const labels = q.options.map((o, k): [number, string] => [k + 1, text(o.label)]);
        out.push({
          name: safeName(q.id), label, type: 'numeric', valueLabels: labels,
          value: (i) => (col[i] >= 0 && col[i] < q.options.length ? col[i] + 1 : null),
          labelOf: (code) => labels[code - 1]?.[1] ?? '',
        });
        break;
      }
      case 'multiple': {
        const m = cols.multi.get(q.id)!;
        q.options.forEach((o, k) => out.push({
          name: safeName(`${q.id}_${o.id}`), label: `${label}: ${text(o.label)}`, type: 'numeric', valueLabels: [[0, 'No'], [1, 'Yes']],
          value: (i) => (m.answered[i] ? m.chosen[k][i] : null), labelOf: (code) => (code ? 'Yes' : 'No'),
        }));
        break;
      }
      case 'rating': case 'nps': {
        const ends: [number, string][] = q.type === 'rating'
          ? [[q.scale.min, text(q.scale.minLabel)], [q.scale.max, text(q.scale.maxLabel)]].filter((e): e is [number, string] => e[1] !== '') as [number, string][]
          : [];
        out.push({ name: safeName(q.id), label, type: 'numeric', valueLabels: ends, value: scale(cols.ints.get(q.id)!) });
        break;
      }
      case 'matrix':
        for (const item of q.items) {
          const col = cols.ints.get(itemKey(q.id, item.id))!;
          const ends = ([[q.scale.min, text(q.scale.minLabel)], [q.scale.max, text(q.scale.maxLabel)]] as [number, string][]).filter((e) => e[1] !== '');
          out.push({ name: safeName(`${q.id}_${item.id}`), label: `${label}: ${text(item.label)}`, type: 'numeric', valueLabels: ends, value: scale(col) });
        }
        break;
      case 'number': {
        const col = cols.numbers.get(q.id)!;
        out.push({ name: safeName(q.id), label, type: 'numeric', valueLabels: [], value: (i) => (Number.isNaN(col[i]) ? null : col[i]) });
        break;
      }
      case 'text': {
        const t = cols.texts.get(q.id)!;
        const bySlot = new Map(t.rows.map((slot, j) => [slot, t.texts[j]]));
        out.push({ name: safeName(q.id), label, type: 'string', valueLabels: [], value: (i) => bySlot.get(i) ?? null });
        break;
      }
      case 'date': case 'yesno': case 'fields': case 'matrixScales':
        out.push(...moreTypeVariables(q, cols, text, safeName));
        break;
      default:
        break;
    }
  }
  return out;
}

/** The selected responses' slots, in completion order. */
export function selectedSlots(cols: Columns, sel: Selection): number[] {
  const slots: number[] = [];
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) slots.push(i);
  return slots.sort((a, b) => cols.completedAt[a] - cols.completedAt[b]);
}
