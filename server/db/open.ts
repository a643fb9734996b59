import { openDb, type Db } from './client';
import { DIALECT } from './dialect';
import { openPgStore } from './pg-store';
import { sqliteStore } from './sqlite-store';
import type { Store } from './store';
import type { Config } from '../config';

/**
 * Stands in for the SQLite database in a process on PostgreSQL: an area not yet on the two-dialect
 * store fails at once with its name, instead of quietly writing somewhere else.
 */
export const sqliteOnly = new Proxy(
  {},
  {
    get(_, key) {
      throw new Error(`db.${String(key)}: this area still needs the SQLite database (docs/postgres.md)`);
    },
  },
) as Db;

/**
 * Opens and migrates the process's database: the SQLite file, or the PostgreSQL database of
 * DATABASE_URL (migrated under its advisory lock). `db` is the SQLite database for the areas not
 * yet on the store; `store.close()` closes either.
 */
export async function openDatabases(config: Config): Promise<{ db: Db; store: Store }> {
  if (DIALECT === 'pg')
    // The address that chose the dialect (server/db/dialect.ts) when the configuration names none.
    return {
      db: sqliteOnly,
      store: await openPgStore(config.DATABASE_URL ?? process.env.DATABASE_URL!, { max: config.DATABASE_POOL_SIZE }),
    };
  if (config.DATABASE_URL)
    throw new Error(
      'DATABASE_URL names a PostgreSQL database, but this process chose SQLite: set it in its environment',
    );
  const db = openDb(config.DATABASE_PATH);
  return { db, store: sqliteStore(db) };
}
