/**
 * The report's columns kept on disk beside the database, so a restart doesn't rebuild a
 * million-response survey from its JSON answers (seconds) but reads one file (a fraction of a
 * second) and then only the rows completed since. The files are a cache: deleting them loses
 * nothing, backups don't need them, and one that doesn't match the table is ignored.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Db } from '../db/client';
import { DIALECT } from '../db/dialect';
import type { Sql } from '../db/store';
import type { ReadMark } from './stored-rows';

// 3: every survey has the customer fields' columns (shared/customers/fields.ts). 4: a read's mark
// (stored-rows.ts) instead of a completion time.
const FORMAT = 4;

/**
 * Where a database's snapshots live: beside the SQLite file; none for an in-memory database, nor
 * on PostgreSQL, where nodes hold no file of the database to keep them beside.
 */
export function snapshotDir(db: Sql): string | null {
  if (DIALECT !== 'sqlite') return null;
  const sqlite = (db as unknown as Db).$client;
  const file = sqlite.name;
  return file && file !== ':memory:' && !sqlite.memory ? `${file}-reports` : null;
}

const fileOf = (dir: string, surveyId: string) => join(dir, `${surveyId.replace(/[^\w-]/g, '_')}.v8`);

export interface Snapshot<T> {
  surveyId: string;
  versionId: number;
  /** Where the read of the columns left off. */
  mark: ReadMark;
  n: number;
  /** Completed responses in the table up to the mark when written: the check on reading. */
  tableCount: number;
  cols: T;
}

/** The survey's stored snapshot for `versionId`, or null when there is none or it is unreadable. */
export function readSnapshot<T>(db: Sql, surveyId: string, versionId: number): Snapshot<T> | null {
  const dir = snapshotDir(db);
  if (!dir) return null;
  try {
    const s = deserialize(readFileSync(fileOf(dir, surveyId))) as Snapshot<T> & { format: number };
    return s.format === FORMAT && s.surveyId === surveyId && s.versionId === versionId ? s : null;
  } catch {
    return null;
  }
}

/** Writes the snapshot atomically (a temp file renamed over the old one); failures only cost speed. */
export function writeSnapshot<T>(db: Sql, snapshot: Snapshot<T>): boolean {
  const dir = snapshotDir(db);
  if (!dir) return false;
  const file = fileOf(dir, snapshot.surveyId);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.tmp`, serialize({ format: FORMAT, ...snapshot }));
    renameSync(`${file}.tmp`, file);
    return true;
  } catch {
    return false;
  }
}

export function dropSnapshot(db: Sql, surveyId: string) {
  const dir = snapshotDir(db);
  if (dir) rmSync(fileOf(dir, surveyId), { force: true });
}
