/**
 * A completed response's answers in the compact form the report reads. At a million responses,
 * reading the JSON answers back (strings out of SQLite, then JSON.parse) was most of the first
 * report's 9 s; this form is written beside the JSON when a response completes, and the report
 * turns it into columns with a few byte reads per question.
 *
 * `coded` (a blob): a format byte, then one int16 slot per closed answer, then one float64 per
 * number question, little-endian, laid out by the questions of the version the respondent answered:
 * - rating, NPS: the scale point, −1 missing, −2 "not applicable";
 * - single choice: the option's index in that version, one past the last for "other", −1 missing;
 * - matrix: one slot per item, as a rating;
 * - multiple choice: an "answered" slot (0/1), then one 0/1 slot per option.
 * `extra` (JSON text, or null when there is none): the open texts and the research questions'
 * answers (SERVQUAL, price, competitor…), which the report keeps as they are. Contact details are
 * never copied: the report doesn't read them.
 *
 * The JSON answers stay the record (exports, cases, resuming); this is derived from them, and a
 * row without it is read from its JSON as before.
 */
import { allQuestions } from '../../shared/survey/all-questions';
import type { Question, SurveyDefinition } from '../../shared/survey/schema';

const CODED_FORMAT = 1;
const HEADER = 1;

export const MISSING = -1;
export const NOT_APPLICABLE = -2;

/** Where each question of a version sits in its coded rows. */
export interface Layout {
  /** int16 slot where the question starts (rating, NPS, single, matrix, multiple), or its float64 index (number). */
  at: Map<string, number>;
  ints: number;
  numbers: number;
  /** Questions whose answers go to `extra` as they are. */
  kept: string[];
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
      case 'rating': case 'nps': case 'single': at.set(q.id, ints); ints += 1; break;
      case 'matrix': at.set(q.id, ints); ints += q.items.length; break;
      case 'multiple': at.set(q.id, ints); ints += 1 + q.options.length; break;
      case 'number': at.set(q.id, numbers); numbers += 1; break;
      default: if (keptAsIs(q)) kept.push(q.id);
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

/** The coded form of a response's (validated) answers under the version it answered. */
function encodeAnswers(def: SurveyDefinition, answers: Record<string, unknown>): { coded: Buffer; extra: string | null } {
  const layout = layoutOf(def);
  const b = Buffer.alloc(layout.bytes);
  b[0] = CODED_FORMAT;
  const int = (slot: number, value: number) => b.writeInt16LE(value, HEADER + 2 * slot);
  for (const q of allQuestions(def)) {
    const a = answers[q.id];
    const slot = layout.at.get(q.id)!;
    switch (q.type) {
      case 'rating': case 'nps': int(slot, scalePoint(a)); break;
      case 'single':
        int(slot, typeof a === 'string' ? q.options.findIndex((o) => o.id === a) : a && typeof a === 'object' ? q.options.length : MISSING);
        break;
      case 'matrix':
        q.items.forEach((item, k) => int(slot + k, a && typeof a === 'object' ? scalePoint((a as Record<string, unknown>)[item.id]) : MISSING));
        break;
      case 'multiple':
        if (!Array.isArray(a)) break;
        int(slot, 1);
        q.options.forEach((o, k) => { if (a.includes(o.id)) int(slot + 1 + k, 1); });
        break;
      case 'number': b.writeDoubleLE(typeof a === 'number' ? a : NaN, HEADER + 2 * layout.ints + 8 * slot); break;
      default: break;
    }
  }
  let extra: Record<string, unknown> | null = null;
  for (const id of layout.kept) {
    if (answers[id] === undefined) continue;
    (extra ??= {})[id] = answers[id];
  }
  return { coded: b, extra: extra && JSON.stringify(extra) };
}

/**
 * Whether rows coded under `older` read into columns laid out by `latest` exactly as their JSON
 * would: every question the two share has kept its type (options and items are matched by id).
 */
export function codedFits(older: SurveyDefinition, latest: SurveyDefinition): boolean {
  const types = new Map(allQuestions(latest).map((q) => [q.id, q.type]));
  return allQuestions(older).every((q) => !types.has(q.id) || types.get(q.id) === q.type);
}

/** The int16 in slot `slot` of the coded row at byte `at` of `b`. */
export function intAt(b: Uint8Array, at: number, slot: number): number {
  const o = at + HEADER + 2 * slot;
  return ((b[o] | (b[o + 1] << 8)) << 16) >> 16;
}

export const numberAt = (b: Buffer, at: number, layout: Layout, slot: number) => b.readDoubleLE(at + HEADER + 2 * layout.ints + 8 * slot);

/**
 * A response row's answer columns as the submission path stores them: the JSON answers and page
 * times, and for a completed response its coded form. Also for whatever writes rows directly
 * (the demo studies, the benchmark), so the report reads theirs as it reads respondents'. The
 * `duration` column, once a response ends, is responseDuration's.
 */
export function storedAnswers(def: SurveyDefinition, answers: Record<string, unknown>, pageTimes: Record<string, number>, complete: boolean) {
  const { coded, extra } = complete ? encodeAnswers(def, answers) : { coded: null, extra: null };
  return { answers: JSON.stringify(answers), coded, extra, pageTimes: JSON.stringify(pageTimes) };
}
