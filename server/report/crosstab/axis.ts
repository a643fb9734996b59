/**
 * A cross-tab variable read from the report's columns: its categories with labels, and which
 * category each response falls in (one for coded variables, any number for a multiple choice).
 */
import type { AppKey, Translate } from '../../../shared/i18n';
import type { CrosstabVariable } from '../../../shared/api/report-crosstab';
import { CROSSTAB_MAX_CATEGORIES } from '../../../shared/api/report-crosstab';
import { cellLabels, type Quotas } from '../../../shared/plan';
import { allQuestions, type Question, type SurveyDefinition, type Text } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';
import { badRequest } from '../../http/errors';
import { itemKey, type Columns } from '../columns';
import {
  binOf,
  datePeriods,
  fieldNumbers,
  numberBins,
  PERIODS,
  scaleItemColumn,
  type Period,
} from '../more-type-columns';
import { hiddenField } from '../hidden-field';
import type { Selection } from '../selection';

export interface Category {
  value: string;
  label: string;
}

export type Axis = {
  variable: CrosstabVariable;
  categories: Category[];
} /** `categoryOf(slot)`: the category index, or −1 when the response has no answer. */ & (
  | {
      type: 'coded';
      categoryOf: (slot: number) => number;
      scale: { min: number; max: number } | null;
      /** The number behind the category (a number field's answer, not its bin), for the row's mean. */
      numberOf?: (slot: number) => number;
    }
  | { type: 'multi'; answered: Uint8Array; chosen: Uint8Array[] }
);

export interface AxisContext {
  def: SurveyDefinition;
  cols: Columns;
  sel: Selection;
  quotas: Quotas | null;
  lang: string;
  t: Translate<AppKey>;
  /** Coded open questions (server/coding/variables.ts), read when an axis names `coded:<question>`. */
  coded?: ReadonlyMap<
    string,
    { text: Text; codes: { id: string; label: Record<string, string> }[]; answered: Uint8Array; chosen: Uint8Array[] }
  >;
}

/** Codes seen among the selected responses, each once. */
function seen(codes: Int32Array, sel: Selection): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < sel.mask.length; i++) if (sel.mask[i] && codes[i] >= 0) out.add(codes[i]);
  return out;
}

/** A coded axis over dictionary codes: the categories in `order`, every other code unanswered. */
function fromCodes(
  variable: CrosstabVariable,
  codes: Int32Array,
  dict: readonly string[],
  order: number[],
  label: (code: number) => string,
): Axis {
  const remap = new Int32Array(dict.length).fill(-1);
  order.forEach((code, k) => {
    remap[code] = k;
  });
  return {
    variable,
    type: 'coded',
    scale: null,
    categories: order.map((code) => ({ value: dict[code], label: label(code) })),
    categoryOf: (slot) => (codes[slot] >= 0 ? remap[codes[slot]] : -1),
  };
}

/**
 * The variable `name` of the query parameter `path` (`rows` or `columns`), or a 400 naming the
 * parameter and what is wrong with it.
 */
export function resolveAxis(name: string, path: 'rows' | 'columns', ctx: AxisContext): Axis {
  const { def, cols, sel, t } = ctx;
  const fail = (problem: string) => badRequest(`${path}: ${problem}`, path);
  const text = (x: Text | undefined) => pickText(x, ctx.lang, def.defaultLanguage);
  let axis: Axis;
  if (name === '@wave') {
    const waves = [...new Set(Array.from(cols.wave.subarray(0, cols.n)).filter((_, i) => sel.mask[i]))].sort(
      (a, b) => a - b,
    );
    const index = new Map(waves.map((w, k) => [w, k]));
    axis = {
      variable: { name, kind: 'wave', label: t('report.waveCol') },
      type: 'coded',
      scale: null,
      categories: waves.map((w) => ({ value: String(w), label: t('report.wave', { n: w }) })),
      categoryOf: (slot) => index.get(cols.wave[slot]) ?? -1,
    };
  } else if (name === '@cell') {
    const quotas = ctx.quotas;
    if (!quotas?.cells?.length) throw fail("the survey's plan has no quota cells");
    const present = seen(cols.cell.codes, sel);
    const order = quotas.cells
      .map((c) => cols.cell.index.get(c.key))
      .filter((k): k is number => k !== undefined && present.has(k));
    const labels = new Map(quotas.cells.map((c) => [c.key, cellLabels(quotas, c.values).join(' × ')]));
    axis = fromCodes(
      { name, kind: 'cell', label: t('report.crosstab.cell') },
      cols.cell.codes,
      cols.cell.dict,
      order,
      (k) => labels.get(cols.cell.dict[k]) ?? cols.cell.dict[k],
    );
  } else if (name.startsWith('hidden:')) {
    const field = name.slice('hidden:'.length);
    const h = cols.hidden.get(field);
    if (!h) throw fail(`the survey has no hidden field "${field}"`);
    const reads = hiddenField(ctx.quotas, field);
    const order = [...seen(h.codes, sel)].sort((a, b) => reads.compare(h.dict[a], h.dict[b]));
    axis = fromCodes({ name, kind: 'hidden', label: reads.label }, h.codes, h.dict, order, (code) =>
      reads.valueLabel(h.dict[code]),
    );
  } else if (name.startsWith('coded:')) {
    const qid = name.slice('coded:'.length);
    const coded = ctx.coded?.get(qid);
    if (!coded) throw fail(`"${qid}" is not a coded open question of this survey`);
    axis = {
      variable: { name, kind: 'multiple', label: text(coded.text) },
      type: 'multi',
      answered: coded.answered,
      chosen: coded.chosen,
      categories: coded.codes.map((c) => ({ value: c.id, label: text(c.label) || Object.values(c.label)[0] || c.id })),
    };
  } else {
    axis = questionAxis(name, ctx, fail, text);
  }
  if (axis.categories.length > CROSSTAB_MAX_CATEGORIES) {
    throw fail(
      `"${name}" has ${axis.categories.length} categories; a cross-tab takes at most ${CROSSTAB_MAX_CATEGORIES}`,
    );
  }
  return axis;
}

function questionAxis(
  name: string,
  ctx: AxisContext,
  fail: (problem: string) => Error,
  text: (x: Text | undefined) => string,
): Axis {
  const [qid, itemId, scaleId] = name.split('.');
  const q = allQuestions(ctx.def).find((x) => x.id === qid);
  if (!q) throw fail(`the survey has no question "${qid}"`);
  if (q.type === 'date' || q.type === 'fields' || q.type === 'matrixScales')
    return moreTypeAxis(name, q, itemId, scaleId, ctx, fail, text);
  const scaleAxis = (
    variable: CrosstabVariable,
    column: Int16Array,
    min: number,
    max: number,
    ends: [Text | undefined, Text | undefined],
  ): Axis => ({
    variable,
    type: 'coded',
    scale: { min, max },
    categories: Array.from({ length: max - min + 1 }, (_, k) => {
      const point = min + k;
      const end = point === min ? text(ends[0]) : point === max ? text(ends[1]) : '';
      return { value: String(point), label: end ? `${point} · ${end}` : String(point) };
    }),
    categoryOf: (slot) => (column[slot] >= min && column[slot] <= max ? column[slot] - min : -1),
  });
  if (itemId !== undefined && q.type !== 'matrix')
    throw fail(`"${qid}" is not a matrix question, so it has no item "${itemId}"`);
  switch (q.type) {
    case 'single': {
      const column = ctx.cols.ints.get(q.id)!;
      const size = q.options.length;
      return {
        variable: { name, kind: 'single', label: text(q.text) },
        type: 'coded',
        scale: null,
        categories: q.options.map((o) => ({ value: o.id, label: text(o.label) })),
        categoryOf: (slot) => (column[slot] >= 0 && column[slot] < size ? column[slot] : -1),
      };
    }
    case 'multiple': {
      const m = ctx.cols.multi.get(q.id)!;
      return {
        variable: { name, kind: 'multiple', label: text(q.text) },
        type: 'multi',
        answered: m.answered,
        chosen: m.chosen,
        categories: q.options.map((o) => ({ value: o.id, label: text(o.label) })),
      };
    }
    case 'rating':
      return scaleAxis(
        { name, kind: 'rating', label: text(q.text) },
        ctx.cols.ints.get(q.id)!,
        q.scale.min,
        q.scale.max,
        [q.scale.minLabel, q.scale.maxLabel],
      );
    case 'nps':
      return scaleAxis({ name, kind: 'nps', label: text(q.text) }, ctx.cols.ints.get(q.id)!, 0, 10, [
        undefined,
        undefined,
      ]);
    case 'matrix': {
      if (itemId === undefined)
        throw fail(`"${qid}" is a matrix: name one of its items, e.g. ${qid}.${q.items[0]?.id ?? 'item'}`);
      const item = q.items.find((x) => x.id === itemId);
      if (!item) throw fail(`the matrix "${qid}" has no item "${itemId}"`);
      return scaleAxis(
        { name, kind: 'matrix-item', label: `${text(q.text)}: ${text(item.label)}` },
        ctx.cols.ints.get(itemKey(q.id, item.id))!,
        q.scale.min,
        q.scale.max,
        [q.scale.minLabel, q.scale.maxLabel],
      );
    }
    case 'yesno': {
      // Kept as answered (the columns' raw store): 0 for yes, 1 for no, by slot.
      const codes = new Int8Array(Math.max(ctx.cols.n, 1)).fill(-1);
      const r = ctx.cols.raw.get(q.id);
      r?.rows.forEach((slot, j) => {
        if (slot < codes.length) codes[slot] = r.values[j] === 'yes' ? 0 : r.values[j] === 'no' ? 1 : -1;
      });
      return {
        variable: { name, kind: 'single', label: text(q.text) },
        type: 'coded',
        scale: null,
        categories: [
          { value: 'yes', label: text(q.yesLabel) || ctx.t('report.yes') },
          { value: 'no', label: text(q.noLabel) || ctx.t('report.no') },
        ],
        categoryOf: (slot) => codes[slot] ?? -1,
      };
    }
    case 'text':
      throw fail(`"${qid}" is an open-text question: only closed questions cross-tabulate`);
    default:
      throw fail(
        `"${qid}" is a ${q.type} question: only single and multiple choice, yes/no, rating, NPS and matrix items cross-tabulate`,
      );
  }
}

/** A scale's points as categories, labelled at each point the scale words (else at its ends). */
function pointAxis(
  variable: CrosstabVariable,
  column: Int16Array,
  min: number,
  max: number,
  label: (point: number) => string,
): Axis {
  return {
    variable,
    type: 'coded',
    scale: { min, max },
    categories: Array.from({ length: max - min + 1 }, (_, k) => {
      const words = label(min + k);
      return { value: String(min + k), label: words ? `${min + k} · ${words}` : String(min + k) };
    }),
    categoryOf: (slot) => (column[slot] >= min && column[slot] <= max ? column[slot] - min : -1),
  };
}

/**
 * The new types: a date by `month` (the default), `quarter` or `year`; a number field by bins of
 * the selected answers, its row mean taken from the numbers themselves; one row's scale of a
 * matrix with several scales as a rated item (`question.item.scale`).
 */
function moreTypeAxis(
  name: string,
  q: Extract<Question, { type: 'date' | 'fields' | 'matrixScales' }>,
  itemId: string | undefined,
  scaleId: string | undefined,
  ctx: AxisContext,
  fail: (problem: string) => Error,
  text: (x: Text | undefined) => string,
): Axis {
  if (q.type === 'date') {
    const period = (itemId ?? 'month') as Period;
    if (!PERIODS.includes(period)) throw fail(`a date cross-tabulates as ${q.id}, ${q.id}.quarter or ${q.id}.year`);
    const { codes, dict } = datePeriods(ctx.cols, q.id, period);
    const order = [...seen(codes, ctx.sel)].sort((a, b) => a - b);
    return fromCodes({ name, kind: 'date', label: text(q.text) }, codes, dict, order, (k) => dict[k]);
  }
  if (q.type === 'fields') {
    const field = q.items.find((x) => x.id === itemId);
    if (q.input !== 'number') throw fail(`"${q.id}" holds text fields: only closed questions cross-tabulate`);
    if (!field) throw fail(`name one of the fields of "${q.id}", e.g. ${q.id}.${q.items[0].id}`);
    const xs = fieldNumbers(ctx.cols, q, field.id);
    const bins = numberBins(xs, ctx.sel.mask);
    return {
      variable: { name, kind: 'number-field', label: `${text(q.text)}: ${text(field.label)}` },
      type: 'coded',
      scale: null,
      categories: bins.map((b) => ({ value: b.value, label: b.lo === b.hi ? String(b.lo) : `${b.lo}–${b.hi}` })),
      categoryOf: (slot) => binOf(bins, xs[slot]),
      numberOf: (slot) => xs[slot],
    };
  }
  const item = q.items.find((x) => x.id === itemId);
  const scale = q.scales.find((x) => x.id === scaleId);
  if (!item || !scale)
    throw fail(`name a row and a scale of "${q.id}", e.g. ${q.id}.${q.items[0].id}.${q.scales[0].id}`);
  const { min, max } = scale.scale;
  return pointAxis(
    { name, kind: 'matrix-item', label: `${text(q.text)}: ${text(item.label)} · ${text(scale.label)}` },
    scaleItemColumn(ctx.cols, q, item.id, scale.id),
    min,
    max,
    (point) => (scale.pointLabels ? text(scale.pointLabels[point - min]) : ''),
  );
}
