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

/** Rows as parallel arrays, in the order they were read. */
export interface RowBatch {
  n: number;
  id: number[]; completedAt: number[]; versionId: number[]; wave: number[];
  quotaCell: (string | null)[]; hidden: (string | null)[];
  /** Coded rows (coded-answers.ts) end to end, and each row's length: null where it is read from its JSON. */
  coded: Buffer; codedLength: (number | null)[];
  /** Per row: the coded row's `extra`, or where it isn't coded its JSON answers. */
  json: (Record<string, unknown> | null)[];
  /** Per row: how long the response took in ms (collect's responseDuration), null if unknown. */
  duration: (number | null)[];
}

/**
 * The aggregate over `source` (a subquery of responses rows), one aggregate per field however
 * many questions. Rows without a coded form, or of a version in `unfit` (one whose coded rows
 * don't fit the latest, coded-answers.ts `codedFits`), bring their JSON answers instead; SQLite's
 * json() hands those and `extra` over already parsed into the batch's one JSON text. The coded
 * blobs are concatenated by group_concat, which copies their bytes as they are in a UTF-8
 * database (ours: SQLite's default), and cast back to one blob. Version ids are integers from
 * the table, safe in the SQL.
 */
function aggregate(unfit: readonly number[], source: string): string {
  const usable = unfit.length === 0 ? 'coded is not null' : `coded is not null and version_id not in (${unfit.map((id) => Math.trunc(id)).join(',')})`;
  return `select count(*), group_concat(id), group_concat(completed_at), group_concat(version_id), group_concat(wave),
      json_group_array(quota_cell), json_group_array(hidden), cast(group_concat(c, '') as blob), json_group_array(length(c)),
      json_group_array(json(j)), json_group_array(duration)
    from (select id, completed_at, version_id, wave, quota_cell, hidden, duration,
      iif(${usable}, coded, null) as c, iif(${usable}, extra, answers) as j
      from ${source})`;
}

const EMPTY = Buffer.alloc(0);

function batchOf(row: unknown[]): RowBatch {
  const list = (k: number) => JSON.parse(`[${(row[k] as string | null) ?? ''}]`) as number[];
  const json = (k: number) => JSON.parse(row[k] as string) as never;
  return {
    n: row[0] as number, id: list(1), completedAt: list(2), versionId: list(3), wave: list(4), quotaCell: json(5), hidden: json(6),
    coded: (row[7] as Buffer | null) ?? EMPTY, codedLength: json(8), json: json(9), duration: json(10),
  };
}

/**
 * The survey's counted rows with ids from `from` to `to`, in storage order, a range of ids at a
 * time. "not indexed" keeps SQLite walking the table by rowid rather than fetching each row
 * through the survey index, ten times slower for a million rows.
 */
export function* rowsByIds(db: Database.Database, surveyId: string, unfit: readonly number[], from: number, to: number, batchSize = BATCH): Generator<RowBatch> {
  const stmt = db.prepare(aggregate(unfit, `responses not indexed where id between ? and ? and ${COUNTED}`)).raw();
  for (let lo = from; lo <= to; lo += batchSize) {
    const batch = batchOf(stmt.get(lo, Math.min(to, lo + batchSize - 1), surveyId) as unknown[]);
    if (batch.n > 0) yield batch;
  }
}

/** The survey's counted rows completed at or after `since`, by completion time (on the index), a batch at a time. */
export function* rowsCompletedSince(db: Database.Database, surveyId: string, unfit: readonly number[], since: number, batchSize = BATCH): Generator<RowBatch> {
  const stmt = db.prepare(aggregate(unfit, `(select * from responses where ${COUNTED}
    and completed_at >= ? and (completed_at > ? or id > ?) order by completed_at, id limit ${Math.trunc(batchSize)})`)).raw();
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

/** The survey's smallest and largest response ids, or null when it has none. */
export function idRange(db: Database.Database, surveyId: string): { lo: number; hi: number } | null {
  const r = db.prepare('select min(id) as lo, max(id) as hi from responses where survey_id = ?').get(surveyId) as { lo: number | null; hi: number | null };
  return r.lo === null || r.hi === null ? null : { lo: r.lo, hi: r.hi };
}
