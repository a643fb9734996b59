/**
 * The answers of one open question as the coding reads them: from the report's columns (counted,
 * completed responses), with each respondent's language and score.
 */
import { notFound } from '../http/errors';
import { reportSelection } from '../report/service';
import type { Columns } from '../report/columns';
import type { Selection } from '../report/selection';
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import type { FrameDto } from '../../shared/api/coding';
import type { Db } from '../db/client';
import type { Store } from '../db/store';
import { PAGE_ROWS, responseLanguagesAfter } from './store';

/**
 * Where the area reads and writes: its own tables through the store, the answers through the
 * report's columns, which still read the SQLite database (docs/postgres.md).
 */
export interface Databases {
  db: Db;
  store: Store;
}

export interface QuestionAnswers {
  def: SurveyDefinition;
  questionId: string;
  responseIds: Int32Array;
  texts: string[];
  langs: string[];
  /** NaN where the respondent has no score. */
  scores: Float64Array;
  scoreQuestion: FrameDto['scoreQuestion'];
  /** Index of each response id in the lists above. */
  index: Map<number, number>;
}

/** The open questions a researcher can code: text answers, never contact details. */
export function openQuestions(def: SurveyDefinition) {
  return allQuestions(def).filter((q) => q.type === 'text' && q.role !== 'contact');
}

/** The score that splits the unhappy from the happy: the NPS question, else overall satisfaction. */
export function scoreQuestion(def: SurveyDefinition): FrameDto['scoreQuestion'] {
  const questions = allQuestions(def);
  const nps =
    questions.find((q) => q.type === 'nps' && q.role === 'recommend') ?? questions.find((q) => q.type === 'nps');
  if (nps) return { id: nps.id, type: 'nps', max: 10 };
  const overall = questions.find((q) => q.type === 'rating' && q.role === 'overall-satisfaction');
  return overall?.type === 'rating' ? { id: overall.id, type: 'rating', max: overall.scale.max } : null;
}

const NO_QUERY = { filter: undefined, weight: 'none', exclude: [] } as const;

/** The answers of the last few questions read: the coding screen reads the same ones page after page. */
const KEPT = 4;
const kept = new Map<string, Promise<QuestionAnswers>>();

export async function questionAnswers(d: Databases, surveyId: string, questionId: string): Promise<QuestionAnswers> {
  const { def, cols, sel } = await reportSelection(d.store, surveyId, { ...NO_QUERY, exclude: [] });
  if (!openQuestions(def).some((q) => q.id === questionId)) throw notFound('open question');
  // The report's columns only grow, and a completed answer never changes: the same responses
  // (count and last id, of the same version) give the same answers.
  const key = `${surveyId}|${questionId}|${cols.versionId}|${cols.n}|${cols.n > 0 ? cols.id[cols.n - 1] : 0}`;
  // The screen's first requests arrive together: they share one read.
  let read = kept.get(key);
  if (!read) {
    read = readAnswers(d, surveyId, questionId, def, cols, sel);
    read.catch(() => kept.delete(key));
    kept.set(key, read);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return read;
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Answers handled per step between checks of the turn's length. */
const STEP = 4096;
/** A turn of the event loop this long is long enough: the reading pauses for other requests. */
const TURN_MS = 20;

/** Pauses for other requests once the current turn has lasted TURN_MS, or always when `now`. */
export function turns() {
  let since = performance.now();
  return async (now = false) => {
    if (!now && performance.now() - since < TURN_MS) return;
    await nextTurn();
    since = performance.now();
  };
}

/** The respondents' languages, a page of rows per statement, pausing between pages. */
async function languagesOf(d: Databases, surveyId: string, breathe: (now?: boolean) => Promise<void>) {
  const out = new Map<number, string>();
  for (let after = 0; ; ) {
    const page = await d.store.run((s) => responseLanguagesAfter(s, surveyId, after));
    for (const r of page) out.set(r.id, r.lang);
    if (page.length < PAGE_ROWS) return out;
    after = page[page.length - 1].id;
    await breathe(true);
  }
}

/**
 * The question's answers in response order, read in steps that leave the event loop to other
 * requests (a first read at 100,000 answers would otherwise hold it for most of a second).
 */
async function readAnswers(
  d: Databases,
  surveyId: string,
  questionId: string,
  def: SurveyDefinition,
  cols: Columns,
  sel: Selection,
): Promise<QuestionAnswers> {
  const breathe = turns();
  const column = cols.texts.get(questionId)!;
  const sq = scoreQuestion(def);
  const points = sq ? cols.ints.get(sq.id) : undefined;
  const languages = await languagesOf(d, surveyId, breathe);
  const ids: number[] = [];
  const texts: string[] = [];
  const langs: string[] = [];
  const scores: number[] = [];
  for (let j = 0; j < column.rows.length; j++) {
    if (j % STEP === STEP - 1) await breathe();
    const slot = column.rows[j];
    if (slot >= cols.n || !sel.mask[slot] || column.texts[j].trim() === '') continue;
    const id = cols.id[slot];
    ids.push(id);
    texts.push(column.texts[j]);
    langs.push(languages.get(id) ?? def.defaultLanguage);
    const point = points ? points[slot] : -1;
    scores.push(point >= 0 ? point : NaN);
  }
  // Response order (oldest first) is stable while coding: new answers join at the end. The
  // columns hold them in that order but for rows completed out of order, so sort only then.
  let sorted = true;
  for (let k = 1; k < ids.length && sorted; k++) sorted = ids[k - 1] < ids[k];
  const order = sorted ? ids.map((_, k) => k) : ids.map((_, k) => k).sort((a, b) => ids[a] - ids[b]);
  await breathe();
  const responseIds = Int32Array.from(order, (k) => ids[k]);
  const index = new Map<number, number>();
  for (let k = 0; k < responseIds.length; k++) {
    if (k % STEP === STEP - 1) await breathe();
    index.set(responseIds[k], k);
  }
  return {
    def,
    questionId,
    responseIds,
    texts: sorted ? texts : order.map((k) => texts[k]),
    langs: sorted ? langs : order.map((k) => langs[k]),
    scores: Float64Array.from(order, (k) => scores[k]),
    scoreQuestion: sq,
    index,
  };
}
