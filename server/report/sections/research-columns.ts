/**
 * SERVQUAL and importance answers decoded from the columns' raw store into typed arrays by slot,
 * each stored answer once: the raw store only grows (new responses append), so a later report
 * decodes only what was added. A SERVQUAL battery of 22 items over 100,000 respondents then
 * costs a few typed-array reads per respondent instead of walking objects and maps.
 */
import type { Question } from '../../../shared/survey/schema';
import type { Columns } from '../columns';

type RawStore = { rows: number[]; values: unknown[] };

interface Decoded<T> {
  done: number;
  capacity: number;
  data: T;
}

const decodedByStore = new WeakMap<RawStore, Decoded<unknown>>();

function decode<T>(
  cols: Columns,
  questionId: string,
  make: (capacity: number, previous: T | null) => T,
  put: (data: T, slot: number, value: unknown) => void,
): T | null {
  const store = cols.raw.get(questionId);
  if (!store) return null;
  const capacity = Math.max(cols.n, 1);
  let d = decodedByStore.get(store) as Decoded<T> | undefined;
  if (!d || d.done > store.rows.length) d = { done: 0, capacity, data: make(capacity, null) };
  else if (d.capacity < capacity) {
    const grown = Math.max(capacity, d.capacity * 2);
    d = { done: d.done, capacity: grown, data: make(grown, d.data) };
  }
  for (let j = d.done; j < store.rows.length; j++)
    if (store.rows[j] < d.capacity) put(d.data, store.rows[j], store.values[j]);
  d.done = store.rows.length;
  decodedByStore.set(store, d);
  return d.data;
}

function int8(capacity: number, previous: Int8Array | undefined): Int8Array {
  const a = new Int8Array(capacity).fill(-1);
  if (previous) a.set(previous.subarray(0, Math.min(previous.length, capacity)));
  return a;
}

function float32(capacity: number, previous: Float32Array | undefined): Float32Array {
  const a = new Float32Array(capacity).fill(NaN);
  if (previous) a.set(previous.subarray(0, Math.min(previous.length, capacity)));
  return a;
}

const rating = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 127 ? x : -1);

/** Per item of a SERVQUAL question (in its order): expectation and perception by slot, −1 when missing. */
export function servqualColumnsOf(
  cols: Columns,
  q: Extract<Question, { type: 'servqual' }>,
): { e: Int8Array[]; p: Int8Array[] } | null {
  return decode<{ e: Int8Array[]; p: Int8Array[] }>(
    cols,
    q.id,
    (capacity, prev) => ({
      e: q.items.map((_, k) => int8(capacity, prev?.e[k])),
      p: q.items.map((_, k) => int8(capacity, prev?.p[k])),
    }),
    (data, slot, value) => {
      if (!value || typeof value !== 'object') return;
      q.items.forEach((item, k) => {
        const r = (value as Record<string, { e?: unknown; p?: unknown } | undefined>)[item.id];
        if (!r) return;
        data.e[k][slot] = rating(r.e);
        data.p[k][slot] = rating(r.p);
      });
    },
  );
}

/** Per item of an importance question: the rating or points given by slot, NaN when missing. */
export function importanceColumnsOf(
  cols: Columns,
  q: Extract<Question, { type: 'importance' }>,
): Float32Array[] | null {
  return decode<Float32Array[]>(
    cols,
    q.id,
    (capacity, prev) => q.items.map((_, k) => float32(capacity, prev?.[k])),
    (data, slot, value) => {
      if (!value || typeof value !== 'object') return;
      q.items.forEach((item, k) => {
        const x = (value as Record<string, unknown>)[item.id];
        if (typeof x === 'number' && Number.isFinite(x) && x >= 0) data[k][slot] = x;
      });
    },
  );
}
