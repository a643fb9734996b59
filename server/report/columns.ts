/**
 * A survey's completed responses as columns of small integers, one slot per response. They are
 * filled from stored rows by column-writers.ts; the cache around them is dataset.ts.
 */
import { hiddenFieldsOf } from '../../shared/customers/fields';
import { allQuestions } from '../../shared/survey/all-questions';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { MISSING } from './coded-answers';

/** Codes in the small-integer columns: a scale point or option index is ≥ 0. */
export { MISSING, NOT_APPLICABLE } from './coded-answers';

/** Strings coded as indexes into a dictionary that only grows, so codes never change meaning. */
export interface Coded {
  codes: Int32Array;
  dict: string[];
  index: Map<string, number>;
}

export interface MultiColumn {
  answered: Uint8Array;
  chosen: Uint8Array[];
  options: string[];
}

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
    n: 0,
    versionId,
    id: new Int32Array(capacity),
    completedAt: new Float64Array(capacity),
    duration: new Float64Array(capacity),
    wave: new Int32Array(capacity),
    cell: coded(capacity),
    hidden: new Map(),
    ints: new Map(),
    options: new Map(),
    multi: new Map(),
    numbers: new Map(),
    texts: new Map(),
    raw: new Map(),
  };
  for (const h of hiddenFieldsOf(def)) cols.hidden.set(h, coded(capacity));
  const ints = (key: string) => cols.ints.set(key, new Int16Array(capacity).fill(MISSING));
  for (const q of allQuestions(def)) {
    switch (q.type) {
      case 'rating':
      case 'nps':
        ints(q.id);
        break;
      case 'single':
        ints(q.id);
        cols.options.set(
          q.id,
          q.options.map((o) => o.id),
        );
        break;
      case 'matrix':
        for (const item of q.items) ints(itemKey(q.id, item.id));
        break;
      case 'multiple': {
        const options = q.options.map((o) => o.id);
        cols.multi.set(q.id, {
          answered: new Uint8Array(capacity),
          chosen: options.map(() => new Uint8Array(capacity)),
          options,
        });
        break;
      }
      case 'number':
        cols.numbers.set(q.id, new Float64Array(capacity).fill(NaN));
        break;
      case 'text':
        cols.texts.set(q.id, { rows: [], texts: [] });
        break;
      default:
        if ((q.type as string) !== 'contact') cols.raw.set(q.id, { rows: [], values: [] });
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
