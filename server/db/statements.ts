/**
 * Prepared statements of the SQLite hot paths (each submission, each invitation link, each
 * webhook), prepared once per database and kept: building a query through Drizzle on every call
 * cost several times the statement itself. One typed home for them, instead of a cache per module.
 */
import type Database from 'better-sqlite3';
import type { Db } from './client';

/** `statements(db)` prepares `build`'s statements on first use for that database, then returns them. */
export function preparedStatements<T>(build: (sqlite: Database.Database) => T): (db: Db) => T {
  const kept = new WeakMap<Db, T>();
  return (db) => {
    let st = kept.get(db);
    if (!st) kept.set(db, (st = build(db.$client)));
    return st;
  };
}
