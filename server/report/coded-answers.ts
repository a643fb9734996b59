/**
 * A completed response's answers in the compact form the report reads. At a million responses,
 * reading the JSON answers back (strings out of SQLite, then JSON.parse) was most of the first
 * report's 9 s; this form is written beside the JSON when a response completes, and the report
 * turns it into columns with a few byte reads per question.
 *
 * `coded` (a blob), little-endian, self-delimiting so a batch of rows reads as one concatenation:
 * - a header: the format byte, the row's length in bytes (uint32), the id of the version the
 *   respondent answered (int32) and the response's duration in ms (float64, NaN if unknown): what
 *   the answers alone decide, so the report needs no other column to read them;
 * - one int16 slot per closed answer, then one float64 per number question, laid out by the
 *   questions of that version:
 *   - rating, NPS: the scale point, −1 missing, −2 "not applicable";
 *   - single choice: the option's index in that version, one past the last for "other", −1 missing;
 *   - matrix: one slot per item, as a rating;
 *   - multiple choice: an "answered" slot (0/1), then one 0/1 slot per option;
 * - to the end, as UTF-8 JSON (nothing when there are none): the open texts and the research
 *   questions' answers (SERVQUAL, price, competitor…), which the report keeps as they are.
 *   Contact details are never copied: the report doesn't read them.
 *
 * What may be reclassified after the fact (wave, quota cell, hidden fields) stays in its own
 * column only; the partial index `responses_report_idx` (schema.ts) holds those columns and this
 * blob side by side, so the report reads a million of them without touching the wide rows.
 *
 * The JSON answers stay the record (exports, cases, resuming); this is derived from them, and a
 * row without it is read from its JSON as before.
 */
import { allQuestions } from '../../shared/survey/all-questions';
import type { Question, SurveyDefinition } from '../../shared/survey/schema';

const CODED_FORMAT = 2;
/** Format byte, length, version id, duration. */
const HEADER = 17;

export const MISSING = -1;
export const NOT_APPLICABLE = -2;

/** Where each question of a version sits in its coded rows. */
export interface Layout {
  /** int16 slot where the question starts (rating, NPS, single, matrix, multiple), or its float64 index (number). */
  at: Map<string, number>;
  ints: number;
  numbers: number;
  /** Questions whose answers go to the row's JSON tail as they are. */
  kept: string[];
  /** Bytes before the JSON tail. */
  bytes: number;
}

const layouts = new WeakMap<SurveyDefinition, Layout>();

const CODED_TYPES = new Set<string>(['rating', 'nps', 'single', 'matrix', 'multiple', 'number']);

/** Questions the report keeps as answered, not coded: open text and the research types. */
const keptAsIs = (q: Question) => !CODED_TYPES.has(q.type) && (q.type as string) !== 'contact';

export function layoutOf(def: SurveyDefinition): Layout {
  let layout = layouts.get(def);
  if (layout) return layout;
  const at = new Map<string, number>();
  const kept: string[] = [];
  let ints = 0;
  let numbers = 0;
  for (const q of allQuestions(def)) {
    switch (q.type) {
      case 'rating':
      case 'nps':
      case 'single':
        at.set(q.id, ints);
        ints += 1;
        break;
      case 'matrix':
        at.set(q.id, ints);
        ints += q.items.length;
        break;
      case 'multiple':
        at.set(q.id, ints);
        ints += 1 + q.options.length;
        break;
      case 'number':
        at.set(q.id, numbers);
        numbers += 1;
        break;
      default:
        if (keptAsIs(q)) kept.push(q.id);
    }
  }
  layout = { at, ints, numbers, kept, bytes: HEADER + 2 * ints + 8 * numbers };
  layouts.set(def, layout);
  return layout;
}

/** A stored scale answer as its code: the point itself, or −2 for "not applicable", −1 for anything else. */
export function scalePoint(x: unknown): number {
  if (x === 'na') return NOT_APPLICABLE;
  return typeof x === 'number' && Number.isInteger(x) ? x : MISSING;
}

/**
 * How long a response took, in ms: the sum of its page times, or where none were recorded the
 * time from its first save to its end. Migration 0008 filled in older rows the same way.
 */
export function responseDuration(pageTimes: Record<string, unknown> | null | undefined, elapsedMs: number): number {
  let total: number | null = null;
  for (const ms of Object.values(pageTimes ?? {})) if (typeof ms === 'number') total = (total ?? 0) + ms;
  return total ?? elapsedMs;
}

/**
 * The coded form of a completed response's (validated) answers under the version it answered,
 * `versionId`; `duration` is responseDuration's.
 */
export function codedAnswers(
  def: SurveyDefinition,
  versionId: number,
  answers: Record<string, unknown>,
  duration: number | null,
): Buffer {
  const layout = layoutOf(def);
  let extra: Record<string, unknown> | null = null;
  for (const id of layout.kept) {
    if (answers[id] === undefined) continue;
    (extra ??= {})[id] = answers[id];
  }
  const tail = extra ? Buffer.from(JSON.stringify(extra)) : null;
  const b = Buffer.alloc(layout.bytes + (tail?.length ?? 0));
  b[0] = CODED_FORMAT;
  b.writeUInt32LE(b.length, 1);
  b.writeInt32LE(versionId, 5);
  b.writeDoubleLE(duration ?? NaN, 9);
  const int = (slot: number, value: number) => b.writeInt16LE(value, HEADER + 2 * slot);
  for (const q of allQuestions(def)) {
    const a = answers[q.id];
    const slot = layout.at.get(q.id)!;
    switch (q.type) {
      case 'rating':
      case 'nps':
        int(slot, scalePoint(a));
        break;
      case 'single':
        int(
          slot,
          typeof a === 'string'
            ? q.options.findIndex((o) => o.id === a)
            : a && typeof a === 'object'
              ? q.options.length
              : MISSING,
        );
        break;
      case 'matrix':
        q.items.forEach((item, k) => {
          int(slot + k, a && typeof a === 'object' ? scalePoint((a as Record<string, unknown>)[item.id]) : MISSING);
        });
        break;
      case 'multiple':
        if (!Array.isArray(a)) break;
        int(slot, 1);
        q.options.forEach((o, k) => {
          if (a.includes(o.id)) int(slot + 1 + k, 1);
        });
        break;
      case 'number':
        b.writeDoubleLE(typeof a === 'number' ? a : NaN, HEADER + 2 * layout.ints + 8 * slot);
        break;
      default:
        break;
    }
  }
  tail?.copy(b, layout.bytes);
  return b;
}

/**
 * Whether rows coded under `older` read into columns laid out by `latest` exactly as their JSON
 * would: every question the two share has kept its type (options and items are matched by id).
 */
export function codedFits(older: SurveyDefinition, latest: SurveyDefinition): boolean {
  const types = new Map(allQuestions(latest).map((q) => [q.id, q.type]));
  return allQuestions(older).every((q) => !types.has(q.id) || types.get(q.id) === q.type);
}

/** The length in bytes of the coded row at byte `at` of `b`, after checking its format. */
export function codedLength(b: Buffer, at: number): number {
  if (b[at] !== CODED_FORMAT) throw new Error(`coded answers: format ${b[at]} at byte ${at}, expected ${CODED_FORMAT}`);
  return b.readUInt32LE(at + 1);
}

/** The version id of the coded row at byte `at` of `b`. */
export const codedVersion = (b: Buffer, at: number) => b.readInt32LE(at + 5);

/** The duration in ms of the coded row at byte `at` of `b`, NaN if unknown. */
export const codedDuration = (b: Buffer, at: number) => b.readDoubleLE(at + 9);

/** The int16 in slot `slot` of the coded row at byte `at` of `b`. */
export function intAt(b: Uint8Array, at: number, slot: number): number {
  const o = at + HEADER + 2 * slot;
  return ((b[o] | (b[o + 1] << 8)) << 16) >> 16;
}

export const numberAt = (b: Buffer, at: number, layout: Layout, slot: number) =>
  b.readDoubleLE(at + HEADER + 2 * layout.ints + 8 * slot);

/** The open and research answers of the coded row at `at` (of `length` bytes), or null when it has none. */
export function keptAnswers(b: Buffer, at: number, length: number, layout: Layout): Record<string, unknown> | null {
  return length > layout.bytes
    ? (JSON.parse(b.toString('utf8', at + layout.bytes, at + length)) as Record<string, unknown>)
    : null;
}

/**
 * A response row's answer columns as the submission path stores them: the JSON answers and page
 * times. Also for whatever writes rows directly (the demo studies, the benchmark), with
 * `codedAnswers` for a completed response, so the report reads theirs as it reads respondents'.
 */
export function storedAnswers(answers: Record<string, unknown>, pageTimes: Record<string, number>) {
  return { answers: JSON.stringify(answers), pageTimes: JSON.stringify(pageTimes) };
}
