/** Which responses a report counts, as a byte mask over the columns, and their weights. */
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import type { ReportFilter } from '../../shared/api/report-query';
import { CELL_SEPARATOR, type Quotas } from '../../shared/plan';
import { kishDeff, postStratify, rake } from '../../shared/stats';
import { badRequest } from '../http/errors';
import { itemKey, type Columns } from './columns';
import type { CodedQuestion } from '../coding/variables';
import {
  datePeriods,
  fieldNumbers,
  parseRange,
  PERIODS,
  periodOf,
  scaleItemColumn,
  type Period,
} from './more-type-columns';

export interface Selection {
  /** 1 for a counted response, per slot. */
  mask: Uint8Array;
  n: number;
  /** Per slot, mean 1 over the selected; null when unweighted. */
  weights: Float64Array | null;
  /** n ÷ Kish's design effect; n when unweighted. */
  effectiveN: number;
  designEffect: number;
}

/** Clears, in `mask`, the responses whose column value is not one of `codes`. */
const keepCodes = (column: Int16Array | Int32Array, codes: Set<number>) => (mask: Uint8Array) => {
  for (let i = 0; i < mask.length; i++) if (mask[i] && !codes.has(column[i])) mask[i] = 0;
};

/** The coded open questions a filter names (server/coding/variables.ts), by question id. */
export type CodedFilters = ReadonlyMap<string, CodedFilter>;
type CodedFilter = Pick<CodedQuestion, 'codes' | 'answered' | 'chosen'>;

/**
 * A coded open question's condition: the answers with any of the codes (a net: any of its codes),
 * or, written `!code`, the answers without it; an unanswered question has neither, so "mentions X"
 * and "does not mention X" split those who answered into two groups no respondent is in twice.
 */
function codedCondition(q: CodedFilter, values: string[], path: string) {
  const index = new Map(q.codes.map((c, k) => [c.id, k]));
  const bad = values.find((x) => !index.has(x.replace(/^!/, '')));
  if (bad !== undefined)
    throw badRequest(`${path}: "${bad.replace(/^!/, '')}" is not a code of its codeframe`, path, undefined, 'choice');
  const wanted = values.map((x) => ({ flag: q.chosen[index.get(x.replace(/^!/, ''))!], without: x.startsWith('!') }));
  return (mask: Uint8Array) => {
    for (let i = 0; i < mask.length; i++)
      if (mask[i] && !(q.answered[i] && wanted.some((w) => (w.flag[i] === 1) !== w.without))) mask[i] = 0;
  };
}

/**
 * One filter condition as a function narrowing the mask: a coded open question's codes, a hidden
 * field's values, a single choice's options, a rating's or NPS's points (also a matrix item's, as
 * `question.item`), a multiple choice's options (any of them chosen), a yes/no answer, a date's periods
 * (`visit:2026-05`, `visit.quarter:2026-Q2`, `visit.year:2026`), a number field's ranges
 * (`spend.food:10..19,50..`), or a point of one row's scale in a matrix with several scales
 * (`rate.room.importance:4,5`).
 */
function condition(
  cols: Columns,
  def: SurveyDefinition,
  name: string,
  values: string[],
  coded: CodedFilters | undefined,
): (mask: Uint8Array) => void {
  const path = `filter.${name}`;
  const hidden = cols.hidden.get(name);
  if (hidden)
    return keepCodes(
      hidden.codes,
      new Set(values.map((x) => hidden.index.get(x)).filter((k): k is number => k !== undefined)),
    );
  const [qid, itemId, scaleId] = name.split('.');
  const q = allQuestions(def).find((x) => x.id === qid);
  if (!q) throw badRequest(`${path}: no closed question or hidden field "${name}"`, path);
  if (q.type === 'text' && itemId === undefined) {
    const c = coded?.get(q.id);
    if (!c) throw badRequest(`${path}: "${qid}" is an open question with no codes yet: code its answers first`, path);
    return codedCondition(c, values, path);
  }
  const points = (min: number, max: number, column: Int16Array) => {
    const bad = values.find((x) => !/^\d+$/.test(x) || Number(x) < min || Number(x) > max);
    if (bad !== undefined) throw badRequest(`${path}: "${bad}" is not a point from ${min} to ${max}`, path);
    return keepCodes(column, new Set(values.map(Number)));
  };
  const options = (known: readonly string[]) => {
    const bad = values.find((x) => !known.includes(x));
    if (bad !== undefined) throw badRequest(`${path}: "${bad}" is not one of its options`, path);
    return values.map((x) => known.indexOf(x));
  };
  if (q.type === 'date') {
    const period: Period = (itemId as Period | undefined) ?? 'month';
    if (!PERIODS.includes(period))
      throw badRequest(`${path}: a date filters by ${qid}, ${qid}.quarter or ${qid}.year`, path);
    const form = { year: /^\d{4}$/, quarter: /^\d{4}-Q[1-4]$/, month: /^\d{4}-(0[1-9]|1[0-2])$/ }[period];
    const bad = values.find((x) => !form.test(x));
    if (bad !== undefined)
      throw badRequest(`${path}: "${bad}" is not a ${period} written as ${periodOf('2026-05-01', period)}`, path);
    const { codes, dict } = datePeriods(cols, q.id, period);
    return keepCodes(codes, new Set(values.map((x) => dict.indexOf(x)).filter((k) => k >= 0)));
  }
  if (q.type === 'fields') {
    const field = q.items.find((x) => x.id === itemId);
    if (q.input !== 'number')
      throw badRequest(`${path}: "${qid}" holds text fields: only closed questions filter a report`, path);
    if (!field)
      throw badRequest(`${path}: name one of the number fields of "${qid}", e.g. ${qid}.${q.items[0].id}`, path);
    const ranges = values.map(parseRange);
    const bad = values.find((_, k) => !ranges[k]);
    if (bad !== undefined) throw badRequest(`${path}: "${bad}" is not a number or a range such as 10..19`, path);
    const xs = fieldNumbers(cols, q, field.id);
    return (mask) => {
      for (let i = 0; i < mask.length; i++)
        if (mask[i] && !ranges.some((r) => xs[i] >= r!.lo && xs[i] <= r!.hi)) mask[i] = 0;
    };
  }
  if (q.type === 'matrixScales') {
    const item = q.items.find((x) => x.id === itemId);
    const scale = q.scales.find((x) => x.id === scaleId);
    if (!item || !scale)
      throw badRequest(
        `${path}: name a row and a scale of "${qid}", e.g. ${qid}.${q.items[0].id}.${q.scales[0].id}`,
        path,
      );
    return points(scale.scale.min, scale.scale.max, scaleItemColumn(cols, q, item.id, scale.id));
  }
  if (itemId !== undefined) {
    const item = q.type === 'matrix' ? q.items.find((x) => x.id === itemId) : undefined;
    if (q.type !== 'matrix' || !item) throw badRequest(`${path}: "${qid}" has no matrix item "${itemId}"`, path);
    return points(q.scale.min, q.scale.max, cols.ints.get(itemKey(q.id, item.id))!);
  }
  if (q.type === 'single') return keepCodes(cols.ints.get(q.id)!, new Set(options(cols.options.get(q.id)!)));
  if (q.type === 'rating') return points(q.scale.min, q.scale.max, cols.ints.get(q.id)!);
  if (q.type === 'nps') return points(0, 10, cols.ints.get(q.id)!);
  if (q.type === 'multiple') {
    const m = cols.multi.get(q.id)!;
    const chosen = options(m.options).map((k) => m.chosen[k]);
    return (mask) => {
      for (let i = 0; i < mask.length; i++) if (mask[i] && !chosen.some((c) => c[i])) mask[i] = 0;
    };
  }
  if (q.type === 'yesno') {
    // Kept as answered (the columns' raw store): the slots whose answer is one of the values.
    options(['yes', 'no']);
    const keep = new Uint8Array(cols.n);
    const r = cols.raw.get(q.id);
    r?.rows.forEach((slot, j) => {
      if (slot < keep.length && values.includes(r.values[j] as string)) keep[slot] = 1;
    });
    return (mask) => {
      for (let i = 0; i < mask.length; i++) if (mask[i] && !keep[i]) mask[i] = 0;
    };
  }
  throw badRequest(
    `${path}: only choice, yes/no, rating, NPS and date questions, matrix items, number fields and hidden fields filter a report`,
    path,
  );
}

/**
 * The responses matching every condition of the filter, minus `drop` (flagged ones when excluded);
 * `coded` holds the coded open questions the filter names.
 */
export function select(
  cols: Columns,
  def: SurveyDefinition,
  filter: ReportFilter | undefined,
  drop: Uint8Array | null,
  coded?: CodedFilters,
): Selection {
  const n = cols.n;
  const mask = new Uint8Array(n).fill(1);
  if (drop) for (let i = 0; i < n; i++) if (drop[i]) mask[i] = 0;
  if (filter) {
    for (const c of filter.conditions) condition(cols, def, c.name, c.values, coded)(mask);
    if (filter.waves) {
      const waves = new Set(filter.waves);
      for (let i = 0; i < n; i++) if (mask[i] && !waves.has(cols.wave[i])) mask[i] = 0;
    }
    if (filter.cells) {
      const codes = new Set(
        filter.cells.map((k) => cols.cell.index.get(k)).filter((k): k is number => k !== undefined),
      );
      for (let i = 0; i < n; i++) if (mask[i] && !codes.has(cols.cell.codes[i])) mask[i] = 0;
    }
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    if (filter.from !== null || filter.to !== null) {
      for (let i = 0; i < n; i++) if (mask[i] && (cols.completedAt[i] < from || cols.completedAt[i] >= to)) mask[i] = 0;
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += mask[i];
  return { mask, n: count, weights: null, effectiveN: count, designEffect: 1 };
}

/**
 * Post-stratifies the selected responses to the population share of their quota cell. Cells with
 * no selected respondent drop out of the targets (the rest rescale to 1), and responses outside
 * every cell keep weight 1, so a filtered segment still weights.
 */
export function weightByCells(
  cols: Columns,
  sel: Selection,
  shares: ReadonlyMap<string, number>,
): { selection: Selection; unmatched: number } {
  const slots: number[] = [];
  const cells: string[] = [];
  let unmatched = 0;
  for (let i = 0; i < cols.n; i++) {
    if (!sel.mask[i]) continue;
    const code = cols.cell.codes[i];
    const key = code >= 0 ? cols.cell.dict[code] : undefined;
    if (key !== undefined && (shares.get(key) ?? 0) > 0) {
      slots.push(i);
      cells.push(key);
    } else unmatched++;
  }
  if (cells.length === 0) return { selection: sel, unmatched };
  // A filtered selection (one tier, say) holds some cells only: their shares, rescaled to sum to 1,
  // as raking does below; unscaled they would sum to under 1 and the weighting would refuse them.
  const present = new Set(cells);
  const kept = [...shares].filter(([k]) => present.has(k));
  const sum = kept.reduce((a, [, x]) => a + x, 0);
  const targets = Object.fromEntries(kept.map(([k, x]) => [k, x / sum]));
  return { selection: weighted(cols, sel, slots, postStratify(cells, targets)), unmatched };
}

/** The selection with `w` on `slots` and 1 on every other selected response, and Kish's deff. */
function weighted(cols: Columns, sel: Selection, slots: readonly number[], w: readonly number[]): Selection {
  const weights = new Float64Array(cols.n);
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) weights[i] = 1;
  slots.forEach((slot, j) => {
    weights[slot] = w[j];
  });
  const selected: number[] = [];
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) selected.push(weights[i]);
  const designEffect = kishDeff(selected);
  return { ...sel, weights, designEffect, effectiveN: sel.n / designEffect };
}

/**
 * Rakes the selected responses to the population share of each category of each quota variable
 * (the plan's marginals), not of each cell: what a plan whose joint distribution is unknown can
 * weight to, and steadier than cells when some cells are thin. As with cells, categories with no
 * selected respondent drop out of the targets, and responses outside the quota design (no cell,
 * or a category of zero share) keep weight 1.
 */
export function weightByRaking(
  cols: Columns,
  sel: Selection,
  quotas: Pick<Quotas, 'variables'>,
): { selection: Selection; unmatched: number } {
  const shares = quotas.variables.map((v) => {
    const total = v.categories.reduce((a, c) => a + c.population, 0);
    return new Map(v.categories.map((c) => [c.value, total > 0 ? c.population / total : 0]));
  });
  // Decoded once per cell code, not per response.
  const byCode = cols.cell.dict.map((key) => {
    const values = key.split(CELL_SEPARATOR);
    return values.length === shares.length && values.every((x, k) => (shares[k].get(x) ?? 0) > 0) ? values : null;
  });
  const slots: number[] = [];
  const rows: Record<string, string>[] = [];
  const present = shares.map(() => new Set<string>());
  let unmatched = 0;
  for (let i = 0; i < cols.n; i++) {
    if (!sel.mask[i]) continue;
    const code = cols.cell.codes[i];
    const values = code >= 0 ? byCode[code] : null;
    if (!values) {
      unmatched++;
      continue;
    }
    slots.push(i);
    rows.push(Object.fromEntries(values.map((x, k) => [k, x])));
    values.forEach((x, k) => {
      present[k].add(x);
    });
  }
  if (rows.length === 0) return { selection: sel, unmatched };
  const targets = Object.fromEntries(
    shares.map((m, k) => {
      const kept = [...m].filter(([x]) => present[k].has(x));
      const sum = kept.reduce((a, [, s]) => a + s, 0);
      return [k, Object.fromEntries(kept.map(([x, s]) => [x, s / sum]))];
    }),
  );
  return { selection: weighted(cols, sel, slots, rake(rows, targets).weights), unmatched };
}
