/**
 * Joins report columns built in parts (consecutive id ranges, by parallel-build.ts) into one, as
 * if one pass had read them all: slots concatenated in order, dictionary codes renumbered into
 * the first part's dictionaries, sparse answers' slots shifted.
 */
import { code, emptyColumns, ensureCapacity, MISSING, type Coded, type Columns } from './columns';
import type { SurveyDefinition } from '../../shared/survey/schema';

type Typed = Int16Array | Int32Array | Float64Array | Uint8Array;

/** Every typed array's buffer in the columns, to transfer rather than copy across threads. */
export function buffersOf(cols: Columns): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Typed) => {
    if (!out.includes(a.buffer as ArrayBuffer)) out.push(a.buffer as ArrayBuffer);
  };
  [cols.id, cols.completedAt, cols.duration, cols.wave, cols.cell.codes].forEach(add);
  for (const h of cols.hidden.values()) add(h.codes);
  for (const a of cols.ints.values()) add(a);
  for (const a of cols.numbers.values()) add(a);
  for (const m of cols.multi.values()) [m.answered, ...m.chosen].forEach(add);
  return out;
}

function recode(into: Coded, from: Coded, at: number, n: number) {
  const map = from.dict.map((value) => code(into, value));
  for (let i = 0; i < n; i++) {
    const k = from.codes[i];
    into.codes[at + i] = k === MISSING ? MISSING : map[k];
  }
}

export function mergeColumns(def: SurveyDefinition, versionId: number, parts: readonly Columns[]): Columns {
  const total = parts.reduce((s, p) => s + p.n, 0);
  const cols = emptyColumns(def, versionId, 0);
  ensureCapacity(cols, total + 16);
  let at = 0;
  for (const p of parts) {
    const copy = <T extends Typed>(into: T, from: T) => into.set(from.subarray(0, p.n), at);
    copy(cols.id, p.id);
    copy(cols.completedAt, p.completedAt);
    copy(cols.duration, p.duration);
    copy(cols.wave, p.wave);
    recode(cols.cell, p.cell, at, p.n);
    for (const [name, h] of cols.hidden) recode(h, p.hidden.get(name)!, at, p.n);
    for (const [key, a] of cols.ints) copy(a, p.ints.get(key)!);
    for (const [key, a] of cols.numbers) copy(a, p.numbers.get(key)!);
    for (const [key, m] of cols.multi) {
      const pm = p.multi.get(key)!;
      copy(m.answered, pm.answered);
      m.chosen.forEach((c, k) => {
        copy(c, pm.chosen[k]);
      });
    }
    for (const [key, t] of cols.texts) {
      const pt = p.texts.get(key)!;
      for (let j = 0; j < pt.rows.length; j++) {
        t.rows.push(pt.rows[j] + at);
        t.texts.push(pt.texts[j]);
      }
    }
    for (const [key, r] of cols.raw) {
      const pr = p.raw.get(key)!;
      for (let j = 0; j < pr.rows.length; j++) {
        r.rows.push(pr.rows[j] + at);
        r.values.push(pr.values[j]);
      }
    }
    at += p.n;
  }
  cols.n = total;
  return cols;
}
