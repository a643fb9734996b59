/**
 * What the submission path keeps in memory per database, so a submission pays a map lookup
 * instead of reading and validating a survey's version, plan and alert rules each time. Versions
 * are immutable and stay. Rules derived from a plan or alert settings are kept with the survey's
 * rules stamp (surveys.rules_stamp, bumped by every save of them, on any node) and loaded again
 * when the stamp read with the survey row differs: no node needs to be told.
 */
import type { SurveyDefinition } from '../../shared/survey/schema';
import { eq, sql } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { surveys } from '../db/tables';

interface Stamped<T> {
  stamp: number;
  value: T;
}

export interface Memo {
  versions: Map<number, { surveyId: string; def: SurveyDefinition }>;
  /** By survey id, then by what is derived (quota rules, alert plan). */
  derived: Map<string, Map<string, Stamped<unknown>>>;
}

const memos = new WeakMap<object, Memo>();

/** The memo of one database, `key` being what stands for it in this process (its connection or store). */
export function memoOf(key: object): Memo {
  let memo = memos.get(key);
  if (!memo) memos.set(key, (memo = { versions: new Map(), derived: new Map() }));
  return memo;
}

/** `load`'s result for the survey, kept while its rules stamp stays `stamp`. */
export function* derived<T>(memo: Memo, kind: string, surveyId: string, stamp: number, load: () => Work<T>): Work<T> {
  let perSurvey = memo.derived.get(surveyId);
  if (!perSurvey) memo.derived.set(surveyId, (perSurvey = new Map()));
  const hit = perSurvey.get(kind);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = yield* load();
  perSurvey.set(kind, { stamp, value });
  return value;
}

/**
 * Marks the survey's plan, alert rules, alert settings or webhooks as changed, in the unit of work
 * that changes them: every node loads them again at its next submission.
 */
export function* rulesChanged(tx: Sql, surveyId: string): Work<void> {
  yield* q(
    tx
      .update(surveys)
      .set({ rulesStamp: sql`${surveys.rulesStamp} + 1` })
      .where(eq(surveys.id, surveyId)),
  );
}
