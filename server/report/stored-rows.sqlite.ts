/**
 * SQLite's reads of stored rows (stored-rows.ts). One SQL aggregate per batch gathers a column's
 * values into one list (and the coded rows into one blob), so a million rows cross from SQLite
 * into JavaScript as a few dozen strings: value by value, creating each row's values took most of
 * the read. One process writes the file, so completion times come from one clock: a read's mark is
 * the latest completion time taken, and the next read starts a minute before it.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import type { Sql } from '../db/store';
import type { ReadMark, RowBatch, StoredRows, Take } from './stored-rows';

/** Counted responses: completed, not the builder's test answers. */
export const COUNTED = "survey_id = ? and status = 'complete' and is_test = 0";

const BATCH = 65_536;

/**
 * Responses committed out of completion order (two requests racing) land within this window
 * behind the latest completion time read; reading it again and skipping ids already taken keeps
 * the columns exact.
 */
const OVERLAP_MS = 60_000;

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

/** The SQLite database under the store's query builder. */
const sqliteOf = (db: Sql) => (db as unknown as Db).$client;

/** The latest completion time among the survey's counted responses, or null when it has none. */
function latestCompletion(db: Database.Database, surveyId: string): number | null {
  return db.prepare(`select max(completed_at) from responses where ${COUNTED}`).pluck().get(surveyId) as number | null;
}

/**
 * Takes the batches, noting the rows completed at or after `from` (those a later read may bring
 * again), and returns the mark past them: the latest completion time taken, and the rows within
 * the overlap behind it.
 */
function takeNoting(
  batches: Iterable<RowBatch>,
  from: number,
  prior: ReadMark,
  take: Take,
  keep?: (id: number) => boolean,
) {
  let at = prior.at;
  const noted = new Map(prior.seen);
  for (const batch of batches) {
    take(batch, keep);
    for (let r = 0; r < batch.n; r++) {
      const t = batch.completedAt[r];
      if (t > at) at = t;
      if (t >= from) noted.set(batch.id[r], t);
    }
  }
  for (const [id, t] of noted) if (t < at - OVERLAP_MS) noted.delete(id);
  return { at, seen: noted, changes: 0 };
}

/** The mark of columns built in one pass elsewhere (the parallel build): as if `readAll` had read them. */
export function markOfRead(completedAt: Float64Array, id: Int32Array, n: number): ReadMark {
  let at = 0;
  for (let i = 0; i < n; i++) if (completedAt[i] > at) at = completedAt[i];
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) if (completedAt[i] >= at - OVERLAP_MS) seen.set(id[i], completedAt[i]);
  return { at, seen, changes: 0 };
}

export const sqliteRows: StoredRows = {
  async readAll(db, surveyId, unfit, take) {
    const sqlite = sqliteOf(db);
    // The latest completion before the read bounds which rows a later read may bring again.
    const latest = latestCompletion(sqlite, surveyId);
    const range = idRange(sqlite, surveyId);
    const batches = range ? rowsByIds(sqlite, surveyId, unfit, range.lo, range.hi) : [];
    return takeNoting(batches, (latest ?? 0) - OVERLAP_MS, { at: 0, seen: new Map(), changes: 0 }, take);
  },
  async readSince(db, surveyId, unfit, mark, take) {
    const from = mark.at - OVERLAP_MS;
    const keep = (id: number) => !mark.seen.has(id);
    return takeNoting(rowsCompletedSince(sqliteOf(db), surveyId, unfit, from), from, mark, take, keep);
  },
  async countAt(db, surveyId, at) {
    return indexCount(sqliteOf(db), surveyId, at);
  },
};

/**
 * Completed responses (test ones too) up to `at`, counted on the index alone: the check that a
 * snapshot still agrees with the table costs milliseconds, where filtering out test responses
 * would read every row.
 */
function indexCount(db: Database.Database, surveyId: string, at: number): number {
  return db
    .prepare(`select count(*) from responses where survey_id = ? and status = 'complete' and completed_at <= ?`)
    .pluck()
    .get(surveyId, at) as number;
}
