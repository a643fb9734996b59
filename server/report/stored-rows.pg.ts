/**
 * PostgreSQL's reads of stored rows (stored-rows.ts), for nodes that share the database.
 *
 * Rows come a batch at a time by id on the report index (keyset, so memory stays bounded), each
 * batch gathered by PostgreSQL's aggregates into a few values (the coded answers into one bytea),
 * JSON answers only for the rows without a fitting coded form.
 *
 * Which rows are new since a node's last read: completion times come from the clocks of several
 * nodes and commits land out of order, so neither they nor ids can say it. A trigger stamps each
 * row with the transaction that completed it (`completed_xact`, migration 0005_report_xact). A
 * read runs in one REPEATABLE READ snapshot and keeps that snapshot's xmin as its mark: every
 * transaction below xmin had ended when the snapshot was taken, so its rows were either visible to
 * the read (taken) or never committed. Any row committed later was completed by a transaction at
 * or above xmin. The next read therefore takes the rows stamped at or above the mark, skipping
 * those the last read already took (remembered with their stamps, and forgotten once the mark
 * passes them). A long-open transaction holds the mark back, which only makes reads re-read more.
 * Rows changed or deleted after completion (an erasure) are counted per survey by triggers; a
 * read that finds the count moved since its mark has the columns built again.
 */
import type pg from 'pg';
import { pgPool } from '../db/pg-store';
import type { Sql } from '../db/store';
import type { PlainRow, ReadMark, RowBatch, StoredRows, Take } from './stored-rows';

const BATCH = 65_536;

const poolOf = (db: Sql) => (db as unknown as { $client: pg.Pool }).$client;

/** Runs `work` on one connection inside one read-only snapshot. */
async function inSnapshot<T>(db: Sql, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let failed: Error | undefined;
  try {
    await client.query('begin isolation level repeatable read read only');
    const out = await work(client);
    await client.query('commit');
    return out;
  } catch (e) {
    failed = e as Error;
    throw e;
  } finally {
    // A connection whose transaction failed is not handed back to the pool.
    client.release(failed);
  }
}

const COUNTED = "survey_id = $1 and status = 'complete' and is_test = false";

/**
 * One batch of the survey's counted rows past id `$2`, filtered by `where`, as one row: each
 * field gathered into one list by an aggregate, the coded rows into one bytea, so a batch crosses
 * into JavaScript as a few values rather than tens of thousands of rows (parsing each row's fields
 * took most of the read). One aggregate pass feeds every list the rows in the same order. Rows of
 * a version in `$4` (coded rows that don't fit the latest, coded-answers.ts `codedFits`) or
 * without a coded form bring their JSON answers instead. The rows stamped at or above `$5` come
 * with their stamps: the ones a later read brings again. The JSON answers are read only for the
 * rows that need them: their texts are most of a row's bytes. Hidden fields are JSON texts joined
 * by U+0001, which valid JSON never holds unescaped (a JSON list of them would escape every quote,
 * on the server and again when parsed here); a row without them is an empty text.
 */
const batchSql = (where: string) => `select count(*), max(id), string_agg(id::text, ','),
    string_agg(completed_at::text, ','), string_agg(wave::text, ','), json_agg(quota_cell), string_agg(coalesce(hidden, ''), chr(1)),
    string_agg(c, ''::bytea), json_agg(json_build_array(id, version_id, duration, a::json)) filter (where c is null),
    json_agg(json_build_array(id, completed_xact)) filter (where completed_xact >= $5)
  from (select id, completed_at, wave, quota_cell, hidden, version_id, duration, completed_xact, c,
      case when c is null then answers end as a
    from (select id, completed_at, wave, quota_cell, hidden, version_id, duration, completed_xact, answers,
        case when coded is not null and version_id <> all($4::int[]) then coded end as c
      from responses where ${COUNTED} and id > $2${where} order by id limit $3) rows) batch`;

type Raw = [
  number,
  number | null,
  string | null,
  string | null,
  string | null,
  (string | null)[] | null,
  string | null,
  Buffer | null,
  PlainRow[] | null,
  [number, number][] | null,
];

const list = (text: string | null) => JSON.parse(`[${text ?? ''}]`) as number[];

/**
 * Takes the rows `where` selects, batch by batch, and notes those stamped at or above `at` (the
 * ones a later read brings again). The next batch is asked for before this one is taken, so the
 * database reads it while this thread fills the columns.
 */
async function readRows(
  client: pg.ClientBase,
  surveyId: string,
  unfit: readonly number[],
  where: { sql: string; params: unknown[] },
  at: number,
  take: Take,
  keep?: (id: number) => boolean,
  from = 1,
): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  const text = batchSql(where.sql);
  const ask = (after: number) => {
    const asked = client.query<Raw>({
      text,
      values: [surveyId, after, BATCH, unfit, at, ...where.params],
      rowMode: 'array',
    });
    // Awaited below unless taking the batch before it fails, which is then the error that counts.
    asked.catch(() => undefined);
    return asked;
  };
  for (let next = ask(from - 1); ; ) {
    const [n, last, ids, times, waves, cells, hidden, coded, plain, stamped] = (await next).rows[0];
    if (n === 0) break;
    const more = n === BATCH;
    if (more) next = ask(last!);
    const batch: RowBatch = {
      n,
      id: list(ids),
      completedAt: list(times),
      wave: list(waves),
      quotaCell: cells ?? [],
      hidden: hidden === null ? [] : hidden.split('\u0001'),
      coded: coded ?? EMPTY,
      plain: plain ?? [],
    };
    take(batch, keep);
    for (const [id, stamp] of stamped ?? []) seen.set(id, stamp);
    if (!more) break;
  }
  return seen;
}

const EMPTY = Buffer.alloc(0);

/**
 * The oldest transaction still open when the read's snapshot was taken (its first statement), and
 * how many times the survey's completed rows had been changed or deleted by then (migration
 * 0005_report_xact's `report_changes`).
 */
async function snapshotMark(client: pg.ClientBase, surveyId: string): Promise<{ at: number; changes: number }> {
  const { rows } = await client.query<[number, number]>({
    text: `select pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
      coalesce((select changes from report_changes where survey_id = $1), 0)`,
    values: [surveyId],
    rowMode: 'array',
  });
  return { at: rows[0][0], changes: rows[0][1] };
}

export const pgRows: StoredRows = {
  readAll(db, surveyId, unfit, take) {
    return inSnapshot(db, async (client) => {
      const { at, changes } = await snapshotMark(client, surveyId);
      const seen = await readRows(client, surveyId, unfit, { sql: '', params: [] }, at, take);
      return { at, seen, changes };
    });
  },
  readSince(db, surveyId, unfit, mark: ReadMark, take) {
    return inSnapshot(db, async (client) => {
      const { at, changes } = await snapshotMark(client, surveyId);
      if (changes !== mark.changes) return null;
      const where = { sql: ' and completed_xact >= $6', params: [mark.at] };
      const keep = (id: number) => !mark.seen.has(id);
      const seen = await readRows(client, surveyId, unfit, where, at, take, keep);
      return { at, seen, changes };
    });
  },
  async countAt(db, surveyId, at) {
    // Every row (the sizing of a first read) is counted on an index alone; a bound needs each row's stamp.
    const { rows } = await poolOf(db).query<[number]>(
      at >= Number.MAX_SAFE_INTEGER
        ? {
            text: "select count(*) from responses where survey_id = $1 and status = 'complete'",
            values: [surveyId],
            rowMode: 'array',
          }
        : {
            text: `select count(*) from responses where survey_id = $1 and status = 'complete'
              and (completed_xact is null or completed_xact < $2)`,
            values: [surveyId, at],
            rowMode: 'array',
          },
    );
    return rows[0][0];
  },
};

/** How many counted responses the survey has, counting no further than `limit`, on the report index. */
export async function countedUpTo(db: Sql, surveyId: string, limit: number): Promise<number> {
  const { rows } = await poolOf(db).query<[number]>({
    text: `select count(*) from (select 1 from responses where ${COUNTED} limit $2) counted`,
    values: [surveyId, Math.trunc(limit)],
    rowMode: 'array',
  });
  return rows[0][0];
}

/**
 * A first read split over several connections (the parallel build, parallel-build.ts): one
 * snapshot is exported and each part reads its range of ids in it (`readRange`), so the parts
 * together are exactly what one read would have taken. `read` is handed the snapshot and the
 * ranges, and the snapshot stays open until it resolves.
 */
export async function readInParts(
  db: Sql,
  surveyId: string,
  parts: number,
  read: (snapshot: string, ranges: [number, number][]) => Promise<void>,
): Promise<ReadMark> {
  return inSnapshot(db, async (client) => {
    const { at, changes } = await snapshotMark(client, surveyId);
    const { rows } = await client.query<[string, number | null, number | null]>({
      text: `select pg_export_snapshot(),
        (select min(id) from responses where ${COUNTED}), (select max(id) from responses where ${COUNTED})`,
      values: [surveyId],
      rowMode: 'array',
    });
    const [snapshot, lo, hi] = rows[0];
    const ranges: [number, number][] = [];
    if (lo !== null && hi !== null) {
      const step = Math.ceil((hi - lo + 1) / parts);
      for (let from = lo; from <= hi; from += step) ranges.push([from, Math.min(hi, from + step - 1)]);
    }
    await read(snapshot, ranges);
    const stamped = await client.query<[number, number]>({
      text: `select id, completed_xact from responses where ${COUNTED} and completed_xact >= $2`,
      values: [surveyId, at],
      rowMode: 'array',
    });
    return { at, seen: new Map(stamped.rows), changes };
  });
}

/** The pool's connection string, for a worker thread to open a connection of its own. */
export const connectionOf = (db: Sql) =>
  (poolOf(db) as unknown as { options: { connectionString: string } }).options.connectionString;

/** One part of `readInParts`: the rows with ids `from` to `to`, in the exported snapshot, on a connection of its own. */
export async function readRange(
  url: string,
  snapshot: string,
  surveyId: string,
  unfit: readonly number[],
  from: number,
  to: number,
  take: Take,
) {
  const pool = pgPool(url, 1);
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set transaction snapshot '${snapshot.replace(/[^\w-]/g, '')}'`);
    await readRows(
      client,
      surveyId,
      unfit,
      { sql: ' and id <= $6', params: [to] },
      Number.MAX_SAFE_INTEGER,
      take,
      undefined,
      from,
    );
    await client.query('commit');
  } finally {
    client.release();
    await pool.end();
  }
}
