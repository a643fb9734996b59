/**
 * Codes again the counted responses that have no coded form (coded-answers.ts): those stored
 * before it existed (migration 0007) or in its first format (cleared by migration 0009), and on
 * PostgreSQL rows copied from such a SQLite file (`npm run migrate-to-postgres`). The report reads
 * such rows from their JSON answers, which gives the same report, only slower; once coded they
 * read at the speed of the rest. A few hundred rows per transaction, one per turn of the event
 * loop, so respondents' submissions keep going meanwhile.
 */
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as v from 'valibot';
import { DIALECT } from '../db/dialect';
import { affected, claimable, q, type Sql, type Store, type Work } from '../db/store';
import { responses, surveyVersions } from '../db/tables';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { codedAnswers } from './coded-answers';
import { errorFields, log } from '../ops/log';

/** Where the last pass stopped, by (survey, id): every row before it has been looked at. */
export interface RecodeCursor {
  surveyId: string;
  id: number;
}

/**
 * The partial index of exactly these rows (schema.ts and pg-schema.ts, `responses_uncoded_idx`),
 * its condition in each dialect's words: none left costs nothing. SQLite is told the index, or it
 * would walk the report index, which also holds `coded`, through every coded row.
 */
const [UNCODED_FROM, UNCODED] =
  DIALECT === 'pg'
    ? [sql.raw('responses'), sql.raw("status = 'complete' and is_test = false and coded is null")]
    : [
        sql.raw('responses indexed by responses_uncoded_idx'),
        sql.raw("status = 'complete' and is_test = 0 and coded is null"),
      ];

/** The update's condition: still uncoded and counted, as a submission may have changed the row since it was read. */
const stillUncoded = (id: number): SQL =>
  and(eq(responses.id, id), isNull(responses.coded), eq(responses.status, 'complete'), eq(responses.isTest, false))!;

/**
 * Codes up to `limit` uncoded counted responses after `cursor`, as one unit of work. Returns how
 * far it got, or null when no such row is left. A row whose answers or version can't be read is
 * passed over and stays read from its JSON.
 */
export function* recodeSome(
  db: Sql,
  cursor: RecodeCursor = { surveyId: '', id: 0 },
  limit = 500,
): Work<RecodeCursor | null> {
  // Nodes starting together each code other rows: on PostgreSQL the rows another node's unit
  // holds are passed over (it codes them).
  const rows = yield* q(
    claimable(
      db
        .select({
          id: sql<number>`id`,
          surveyId: sql<string>`survey_id`,
          versionId: sql<number>`version_id`,
          answers: sql<string>`answers`,
          duration: sql<number | null>`duration`,
        })
        .from(UNCODED_FROM)
        .where(sql`${UNCODED} and (survey_id, id) > (${cursor.surveyId}, ${cursor.id})`)
        .orderBy(sql`survey_id, id`)
        .limit(limit),
    ),
  );
  if (rows.length === 0) return null;
  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const defs = new Map<number, SurveyDefinition | null>();
  for (const row of yield* q(
    db
      .select({ id: surveyVersions.id, definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(inArray(surveyVersions.id, versionIds)),
  )) {
    const parsed = v.safeParse(SurveyDefinitionSchema, row.definition);
    defs.set(row.id, parsed.success ? parsed.output : null);
  }
  const recoded = new Map<string, number>();
  for (const row of rows) {
    const def = defs.get(row.versionId);
    let answers: unknown;
    try {
      answers = JSON.parse(row.answers);
    } catch {
      continue;
    }
    if (!def || !answers || typeof answers !== 'object') continue;
    const coded = codedAnswers(def, row.versionId, answers as Record<string, unknown>, row.duration);
    const result = yield* q(db.update(responses).set({ coded }).where(stillUncoded(row.id)));
    recoded.set(row.surveyId, (recoded.get(row.surveyId) ?? 0) + affected(result));
  }
  if (DIALECT === 'pg') yield* uncount(db, recoded);
  const last = rows[rows.length - 1];
  return { surveyId: last.surveyId, id: last.id };
}

/**
 * On PostgreSQL a trigger counts every change to a completed row in `report_changes`, and a node
 * whose columns were read before a change builds them again (stored-rows.pg.ts). A coded form
 * written where there was none changes nothing the report reads (the JSON gives the same
 * columns), so the unit takes its own counts back before it commits: no node sees them, and a
 * change another transaction counts meanwhile (it waits for this row's lock) stays counted.
 */
function* uncount(db: Sql, recoded: Map<string, number>): Work<void> {
  const pg = db as unknown as PgDatabase<PgQueryResultHKT>;
  for (const [surveyId, n] of recoded)
    if (n > 0)
      yield* q(pg.execute(sql`update report_changes set changes = changes - ${n} where survey_id = ${surveyId}`));
}

/** Runs recodeSome until no uncoded row is left, one batch per turn of the event loop; `stop` ends it early. */
export function recodeInBackground(store: Store): { stop: () => void; done: Promise<void> } {
  let stopped = false;
  const done = (async () => {
    let cursor: RecodeCursor | null = { surveyId: '', id: 0 };
    while (cursor !== null && !stopped) {
      await new Promise((r) => setImmediate(r));
      if (stopped) break;
      const from: RecodeCursor = cursor;
      try {
        cursor = await store.transaction((tx) => recodeSome(tx, from));
      } catch (e) {
        // Also a store closed at shutdown: what is left is coded at the next start.
        if (!stopped) log.warn('recoding responses for the report stopped', errorFields(e));
        cursor = null;
      }
    }
  })();
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}
