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

// 3: every survey has the customer fields' columns (shared/customers/fields.ts).
const FORMAT = 3;

/** Where a database's snapshots live, or null for an in-memory database. */
export function snapshotDir(db: Db): string | null {
  const file = db.$client.name;
  return file && file !== ':memory:' && !db.$client.memory ? `${file}-reports` : null;
}

const fileOf = (dir: string, surveyId: string) => join(dir, `${surveyId.replace(/[^\w-]/g, '_')}.v8`);

export interface Snapshot<T> {
  surveyId: string;
  versionId: number;
  watermark: number;
  n: number;
  /** Completed responses in the table up to the watermark when written: the check on reading. */
  tableCount: number;
  cols: T;
}

/** The survey's stored snapshot for `versionId`, or null when there is none or it is unreadable. */
export function readSnapshot<T>(db: Db, surveyId: string, versionId: number): Snapshot<T> | null {
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
export function writeSnapshot<T>(db: Db, snapshot: Snapshot<T>): boolean {
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

export function dropSnapshot(db: Db, surveyId: string) {
  const dir = snapshotDir(db);
  if (dir) rmSync(fileOf(dir, surveyId), { force: true });
}
