import type { Db } from '../db/client';
import { dropSnapshot, readSnapshot, writeSnapshot } from './snapshot';
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

interface Cache {
  cols: Columns; loaded: boolean; watermark: number; recent: Map<number, number>;
  /** Responses in the snapshot on disk, and whether writing a newer one is already queued. */
  saved: number; saving: boolean;
}

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

export function code(c: Coded, value: string): number {
  let k = c.index.get(value);
  if (k === undefined) {
    k = c.dict.length;
    c.dict.push(value);
    c.index.set(value, k);
  }
  return k;
}

export function emptyColumns(def: SurveyDefinition, versionId: number, capacity: number): Columns {
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

export function ensureCapacity(cols: Columns, needed: number) {
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

type Writer = (i: number, a: unknown) => void;

/**
 * One writer per question, holding its own columns, so filling a million slots does no map
 * look-ups or key building per answer. Built again after the columns grow (new arrays).
 * Answers that don't fit the latest version's question are left out.
 */
function writers(cols: Columns, questions: readonly Question[]): [string, Writer][] {
  return questions.flatMap((q): [string, Writer][] => {
    switch (q.type) {
      case 'rating': case 'nps': {
        const col = cols.ints.get(q.id)!;
        return [[q.id, (i, a) => { col[i] = scalePoint(a); }]];
      }
      case 'single': {
        // An "other" text is coded one past the options.
        const options = cols.options.get(q.id)!;
        const col = cols.ints.get(q.id)!;
        return [[q.id, (i, a) => { col[i] = typeof a === 'string' ? options.indexOf(a) : a && typeof a === 'object' ? options.length : MISSING; }]];
      }
      case 'matrix': {
        const items = q.items.map((item) => [item.id, cols.ints.get(itemKey(q.id, item.id))!] as const);
        return [[q.id, (i, a) => {
          if (!a || typeof a !== 'object') return;
          for (const [id, col] of items) col[i] = scalePoint((a as Record<string, unknown>)[id]);
        }]];
      }
      case 'multiple': {
        const m = cols.multi.get(q.id)!;
        return [[q.id, (i, a) => {
          if (!Array.isArray(a)) return;
          m.answered[i] = 1;
          for (const id of a) {
            const k = m.options.indexOf(id as string);
            if (k >= 0) m.chosen[k][i] = 1;
          }
        }]];
      }
      case 'number': {
        const col = cols.numbers.get(q.id)!;
        return [[q.id, (i, a) => { if (typeof a === 'number') col[i] = a; }]];
      }
      case 'text': {
        const t = cols.texts.get(q.id)!;
        return [[q.id, (i, a) => {
          if (typeof a !== 'string') return;
          t.rows.push(i);
          t.texts.push(a);
        }]];
      }
      default: {
        const r = cols.raw.get(q.id);
        return r ? [[q.id, (i, a) => { r.rows.push(i); r.values.push(a); }]] : [];
      }
    }
  });
}

function pageTotal(json: string | null): number {
  if (!json) return NaN;
  let total = 0;
  for (const ms of Object.values(JSON.parse(json) as Record<string, unknown>)) if (typeof ms === 'number') total += ms;
  return total;
}

/** id, completed_at, answers, hidden, page_times, wave, quota_cell: read as arrays, a third faster than objects. */
export type RawRow = [number, number, string, string | null, string | null, number, string | null];

export const COLUMNS = 'id, completed_at, answers, hidden, page_times, wave, quota_cell';
export const COUNTED = "survey_id = ? and status = 'complete' and is_test = 0";

/**
 * The rows to append, streamed. The first read scans the table in storage order: walking the
 * completion-time index would fetch a million rows in random order, page by page, ten times
 * slower. Later reads take the few rows past the watermark from the index.
 */
function freshRows(db: Db, surveyId: string, watermark: number | null): IterableIterator<RawRow> {
  const sql = watermark === null
    ? `select ${COLUMNS} from responses not indexed where ${COUNTED}`
    : `select ${COLUMNS} from responses where ${COUNTED} and completed_at >= ?`;
  const stmt = db.$client.prepare(sql).raw();
  return (watermark === null ? stmt.iterate(surveyId) : stmt.iterate(surveyId, watermark - OVERLAP_MS)) as IterableIterator<RawRow>;
}

/**
 * Appends rows to the columns, growing them as needed; `keep` may skip a row already in.
 * Returns the latest completion time seen (0 for none).
 */
export function appendRows(cols: Columns, def: SurveyDefinition, rows: Iterable<RawRow>, keep?: (id: number, completedAt: number) => boolean): number {
  const questions = allQuestions(def);
  let write = writers(cols, questions);
  let latest = 0;
  for (const [id, completedAt, answers, hidden, pageTimes, wave, quotaCell] of rows) {
    if (keep && !keep(id, completedAt)) continue;
    if (cols.n === cols.id.length) {
      ensureCapacity(cols, cols.n + 1);
      write = writers(cols, questions);
    }
    const i = cols.n++;
    cols.id[i] = id;
    cols.completedAt[i] = completedAt;
    cols.duration[i] = pageTotal(pageTimes);
    cols.wave[i] = wave;
    if (quotaCell !== null) cols.cell.codes[i] = code(cols.cell, quotaCell);
    if (hidden) {
      for (const [name, value] of Object.entries(JSON.parse(hidden) as Record<string, unknown>)) {
        const h = cols.hidden.get(name);
        if (h && typeof value === 'string') h.codes[i] = code(h, value);
      }
    }
    const a = JSON.parse(answers) as Record<string, unknown>;
    for (const [qid, w] of write) {
      const x = a[qid];
      if (x !== undefined) w(i, x);
    }
    if (completedAt > latest) latest = completedAt;
  }
  return latest;
}

/**
 * Completed, non-test responses of a survey as columns, laid out by the newest published version
 * (`def`, `versionId`) and answers lined up by question id across versions. Built once per survey
 * and process, then each call reads only rows completed since the last (on the
 * survey/status/completed_at index) and appends them; a new published version rebuilds it.
 */
export function surveyColumns(db: Db, surveyId: string, def: SurveyDefinition, versionId: number): Columns {
  const bySurvey = bySurveyOf(db);
  let cache = bySurvey.get(surveyId);
  if (!cache || cache.cols.versionId !== versionId) {
    cache = restored(db, surveyId, versionId) ?? { cols: emptyColumns(def, versionId, 0), loaded: false, watermark: 0, recent: new Map(), saved: 0, saving: false };
    bySurvey.set(surveyId, cache);
  }
  const cols = cache.cols;
  const cold = !cache.loaded;
  // Sized once up front on the first read, so a million rows don't regrow every column twenty times.
  if (cold) ensureCapacity(cols, indexCount(db, surveyId, Number.MAX_SAFE_INTEGER) + 16);
  const recent = cache.recent;
  const latest = appendRows(cols, def, freshRows(db, surveyId, cold ? null : cache.watermark), cold ? undefined : (id, completedAt) => {
    if (recent.has(id)) return false;
    recent.set(id, completedAt);
    return true;
  });
  if (latest > cache.watermark) cache.watermark = latest;
  cache.loaded = true;
  const since = cache.watermark - OVERLAP_MS;
  if (cold) rememberRecent(cache);
  for (const [id, at] of cache.recent) if (at < since) cache.recent.delete(id);
  if (cols.n - cache.saved >= Math.max(SNAPSHOT_MIN_GROWTH, cache.saved / 10)) queueSnapshot(db, surveyId, cache);
  return cols;
}

/** Rows fewer than this, or under a tenth of the snapshot, aren't worth writing a new snapshot for. */
const SNAPSHOT_MIN_GROWTH = 1000;

function rememberRecent(cache: Cache) {
  const since = cache.watermark - OVERLAP_MS;
  const { cols } = cache;
  for (let i = 0; i < cols.n; i++) if (cols.completedAt[i] >= since) cache.recent.set(cols.id[i], cols.completedAt[i]);
}

/**
 * Completed responses (test ones too) up to `watermark`, counted on the index alone: the check
 * that a snapshot still agrees with the table costs milliseconds, where filtering out test
 * responses would read every row.
 */
export function indexCount(db: Db, surveyId: string, watermark: number): number {
  return db.$client.prepare(`select count(*) from responses where survey_id = ? and status = 'complete' and completed_at <= ?`).pluck().get(surveyId, watermark) as number;
}

/**
 * The columns from the snapshot on disk, if it is of this version and the table still holds as
 * many completed responses up to its watermark as when it was written (deleted or restored data
 * fails this, and the columns are built afresh).
 */
function restored(db: Db, surveyId: string, versionId: number): Cache | null {
  const s = readSnapshot<Columns>(db, surveyId, versionId);
  if (!s || s.cols.n !== s.n || indexCount(db, surveyId, s.watermark) !== s.tableCount) return null;
  const cache: Cache = { cols: s.cols, loaded: true, watermark: s.watermark, recent: new Map(), saved: s.n, saving: false };
  rememberRecent(cache);
  return cache;
}

/** Whether the survey's columns are in memory or can be restored from disk: no slow build ahead. */
export function columnsReady(db: Db, surveyId: string, versionId: number): boolean {
  const cache = caches.get(db)?.get(surveyId);
  if (cache?.loaded && cache.cols.versionId === versionId) return true;
  const restoredCache = restored(db, surveyId, versionId);
  if (!restoredCache) return false;
  bySurveyOf(db).set(surveyId, restoredCache);
  return true;
}

/** Takes columns built elsewhere (by the parallel build) as the survey's cache, up to `watermark`. */
export function adoptColumns(db: Db, surveyId: string, cols: Columns, watermark: number) {
  const cache: Cache = { cols, loaded: true, watermark, recent: new Map(), saved: 0, saving: false };
  rememberRecent(cache);
  bySurveyOf(db).set(surveyId, cache);
  queueSnapshot(db, surveyId, cache);
}

function bySurveyOf(db: Db) {
  let bySurvey = caches.get(db);
  if (!bySurvey) caches.set(db, (bySurvey = new Map()));
  return bySurvey;
}

/** Written after the current request's answer has gone out, from the columns as they are then. */
function queueSnapshot(db: Db, surveyId: string, cache: Cache) {
  if (cache.saving) return;
  cache.saving = true;
  setImmediate(() => {
    cache.saving = false;
    if (!db.$client.open || caches.get(db)?.get(surveyId) !== cache) return;
    const { cols, watermark } = cache;
    const tableCount = indexCount(db, surveyId, watermark);
    if (writeSnapshot(db, { surveyId, versionId: cols.versionId, watermark, n: cols.n, tableCount, cols })) cache.saved = cols.n;
  });
}

/** Forget a survey's cached columns (after responses are deleted). */
export function invalidate(db: Db, surveyId: string) {
  caches.get(db)?.delete(surveyId);
  dropSnapshot(db, surveyId);
}

export function partialCount(db: Db, surveyId: string): number {
  return (db.$client.prepare(`select count(*) as n from responses where survey_id = ? and status = 'partial' and is_test = 0`)
    .get(surveyId) as { n: number }).n;
}
