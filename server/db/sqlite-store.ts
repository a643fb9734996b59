import type { Db } from './client';
import { DIALECT } from './dialect';
import { NOTHING, type Sql, type Store, type Work } from './store';

interface SyncQuery {
  prepare(): { execute(): { sync(): unknown } };
}

/**
 * Runs a unit of work to its end with each yielded query executed at once, synchronously: what
 * the store does on SQLite, and what SQLite-only code (the demo) uses to run a unit inside its own
 * synchronous transaction.
 */
export function runNow<T>(work: Work<T>): T {
  let step = work.next();
  while (!step.done) {
    const query = step.value;
    step = work.next(query === NOTHING ? undefined : (query as unknown as SyncQuery).prepare().execute().sync());
  }
  return step.value;
}

/** The SQLite database as the two dialects' query builder, for running units of work with runNow. */
export const sqlOf = (db: Db) => db as unknown as Sql;

/** The store over an open SQLite file (server/db/client.ts): the default, embedded dialect. */
export function sqliteStore(db: Db): Store {
  if (DIALECT !== 'sqlite')
    throw new Error("This process chose PostgreSQL (DATABASE_URL): its tables are not SQLite's");
  const sql = sqlOf(db);
  return {
    dialect: 'sqlite',
    db: sql,
    transaction<T>(work: (tx: Sql) => Work<T>) {
      try {
        return Promise.resolve(db.$client.transaction(() => runNow(work(sql))).immediate());
      } catch (error) {
        return Promise.reject(error);
      }
    },
    run<T>(work: (db: Sql) => Work<T>) {
      try {
        return Promise.resolve(runNow(work(sql)));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async close() {
      db.$client.close();
    },
  };
}
