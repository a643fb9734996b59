/**
 * The new question types (shared/survey/more-types.ts) as per-response variables, for filters,
 * cross-tabs and the sections: a matrix with several scales gives one rated item per row and
 * scale; a date a period (year, quarter or month); a number field its number, and bins of it.
 * They are read from the answers the report keeps as given (the columns' raw store).
 */
import type { Question } from '../../shared/survey/schema';
import { MISSING, type Columns } from './columns';

type Scales = Extract<Question, { type: 'matrixScales' }>;
type Fields = Extract<Question, { type: 'fields' }>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Built variables per columns object, rebuilt when responses were added since (`n` moved). */
const built = new WeakMap<Columns, { n: number; variables: Map<string, unknown> }>();

/** `make()`'s result for this key, made once per columns object and size. */
function memo<T>(cols: Columns, key: string, make: () => T): T {
  let m = built.get(cols);
  if (!m || m.n !== cols.n) built.set(cols, (m = { n: cols.n, variables: new Map() }));
  if (!m.variables.has(key)) m.variables.set(key, make());
  return m.variables.get(key) as T;
}

/** The stored answers of one question, by slot. */
function eachAnswer(cols: Columns, id: string, f: (slot: number, value: unknown) => void) {
  const r = cols.raw.get(id);
  if (!r) return;
  for (let j = 0; j < r.rows.length; j++) if (r.rows[j] < cols.n) f(r.rows[j], r.values[j]);
}

/** The key of one row × scale of a matrix with several scales: `question.item.scale`. */
export const scaleItemKey = (q: string, item: string, scale: string) => `${q}.${item}.${scale}`;

/**
 * One row's points on one scale of a matrix with several scales, as a matrix item's column: an
 * int16 per slot, MISSING where unanswered.
 */
export function scaleItemColumn(cols: Columns, q: Scales, itemId: string, scaleId: string): Int16Array {
  return memo(cols, `scale:${scaleItemKey(q.id, itemId, scaleId)}`, () => {
    const c = new Int16Array(Math.max(cols.n, 1)).fill(MISSING);
    eachAnswer(cols, q.id, (slot, value) => {
      const row = isRecord(value) ? value[itemId] : undefined;
      const x = isRecord(row) ? row[scaleId] : undefined;
      if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 32768) c[slot] = x;
    });
    return c;
  });
}

export const PERIODS = ['year', 'quarter', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** A YYYY-MM-DD date's period as written in filters and cross-tabs: `2026`, `2026-Q2`, `2026-05`. */
export function periodOf(date: string, period: Period): string {
  if (period === 'year') return date.slice(0, 4);
  if (period === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Each slot's period of a date question, as codes into `dict` (sorted, so in time order); MISSING where none. */
export function datePeriods(cols: Columns, id: string, period: Period): { codes: Int32Array; dict: string[] } {
  return memo(cols, `date:${id}:${period}`, () => readPeriods(cols, id, period));
}

function readPeriods(cols: Columns, id: string, period: Period): { codes: Int32Array; dict: string[] } {
  const values = new Int32Array(Math.max(cols.n, 1)).fill(MISSING);
  const index = new Map<string, number>();
  const raw: string[] = [];
  eachAnswer(cols, id, (slot, value) => {
    if (typeof value !== 'string') return;
    const p = periodOf(value, period);
    let k = index.get(p);
    if (k === undefined) {
      index.set(p, (k = raw.length));
      raw.push(p);
    }
    values[slot] = k;
  });
  const dict = [...raw].sort();
  const rank = raw.map((p) => dict.indexOf(p));
  for (let i = 0; i < values.length; i++) if (values[i] >= 0) values[i] = rank[values[i]];
  return { codes: values, dict };
}

/** One number field's answers, NaN where none. */
export function fieldNumbers(cols: Columns, q: Fields, fieldId: string): Float64Array {
  return memo(cols, `field:${q.id}.${fieldId}`, () => {
    const xs = new Float64Array(Math.max(cols.n, 1)).fill(Number.NaN);
    eachAnswer(cols, q.id, (slot, value) => {
      const x = isRecord(value) ? value[fieldId] : undefined;
      if (typeof x === 'number' && Number.isFinite(x)) xs[slot] = x;
    });
    return xs;
  });
}

/** A bin of numbers, both ends included; `value` as filters and cross-tabs write it (`10..19`). */
export interface Bin {
  lo: number;
  hi: number;
  value: string;
}

const BINS = 5;

/**
 * Bins of the selected answers: one per value when they are at most a dozen whole numbers (1, 2, 3
 * children), else five of equal width with round ends, from the lowest answer to the highest.
 */
export function numberBins(xs: Float64Array, mask: Uint8Array): Bin[] {
  const seen = new Set<number>();
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (let i = 0; i < mask.length && i < xs.length; i++) {
    const x = xs[i];
    if (!mask[i] || Number.isNaN(x)) continue;
    if (seen.size <= 12) seen.add(x);
    whole &&= Number.isInteger(x);
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (seen.size === 0) return [];
  if (lo === hi) return [{ lo, hi, value: String(lo) }];
  if (whole && seen.size <= 12) return [...seen].sort((a, b) => a - b).map((x) => ({ lo: x, hi: x, value: String(x) }));
  // A round width: 1, 2 or 5 times a power of ten, so the edges read well (0..49, 50..99).
  const raw = (hi - lo) / BINS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const width = [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw) ?? raw;
  const start = Math.floor(lo / width) * width;
  const bins: Bin[] = [];
  for (let a = start; a <= hi; a += width) {
    const top = whole ? a + width - 1 : a + width;
    bins.push({ lo: a, hi: top, value: `${round(a)}..${round(top)}` });
  }
  return bins;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** The bin a number falls in: the first whose range holds it (decimal bins share an edge: it goes up). */
export function binOf(bins: readonly Bin[], x: number): number {
  if (Number.isNaN(x)) return -1;
  for (let k = bins.length - 1; k >= 0; k--) if (x >= bins[k].lo && x <= bins[k].hi) return k;
  return -1;
}

/** A range as filters write it (`10..19`, `..5`, `20..`, or one number), or null if it is none. */
export function parseRange(s: string): { lo: number; hi: number } | null {
  const m = /^(-?\d+(?:\.\d+)?)?(\.\.)?(-?\d+(?:\.\d+)?)?$/.exec(s);
  if (!m || (!m[1] && !m[3])) return null;
  if (!m[2]) return m[3] === undefined ? { lo: Number(m[1]), hi: Number(m[1]) } : null;
  return { lo: m[1] ? Number(m[1]) : -Infinity, hi: m[3] ? Number(m[3]) : Infinity };
}
