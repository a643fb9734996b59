/**
 * Codes again the counted responses that have no coded form (coded-answers.ts): those stored
 * before it existed (migration 0007) or in its first format (cleared by migration 0009). The
 * report reads such rows from their JSON answers, which gives the same report, only slower; once
 * coded they read at the speed of the rest. A few thousand rows per turn of the event loop, so
 * respondents' submissions keep going meanwhile.
 */
import * as v from 'valibot';
import type { Db } from '../db/client';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { codedAnswers } from './coded-answers';
import { errorFields, log } from '../ops/log';

interface Pending {
  id: number;
  surveyId: string;
  versionId: number;
  answers: string;
  duration: number | null;
}

/** Where the last pass stopped, by (survey, id): every row before it has been looked at. */
export interface RecodeCursor {
  surveyId: string;
  id: number;
}

/**
 * Codes up to `limit` uncoded counted responses after `cursor`, in one transaction. Returns how
 * far it got, or null when no such row is left. A row whose answers or version can't be read is
 * passed over and stays read from its JSON.
 */
export function recodeSome(db: Db, cursor: RecodeCursor = { surveyId: '', id: 0 }, limit = 500): RecodeCursor | null {
  const c = db.$client;
  // On the partial index of exactly these rows (schema.ts), in its order: none left costs nothing.
  const rows = c
    .prepare(`select id, survey_id as surveyId, version_id as versionId, answers, duration from responses indexed by responses_uncoded_idx
    where status = 'complete' and is_test = 0 and coded is null and (survey_id, id) > (?, ?) order by survey_id, id limit ?`)
    .all(cursor.surveyId, cursor.id, limit) as Pending[];
  if (rows.length === 0) return null;
  const defs = new Map<number, SurveyDefinition | null>();
  const defOf = (versionId: number) => {
    if (!defs.has(versionId)) {
      const text = c.prepare('select definition from survey_versions where id = ?').pluck().get(versionId) as
        | string
        | undefined;
      const parsed = text === undefined ? null : v.safeParse(SurveyDefinitionSchema, JSON.parse(text));
      defs.set(versionId, parsed?.success ? parsed.output : null);
    }
    return defs.get(versionId)!;
  };
  // Only a row still uncoded and counted: a submission may have changed it since it was read.
  const update = c.prepare(
    `update responses set coded = ? where id = ? and coded is null and status = 'complete' and is_test = 0`,
  );
  c.transaction(() => {
    for (const row of rows) {
      const def = defOf(row.versionId);
      let answers: unknown;
      try {
        answers = JSON.parse(row.answers);
      } catch {
        continue;
      }
      if (!def || !answers || typeof answers !== 'object') continue;
      update.run(codedAnswers(def, row.versionId, answers as Record<string, unknown>, row.duration), row.id);
    }
  })();
  const last = rows[rows.length - 1];
  return { surveyId: last.surveyId, id: last.id };
}

/** Runs recodeSome until no uncoded row is left, one batch per turn of the event loop; `stop` ends it early. */
export function recodeInBackground(db: Db): { stop: () => void; done: Promise<void> } {
  let stopped = false;
  const done = new Promise<void>((resolve) => {
    let cursor: RecodeCursor | null = { surveyId: '', id: 0 };
    const step = () => {
      if (stopped || !db.$client.open) return resolve();
      try {
        cursor = recodeSome(db, cursor!);
      } catch (e) {
        log.warn('recoding responses for the report stopped', errorFields(e));
        cursor = null;
      }
      if (cursor === null) resolve();
      else setImmediate(step);
    };
    setImmediate(step);
  });
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}
