/**
 * Fills report columns (columns.ts) from stored rows (stored-rows.ts): a row's coded form
 * (coded-answers.ts) through a decoder per version, or its JSON answers through a writer per
 * question where it has none.
 */
import { allQuestions } from '../../shared/survey/all-questions';
import type { Question, SurveyDefinition } from '../../shared/survey/schema';
import {
  codedDuration,
  codedLength,
  codedVersion,
  intAt,
  keptAnswers,
  layoutOf,
  MISSING,
  numberAt,
  scalePoint,
} from './coded-answers';
import { code, ensureCapacity, itemKey, type Coded, type Columns } from './columns';
import type { RowBatch } from './stored-rows';

// The worker threads run this module as CommonJS (tsx), where every call of an imported function
// is a property read on the imported module; the loops below make tens of millions of them, over
// twice as slow that way. Local bindings make them plain calls.
const readInt = intAt,
  readNumber = numberAt,
  rowLength = codedLength,
  rowVersion = codedVersion,
  rowDuration = codedDuration;
const rowKept = keptAnswers,
  point = scalePoint,
  codeOf = code;

type Writer = (i: number, a: unknown) => void;

/**
 * One writer per question, holding its own columns, so filling a million slots does no map
 * look-ups or key building per answer. Built again after the columns grow (new arrays).
 * Answers that don't fit the latest version's question are left out.
 */
function writers(cols: Columns, questions: readonly Question[]): [string, Writer][] {
  return questions.flatMap((q): [string, Writer][] => {
    switch (q.type) {
      case 'rating':
      case 'nps': {
        const col = cols.ints.get(q.id)!;
        return [
          [
            q.id,
            (i, a) => {
              col[i] = point(a);
            },
          ],
        ];
      }
      case 'single': {
        // An "other" text is coded one past the options.
        const options = cols.options.get(q.id)!;
        const col = cols.ints.get(q.id)!;
        return [
          [
            q.id,
            (i, a) => {
              col[i] =
                typeof a === 'string' ? options.indexOf(a) : a && typeof a === 'object' ? options.length : MISSING;
            },
          ],
        ];
      }
      case 'matrix': {
        const itemIds = q.items.map((item) => item.id);
        const itemCols = q.items.map((item) => cols.ints.get(itemKey(q.id, item.id))!);
        return [
          [
            q.id,
            (i, a) => {
              if (!a || typeof a !== 'object') return;
              for (let k = 0; k < itemIds.length; k++)
                itemCols[k][i] = point((a as Record<string, unknown>)[itemIds[k]]);
            },
          ],
        ];
      }
      case 'multiple': {
        const m = cols.multi.get(q.id)!;
        return [
          [
            q.id,
            (i, a) => {
              if (!Array.isArray(a)) return;
              m.answered[i] = 1;
              for (const id of a) {
                const k = m.options.indexOf(id as string);
                if (k >= 0) m.chosen[k][i] = 1;
              }
            },
          ],
        ];
      }
      case 'number': {
        const col = cols.numbers.get(q.id)!;
        return [
          [
            q.id,
            (i, a) => {
              if (typeof a === 'number') col[i] = a;
            },
          ],
        ];
      }
      case 'text': {
        const t = cols.texts.get(q.id)!;
        return [
          [
            q.id,
            (i, a) => {
              if (typeof a !== 'string') return;
              t.rows.push(i);
              t.texts.push(a);
            },
          ],
        ];
      }
      default: {
        const r = cols.raw.get(q.id);
        return r
          ? [
              [
                q.id,
                (i, a) => {
                  r.rows.push(i);
                  r.values.push(a);
                },
              ],
            ]
          : [];
      }
    }
  });
}

/** Writes slot `i` from the coded row at byte `at` of `b`, `length` bytes long. */
type Decoder = (i: number, b: Buffer, at: number, length: number) => void;

/**
 * Reads rows coded under `older` (coded-answers.ts) into the columns, which are laid out by the
 * latest version: options and items matched by id, so an option moved or dropped since reads as
 * its JSON would. Only for versions that `codedFits` the latest.
 */
function decoder(
  cols: Columns,
  older: SurveyDefinition,
  latest: readonly Question[],
  write: (i: number, kept: Record<string, unknown>) => void,
): Decoder {
  const layout = layoutOf(older);
  const olderById = new Map(allQuestions(older).map((q) => [q.id, q]));
  const copyFrom: number[] = [],
    copyTo: Int16Array[] = [];
  const mapFrom: number[] = [],
    mapTo: Int16Array[] = [],
    mapVia: Int16Array[] = [];
  const flagFrom: number[] = [],
    flagTo: Uint8Array[] = [];
  const numberFrom: number[] = [],
    numberTo: Float64Array[] = [];
  for (const q of latest) {
    const o = olderById.get(q.id);
    if (!o || o.type !== q.type) continue;
    const at = layout.at.get(q.id)!;
    if (q.type === 'rating' || q.type === 'nps') {
      copyFrom.push(at);
      copyTo.push(cols.ints.get(q.id)!);
    } else if (q.type === 'single' && o.type === 'single') {
      // Older code + 1 → code now: −1 stays missing, "other" stays one past the options.
      const ids = cols.options.get(q.id)!;
      const via = new Int16Array(o.options.length + 2);
      via[0] = MISSING;
      o.options.forEach((opt, k) => {
        via[k + 1] = ids.indexOf(opt.id);
      });
      via[o.options.length + 1] = ids.length;
      mapFrom.push(at);
      mapTo.push(cols.ints.get(q.id)!);
      mapVia.push(via);
    } else if (q.type === 'matrix' && o.type === 'matrix') {
      for (const item of q.items) {
        const k = o.items.findIndex((x) => x.id === item.id);
        if (k < 0) continue;
        copyFrom.push(at + k);
        copyTo.push(cols.ints.get(itemKey(q.id, item.id))!);
      }
    } else if (q.type === 'multiple' && o.type === 'multiple') {
      const m = cols.multi.get(q.id)!;
      flagFrom.push(at);
      flagTo.push(m.answered);
      m.options.forEach((id, k) => {
        const j = o.options.findIndex((x) => x.id === id);
        if (j < 0) return;
        flagFrom.push(at + 1 + j);
        flagTo.push(m.chosen[k]);
      });
    } else if (q.type === 'number') {
      numberFrom.push(at);
      numberTo.push(cols.numbers.get(q.id)!);
    }
  }
  return (i, b, at, length) => {
    for (let k = 0; k < copyFrom.length; k++) copyTo[k][i] = readInt(b, at, copyFrom[k]);
    for (let k = 0; k < mapFrom.length; k++) mapTo[k][i] = mapVia[k][readInt(b, at, mapFrom[k]) + 1];
    for (let k = 0; k < flagFrom.length; k++) flagTo[k][i] = readInt(b, at, flagFrom[k]);
    for (let k = 0; k < numberFrom.length; k++) numberTo[k][i] = readNumber(b, at, layout, numberFrom[k]);
    const kept = rowKept(b, at, length, layout);
    if (kept !== null) write(i, kept);
  };
}

/**
 * What appends batches of stored rows (stored-rows.ts) to the columns, growing them as needed;
 * `keep` may skip a row already in. `versions` holds the definitions of the versions whose rows
 * come coded.
 */
export function columnAppender(cols: Columns, def: SurveyDefinition, versions: ReadonlyMap<number, SurveyDefinition>) {
  const questions = allQuestions(def);
  let byId = new Map<string, Writer>();
  const decoders = new Map<number, Decoder>();
  const build = () => {
    byId = new Map(writers(cols, questions));
    decoders.clear();
  };
  build();
  // By the answer's own keys: a coded row's JSON tail holds one or two answers, not every question.
  const write = (i: number, a: Record<string, unknown>) => {
    for (const key in a) {
      const f = byId.get(key);
      if (f !== undefined && a[key] !== undefined) f(i, a[key]);
    }
  };
  // Hidden fields repeat (a few tiers × regions): each distinct JSON text is parsed and coded once.
  const hiddenCodes = new Map<string, [Coded, number][]>();
  return (batch: RowBatch, keep?: (id: number) => boolean) => {
    const { n, id: ids, completedAt: times, wave, quotaCell, hidden, coded, plain } = batch;
    if (cols.n + n > cols.id.length) {
      ensureCapacity(cols, cols.n + n);
      build();
    }
    let offset = 0;
    let p = 0;
    for (let r = 0; r < n; r++) {
      const id = ids[r];
      // Plain rows come in the rows' order too: the next one is this row or a later one.
      const row = p < plain.length && plain[p][0] === id ? plain[p++] : null;
      const at = offset;
      const length = row === null ? rowLength(coded, at) : 0;
      offset += length;
      if (keep && !keep(id)) continue;
      const i = cols.n++;
      cols.id[i] = id;
      cols.completedAt[i] = times[r];
      cols.wave[i] = wave[r];
      const cell = quotaCell[r];
      if (cell !== null) cols.cell.codes[i] = codeOf(cols.cell, cell);
      const h = hidden[r];
      if (h) {
        let fields = hiddenCodes.get(h);
        if (!fields) {
          fields = [];
          for (const [name, value] of Object.entries(JSON.parse(h) as Record<string, unknown>)) {
            const column = cols.hidden.get(name);
            if (column && typeof value === 'string') fields.push([column, codeOf(column, value)]);
          }
          if (hiddenCodes.size < 10_000) hiddenCodes.set(h, fields);
        }
        for (let k = 0; k < fields.length; k++) fields[k][0].codes[i] = fields[k][1];
      }
      if (row === null) {
        const versionId = rowVersion(coded, at);
        let d = decoders.get(versionId);
        if (!d) decoders.set(versionId, (d = decoder(cols, versions.get(versionId)!, questions, write)));
        d(i, coded, at, length);
        cols.duration[i] = rowDuration(coded, at);
      } else {
        cols.duration[i] = row[2] ?? NaN;
        write(i, row[3]);
      }
    }
  };
}
