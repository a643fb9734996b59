/**
 * A survey's completed responses as columns of small integers, one slot per response, and the
 * code that fills them from stored rows. The cache around them is dataset.ts.
 */
import { allQuestions, type Question, type SurveyDefinition } from '../../shared/survey/schema';

/** Codes in the small-integer columns: a scale point or option index is ≥ 0. */
export const MISSING = -1;
export const NOT_APPLICABLE = -2;

/** Strings coded as indexes into a dictionary that only grows, so codes never change meaning. */
export interface Coded { codes: Int32Array; dict: string[]; index: Map<string, number> }

export interface MultiColumn { answered: Uint8Array; chosen: Uint8Array[]; options: string[] }

/**
 * One survey's completed responses as columns of small integers, one slot per response.
 * Reports loop over these arrays and never parse JSON.
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
        const itemIds = q.items.map((item) => item.id);
        const itemCols = q.items.map((item) => cols.ints.get(itemKey(q.id, item.id))!);
        return [[q.id, (i, a) => {
          if (!a || typeof a !== 'object') return;
          for (let k = 0; k < itemIds.length; k++) itemCols[k][i] = scalePoint((a as Record<string, unknown>)[itemIds[k]]);
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

/**
 * Appends rows to the columns, growing them as needed; `keep` may skip a row already in.
 * Returns the latest completion time seen (0 for none).
 */
export function appendRows(cols: Columns, def: SurveyDefinition, rows: Iterable<RawRow>, keep?: (id: number, completedAt: number) => boolean): number {
  const questions = allQuestions(def);
  let ids: string[] = [];
  let fns: Writer[] = [];
  const build = () => {
    const w = writers(cols, questions);
    ids = w.map(([id]) => id);
    fns = w.map(([, f]) => f);
  };
  build();
  // Hidden fields repeat (a few tiers × regions): each distinct JSON text is parsed and coded once.
  const hiddenCodes = new Map<string, [Coded, number][]>();
  let latest = 0;
  for (const [id, completedAt, answers, hidden, pageTimes, wave, quotaCell] of rows) {
    if (keep && !keep(id, completedAt)) continue;
    if (cols.n === cols.id.length) {
      ensureCapacity(cols, cols.n + 1);
      build();
    }
    const i = cols.n++;
    cols.id[i] = id;
    cols.completedAt[i] = completedAt;
    cols.duration[i] = pageTotal(pageTimes);
    cols.wave[i] = wave;
    if (quotaCell !== null) cols.cell.codes[i] = code(cols.cell, quotaCell);
    if (hidden) {
      let coded = hiddenCodes.get(hidden);
      if (!coded) {
        coded = [];
        for (const [name, value] of Object.entries(JSON.parse(hidden) as Record<string, unknown>)) {
          const h = cols.hidden.get(name);
          if (h && typeof value === 'string') coded.push([h, code(h, value)]);
        }
        if (hiddenCodes.size < 10_000) hiddenCodes.set(hidden, coded);
      }
      for (let k = 0; k < coded.length; k++) coded[k][0].codes[i] = coded[k][1];
    }
    const a = JSON.parse(answers) as Record<string, unknown>;
    for (let k = 0; k < ids.length; k++) {
      const x = a[ids[k]];
      if (x !== undefined) fns[k](i, x);
    }
    if (completedAt > latest) latest = completedAt;
  }
  return latest;
}
