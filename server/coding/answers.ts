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
import { responseLanguages } from './store';

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
const kept = new Map<string, QuestionAnswers>();

export async function questionAnswers(d: Databases, surveyId: string, questionId: string): Promise<QuestionAnswers> {
  const { def, cols, sel } = await reportSelection(d.store, surveyId, { ...NO_QUERY, exclude: [] });
  if (!openQuestions(def).some((q) => q.id === questionId)) throw notFound('open question');
  // The report's columns only grow, and a completed answer never changes: the same responses
  // (count and last id, of the same version) give the same answers.
  const key = `${surveyId}|${questionId}|${cols.versionId}|${cols.n}|${cols.n > 0 ? cols.id[cols.n - 1] : 0}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const read = await readAnswers(d, surveyId, questionId, def, cols, sel);
  kept.set(key, read);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return read;
}

async function readAnswers(
  d: Databases,
  surveyId: string,
  questionId: string,
  def: SurveyDefinition,
  cols: Columns,
  sel: Selection,
): Promise<QuestionAnswers> {
  const column = cols.texts.get(questionId)!;
  const sq = scoreQuestion(def);
  const points = sq ? cols.ints.get(sq.id) : undefined;
  const languages = await d.store.run((s) => responseLanguages(s, surveyId));
  const ids: number[] = [];
  const texts: string[] = [];
  const langs: string[] = [];
  const scores: number[] = [];
  for (let j = 0; j < column.rows.length; j++) {
    const slot = column.rows[j];
    if (slot >= cols.n || !sel.mask[slot] || column.texts[j].trim() === '') continue;
    const id = cols.id[slot];
    ids.push(id);
    texts.push(column.texts[j]);
    langs.push(languages.get(id) ?? def.defaultLanguage);
    const point = points ? points[slot] : -1;
    scores.push(point >= 0 ? point : NaN);
  }
  // Response order (oldest first) is stable while coding: new answers join at the end.
  const order = ids.map((_, k) => k).sort((a, b) => ids[a] - ids[b]);
  const responseIds = Int32Array.from(order, (k) => ids[k]);
  return {
    def,
    questionId,
    responseIds,
    texts: order.map((k) => texts[k]),
    langs: order.map((k) => langs[k]),
    scores: Float64Array.from(order, (k) => scores[k]),
    scoreQuestion: sq,
    index: new Map(Array.from(responseIds, (id, k) => [id, k])),
  };
}
