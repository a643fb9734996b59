import type { Db } from '../db/client';
import { allQuestions, type Question, type SurveyDefinition } from '../../shared/survey/schema';

/** Codes in the small-integer columns: a scale point or option index is ≥ 0. */
export const MISSING = -1;
export const NOT_APPLICABLE = -2;

/** Strings coded as indexes into a dictionary that only grows, so codes never change meaning. */
export interface Coded { codes: Int32Array; dict: string[]; index: Map<string, number> }

export interface MultiColumn { answered: Uint8Array; chosen: Uint8Array[]; options: string[] }

/**
 * One survey's completed responses as columns of small integers, one slot per response, in the
 * order they were read (by completion time). Reports loop over these arrays and never parse JSON.
 * Typed arrays have spare capacity beyond `n`: read only the first `n` slots. Slots are in the
 * order rows were read, not by completion time: sort by `completedAt` where order matters.
 */
export interface Columns {
  n: number;
  versionId: number;
  id: Int32Array;
  completedAt: Float64Array;
  /** Sum of the page times in ms, NaN when the page times were not recorded. */
  duration: Float64Array;
  wave: Int32Array;
  cell: Coded;
  hidden: Map<string, Coded>;
  /** Rating, NPS, matrix item (key `question.item`) → scale point; single choice → option index. */
  ints: Map<string, Int16Array>;
  /** Single choice question id → its option ids, indexed by code. */
  options: Map<string, string[]>;
  multi: Map<string, MultiColumn>;
  numbers: Map<string, Float64Array>;
  /** Open answers are sparse: the slots that have one, and the texts. */
  texts: Map<string, { rows: number[]; texts: string[] }>;
  /**
   * Answers of the research types (SERVQUAL, price, competitor…) as stored, sparse like texts:
   * their sections decode them. Contact details are never read into a report.
   */
  raw: Map<string, { rows: number[]; values: unknown[] }>;
}

interface Cache { cols: Columns; loaded: boolean; watermark: number; recent: Map<number, number> }

const caches = new WeakMap<Db, Map<string, Cache>>();

/**
 * Responses committed out of completion order (two requests racing) land within this window
 * behind the watermark; re-reading it and skipping ids already seen keeps the cache exact.
 */
const OVERLAP_MS = 60_000;

/** The column key of one matrix item. */
export const itemKey = (q: string, item: string) => `${q}.${item}`;

function coded(capacity: number): Coded {
  return { codes: new Int32Array(capacity).fill(MISSING), dict: [], index: new Map() };
}

function code(c: Coded, value: string): number {
  let k = c.index.get(value);
  if (k === undefined) {
    k = c.dict.length;
    c.dict.push(value);
    c.index.set(value, k);
  }
  return k;
}

function emptyColumns(def: SurveyDefinition, versionId: number, capacity: number): Columns {
  const cols: Columns = {
    n: 0, versionId,
    id: new Int32Array(capacity), completedAt: new Float64Array(capacity), duration: new Float64Array(capacity),
    wave: new Int32Array(capacity), cell: coded(capacity), hidden: new Map(),
    ints: new Map(), options: new Map(), multi: new Map(), numbers: new Map(), texts: new Map(), raw: new Map(),
  };
  for (const h of def.hiddenFields) cols.hidden.set(h, coded(capacity));
  const ints = (key: string) => cols.ints.set(key, new Int16Array(capacity).fill(MISSING));
  for (const q of allQuestions(def)) {
    switch (q.type) {
      case 'rating': case 'nps': ints(q.id); break;
      case 'single': ints(q.id); cols.options.set(q.id, q.options.map((o) => o.id)); break;
      case 'matrix': for (const item of q.items) ints(itemKey(q.id, item.id)); break;
      case 'multiple': {
        const options = q.options.map((o) => o.id);
        cols.multi.set(q.id, { answered: new Uint8Array(capacity), chosen: options.map(() => new Uint8Array(capacity)), options });
        break;
      }
      case 'number': cols.numbers.set(q.id, new Float64Array(capacity).fill(NaN)); break;
      case 'text': cols.texts.set(q.id, { rows: [], texts: [] }); break;
      default: if ((q.type as string) !== 'contact') cols.raw.set(q.id, { rows: [], values: [] });
    }
  }
  return cols;
}

function grown<T extends Int16Array | Int32Array | Float64Array | Uint8Array>(a: T, capacity: number, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.fill(fill);
  b.set(a);
  return b;
}

function ensureCapacity(cols: Columns, needed: number) {
  if (needed <= cols.id.length) return;
  const cap = Math.max(needed, cols.id.length * 2, 1024);
  cols.id = grown(cols.id, cap, 0);
  cols.completedAt = grown(cols.completedAt, cap, 0);
  cols.duration = grown(cols.duration, cap, NaN);
  cols.wave = grown(cols.wave, cap, 0);
  cols.cell.codes = grown(cols.cell.codes, cap, MISSING);
  for (const h of cols.hidden.values()) h.codes = grown(h.codes, cap, MISSING);
  for (const [k, a] of cols.ints) cols.ints.set(k, grown(a, cap, MISSING));
  for (const [k, a] of cols.numbers) cols.numbers.set(k, grown(a, cap, NaN));
  for (const m of cols.multi.values()) {
    m.answered = grown(m.answered, cap, 0);
    m.chosen = m.chosen.map((c) => grown(c, cap, 0));
  }
}

function scalePoint(x: unknown): number {
  if (x === 'na') return NOT_APPLICABLE;
  return typeof x === 'number' && Number.isInteger(x) ? x : MISSING;
}

/** Writes one response's answers into slot `i`; answers that don't fit the latest version's question are left out. */
function put(cols: Columns, questions: readonly Question[], i: number, answers: Record<string, unknown>) {
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined) continue;
    switch (q.type) {
      case 'rating': case 'nps': cols.ints.get(q.id)![i] = scalePoint(a); break;
      case 'single': {
        // An "other" text is coded one past the options.
        const options = cols.options.get(q.id)!;
        cols.ints.get(q.id)![i] = typeof a === 'string' ? options.indexOf(a) : a && typeof a === 'object' ? options.length : MISSING;
        break;
      }
      case 'matrix':
        if (a && typeof a === 'object') {
          for (const item of q.items) cols.ints.get(itemKey(q.id, item.id))![i] = scalePoint((a as Record<string, unknown>)[item.id]);
        }
        break;
      case 'multiple': {
        if (!Array.isArray(a)) break;
        const m = cols.multi.get(q.id)!;
        m.answered[i] = 1;
        for (const id of a) {
          const k = m.options.indexOf(id as string);
          if (k >= 0) m.chosen[k][i] = 1;
        }
        break;
      }
      case 'number': if (typeof a === 'number') cols.numbers.get(q.id)![i] = a; break;
      case 'text':
        if (typeof a === 'string') {
          const t = cols.texts.get(q.id)!;
          t.rows.push(i);
          t.texts.push(a);
        }
        break;
      default: {
        const r = cols.raw.get(q.id);
        if (r) {
          r.rows.push(i);
          r.values.push(a);
        }
      }
    }
  }
}

function pageTotal(json: string | null): number {
  if (!json) return NaN;
  let total = 0;
  for (const ms of Object.values(JSON.parse(json) as Record<string, unknown>)) if (typeof ms === 'number') total += ms;
  return total;
}

interface RawRow {
  id: number; completedAt: number; answers: string; hidden: string | null; pageTimes: string | null; wave: number; quotaCell: string | null;
}

const COLUMNS = 'id, completed_at as completedAt, answers, hidden, page_times as pageTimes, wave, quota_cell as quotaCell';
const COUNTED = "survey_id = ? and status = 'complete' and is_test = 0";

/**
 * The rows to append, streamed. The first read scans the table in storage order: walking the
 * completion-time index would fetch a million rows in random order, page by page, ten times
 * slower. Later reads take the few rows past the watermark from the index.
 */
function freshRows(db: Db, surveyId: string, watermark: number | null): IterableIterator<RawRow> {
  const sql = watermark === null
    ? `select ${COLUMNS} from responses not indexed where ${COUNTED}`
    : `select ${COLUMNS} from responses where ${COUNTED} and completed_at >= ?`;
  const stmt = db.$client.prepare(sql);
  return (watermark === null ? stmt.iterate(surveyId) : stmt.iterate(surveyId, watermark - OVERLAP_MS)) as IterableIterator<RawRow>;
}

/**
 * Completed, non-test responses of a survey as columns, laid out by the newest published version
 * (`def`, `versionId`) and answers lined up by question id across versions. Built once per survey
 * and process, then each call reads only rows completed since the last (on the
 * survey/status/completed_at index) and appends them; a new published version rebuilds it.
 */
export function surveyColumns(db: Db, surveyId: string, def: SurveyDefinition, versionId: number): Columns {
  let bySurvey = caches.get(db);
  if (!bySurvey) caches.set(db, (bySurvey = new Map()));
  let cache = bySurvey.get(surveyId);
  if (!cache || cache.cols.versionId !== versionId) {
    cache = { cols: emptyColumns(def, versionId, 0), loaded: false, watermark: 0, recent: new Map() };
    bySurvey.set(surveyId, cache);
  }
  const cols = cache.cols;
  const questions = allQuestions(def);
  const cold = !cache.loaded;
  for (const r of freshRows(db, surveyId, cold ? null : cache.watermark)) {
    if (!cold) {
      if (cache.recent.has(r.id)) continue;
      cache.recent.set(r.id, r.completedAt);
    }
    if (cols.n === cols.id.length) ensureCapacity(cols, cols.n + 1);
    const i = cols.n++;
    cols.id[i] = r.id;
    cols.completedAt[i] = r.completedAt;
    cols.duration[i] = pageTotal(r.pageTimes);
    cols.wave[i] = r.wave;
    if (r.quotaCell !== null) cols.cell.codes[i] = code(cols.cell, r.quotaCell);
    if (r.hidden) {
      for (const [name, value] of Object.entries(JSON.parse(r.hidden) as Record<string, unknown>)) {
        const h = cols.hidden.get(name);
        if (h && typeof value === 'string') h.codes[i] = code(h, value);
      }
    }
    put(cols, questions, i, JSON.parse(r.answers));
    if (r.completedAt > cache.watermark) cache.watermark = r.completedAt;
  }
  cache.loaded = true;
  const since = cache.watermark - OVERLAP_MS;
  if (cold) for (let i = 0; i < cols.n; i++) if (cols.completedAt[i] >= since) cache.recent.set(cols.id[i], cols.completedAt[i]);
  for (const [id, at] of cache.recent) if (at < since) cache.recent.delete(id);
  return cols;
}

/** Forget a survey's cached columns (after responses are deleted). */
export function invalidate(db: Db, surveyId: string) {
  caches.get(db)?.delete(surveyId);
}

export function partialCount(db: Db, surveyId: string): number {
  return (db.$client.prepare(`select count(*) as n from responses where survey_id = ? and status = 'partial' and is_test = 0`)
    .get(surveyId) as { n: number }).n;
}
