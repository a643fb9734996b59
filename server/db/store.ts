import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { DIALECT, type Dialect } from './dialect';
import type * as schema from './schema';

/**
 * What data access is written against on both dialects: Drizzle's query builder over the tables
 * of server/db/tables.ts, always awaited. Typed as an asynchronous SQLite database so every result
 * is a promise; on PostgreSQL the same calls build PostgreSQL's SQL. Use only what both answer to:
 * select/insert/update/delete, `.returning()`, `onConflictDoNothing`/`onConflictDoUpdate`, and
 * `await` (never `.get()`, `.all()` or `.run()`, which PostgreSQL's builders lack).
 */
export type Sql = BaseSQLiteDatabase<'async', unknown, typeof schema>;

/** A query handed to the store's driver by `yield* q(…)` inside a unit of work. */
export type Work<T> = Generator<PromiseLike<unknown>, T, unknown>;

export interface Store {
  readonly dialect: Dialect;
  readonly db: Sql;
  /**
   * Runs `work` as one transaction and resolves with its result. `work` is a generator that yields
   * its queries through `q`: on SQLite the store runs each at once and the whole unit synchronously
   * inside one IMMEDIATE transaction (better-sqlite3 cannot hold a transaction across an await, and
   * nothing else can interleave with it); on PostgreSQL it awaits them inside a real transaction.
   * Writes that must not race take row locks (`forUpdate`) or are atomic conditional updates.
   * A failing statement fails the whole unit on both: catch nothing inside.
   */
  transaction<T>(work: (tx: Sql) => Work<T>): Promise<T>;
  /** Runs `work` like `transaction` but outside one: for reads made of several queries. */
  run<T>(work: (db: Sql) => Work<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * One query of a unit of work, with its result typed: `const rows = yield* q(tx.select()…)`.
 * @example
 * await store.transaction(function* (tx) {
 *   const [user] = yield* q(tx.select().from(users).where(eq(users.id, id)));
 *   yield* q(tx.update(users).set({ name }).where(eq(users.id, id)));
 *   return user;
 * });
 */
export function* q<T>(query: PromiseLike<T>): Generator<PromiseLike<unknown>, T, unknown> {
  return (yield query) as T;
}

/** How many rows an insert, update or delete without `.returning()` touched, on either driver. */
export function affected(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/**
 * The select locks the rows it reads until the transaction ends (`FOR UPDATE`) on PostgreSQL; on
 * SQLite the IMMEDIATE transaction already holds the only write lock, so it is the select itself.
 */
export function forUpdate<Q extends PromiseLike<unknown>>(query: Q): Q {
  const lockable = query as Q & { for?: (strength: 'update') => Q };
  return typeof lockable.for === 'function' ? lockable.for('update') : query;
}

/**
 * Like `forUpdate`, but rows another transaction holds are passed over instead of waited for
 * (`FOR UPDATE SKIP LOCKED`): how workers on several nodes each claim different rows of a queue.
 * On SQLite the IMMEDIATE transaction runs alone, so there is nothing to pass over.
 */
export function claimable<Q extends PromiseLike<unknown>>(query: Q): Q {
  const lockable = query as Q & { for?: (strength: 'update', config: { skipLocked: true }) => Q };
  return typeof lockable.for === 'function' ? lockable.for('update', { skipLocked: true }) : query;
}

/** What `exclusive` yields on SQLite: nothing to run. */
export const NOTHING: PromiseLike<undefined> = Promise.resolve(undefined);

/**
 * Keys of the transaction-scoped locks taken with `exclusive`, one per kind of work; large and
 * particular, since other software on the same database shares the advisory lock space.
 */
export const LOCKS = {
  firstAdmin: 7_318_224_552,
  caseEscalation: 7_318_224_553,
  customerDraws: 7_318_224_555,
  customerRows: 7_318_224_554,
} as const;

/**
 * Makes the rest of the unit of work run alone among units taking the same lock, on every node:
 * for checks no row lock can cover (whether any row exists at all). PostgreSQL holds a
 * transaction-scoped advisory lock; SQLite's IMMEDIATE transaction already runs alone.
 */
export function exclusive(tx: Sql, key: (typeof LOCKS)[keyof typeof LOCKS]): PromiseLike<unknown> {
  if (DIALECT === 'sqlite') return NOTHING;
  return (tx as unknown as PgDatabase<PgQueryResultHKT>).execute(sql`select pg_advisory_xact_lock(${key}::bigint)`);
}
