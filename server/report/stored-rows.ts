/**
 * Completed responses read out of the table for the report's columns, a batch at a time as
 * parallel arrays. One SQL aggregate per batch gathers a column's values into one list (and the
 * coded rows into one blob), so a million rows cross from SQLite into JavaScript as a few dozen
 * strings: value by value, creating each row's values took most of the read.
 */
import type Database from 'better-sqlite3';

/** Counted responses: completed, not the builder's test answers. */
export const COUNTED = "survey_id = ? and status = 'complete' and is_test = 0";

const BATCH = 65_536;

/** A row read from its JSON answers: id, version id, duration (ms, null if unknown), answers. */
export type PlainRow = [number, number, number | null, Record<string, unknown>];

/** Rows as parallel arrays, in the order they were read. */
export interface RowBatch {
  n: number;
  id: number[];
  completedAt: number[];
  wave: number[];
  quotaCell: (string | null)[];
  hidden: (string | null)[];
  /** The coded rows (coded-answers.ts) end to end, in the same order, leaving out the plain ones. */
  coded: Buffer;
  /** The rows read from their JSON answers instead, in the same order. */
  plain: PlainRow[];
}

/**
 * The aggregate over `source` (a subquery of responses rows), one aggregate per field however
 * many questions. Rows without a coded form, or of a version in `unfit` (one whose coded rows
 * don't fit the latest, coded-answers.ts `codedFits`), bring their JSON answers instead, which
 * SQLite's json() hands over already parsed into the batch's one JSON text. The coded blobs are
 * concatenated by group_concat, which copies their bytes as they are in a UTF-8 database (ours:
 * SQLite's default), and cast back to one blob. Version ids are integers from the table, safe in
 * the SQL.
 */
function aggregate(unfit: readonly number[], source: string): string {
  const usable =
    unfit.length === 0
      ? 'coded is not null'
      : `coded is not null and version_id not in (${unfit.map((id) => Math.trunc(id)).join(',')})`;
  return `select count(*), group_concat(id), group_concat(completed_at), group_concat(wave), json_group_array(quota_cell), json_group_array(hidden),
      cast(group_concat(c, '') as blob), json_group_array(json_array(id, version_id, duration, json(answers))) filter (where c is null)
    from (select id, completed_at, version_id, wave, quota_cell, hidden, duration, answers, iif(${usable}, coded, null) as c from ${source})`;
}

const EMPTY = Buffer.alloc(0);

function batchOf(row: unknown[]): RowBatch {
  const list = (k: number) => JSON.parse(`[${(row[k] as string | null) ?? ''}]`) as number[];
  const json = (k: number) => JSON.parse(row[k] as string) as never;
  return {
    n: row[0] as number,
    id: list(1),
    completedAt: list(2),
    wave: list(3),
    quotaCell: json(4),
    hidden: json(5),
    coded: (row[6] as Buffer | null) ?? EMPTY,
    plain: json(7),
  };
}

/**
 * The survey's counted rows with ids from `from` to `to`, by id, a range of ids at a time, from
 * the partial index that holds what the report reads (schema.ts, `responses_report_idx`): a
 * fifth of the bytes of the rows themselves. Only the rows read from their JSON go to the table.
 * Fetching the rows through the survey index instead would visit the table in random order, ten
 * times slower for a million rows.
 */
export function* rowsByIds(
  db: Database.Database,
  surveyId: string,
  unfit: readonly number[],
  from: number,
  to: number,
  batchSize = BATCH,
): Generator<RowBatch> {
  const stmt = db
    .prepare(aggregate(unfit, `responses indexed by responses_report_idx where ${COUNTED} and id between ? and ?`))
    .raw();
  for (let lo = from; lo <= to; lo += batchSize) {
    const batch = batchOf(stmt.get(surveyId, lo, Math.min(to, lo + batchSize - 1)) as unknown[]);
    if (batch.n > 0) yield batch;
  }
}

/** The survey's counted rows completed at or after `since`, by completion time (on the index), a batch at a time. */
export function* rowsCompletedSince(
  db: Database.Database,
  surveyId: string,
  unfit: readonly number[],
  since: number,
  batchSize = BATCH,
): Generator<RowBatch> {
  const stmt = db
    .prepare(
      aggregate(
        unfit,
        `(select * from responses where ${COUNTED}
    and completed_at >= ? and (completed_at > ? or id > ?) order by completed_at, id limit ${Math.trunc(batchSize)})`,
      ),
    )
    .raw();
  let at = since;
  let after = -1;
  for (;;) {
    const batch = batchOf(stmt.get(surveyId, at, at, after) as unknown[]);
    if (batch.n === 0) return;
    yield batch;
    if (batch.n < batchSize) return;
    after = batch.id[batch.n - 1];
    at = batch.completedAt[batch.n - 1];
  }
}

/**
 * The smallest and largest ids of the survey's counted responses, or null when it has none: two
 * look-ups at the ends of the report index (a min and a max in one query would walk it all).
 */
export function idRange(db: Database.Database, surveyId: string): { lo: number; hi: number } | null {
  const end = (f: 'min' | 'max') =>
    db
      .prepare(`select ${f}(id) from responses indexed by responses_report_idx where ${COUNTED}`)
      .pluck()
      .get(surveyId) as number | null;
  const lo = end('min');
  return lo === null ? null : { lo, hi: end('max')! };
}

/** How many counted responses the survey has, counting no further than `limit`. */
export function countedUpTo(db: Database.Database, surveyId: string, limit: number): number {
  return db
    .prepare(`select count(*) from (select 1 from responses where ${COUNTED} limit ?)`)
    .pluck()
    .get(surveyId, Math.trunc(limit)) as number;
}
