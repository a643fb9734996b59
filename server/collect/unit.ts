/** Runs the collection's units of work on the app's database, with that dialect's statements. */
import type { AppDeps } from '../http/context';
import type { Db } from '../db/client';
import { DIALECT } from '../db/dialect';
import type { Sql, Work } from '../db/store';
import { memoOf } from './memo';
import type { SubmitStatements } from './statements';
import { pgSubmitStatements } from './statements.pg';
import { sqliteSubmitStatements } from './statements.sqlite';

type Unit<T> = (ops: SubmitStatements) => Work<T>;

/** Reads made of several queries, outside a transaction. */
export function collectRun<T>(deps: AppDeps, work: Unit<T>): Promise<T> {
  if (deps.store.dialect === 'sqlite') {
    const ops = sqliteSubmitStatements(deps.db);
    return deps.store.run(() => work(ops));
  }
  const memo = memoOf(deps.store);
  return deps.store.run((db) => work(pgSubmitStatements(db, memo)));
}

/** One transaction of its own (on PostgreSQL; on SQLite the submissions share the group commit's). */
export function collectTransaction<T>(deps: AppDeps, work: Unit<T>): Promise<T> {
  if (deps.store.dialect === 'sqlite') {
    const ops = sqliteSubmitStatements(deps.db);
    return deps.store.transaction(() => work(ops));
  }
  const memo = memoOf(deps.store);
  return deps.store.transaction((tx) => work(pgSubmitStatements(tx, memo)));
}

/**
 * The statements inside a unit of work its caller already runs (the demo's): on SQLite the
 * prepared statements of `db`, the unit's own connection; on PostgreSQL the unit's transaction.
 */
export function statementsIn(tx: Sql, db: Db): SubmitStatements {
  return DIALECT === 'sqlite' ? sqliteSubmitStatements(db) : pgSubmitStatements(tx, memoOf(tx));
}
