import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { DIALECT } from './dialect';
import { log } from '../ops/log';
import * as schema from './pg-schema';
import { PG_MIGRATIONS_DIR } from '../paths';
import type { Sql, Store, Work } from './store';

/** The advisory lock migrations are applied under (any fixed number unique to Yardstick). */
const MIGRATION_LOCK = 7_318_224_551;

const INT8 = 20;
const NUMERIC = 1700;
/**
 * count(*) and sums come back as int8 or numeric, which node-postgres hands over as strings; every
 * such figure here is a count or minor units, far below 2^53, so they are read as numbers.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Applies pending migrations of drizzle-pg/ under a session advisory lock: when several nodes
 * start at once, one migrates and the others wait for it, then find nothing left to do.
 */
export async function migratePg(pool: pg.Pool) {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder: PG_MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Runs a unit of work, awaiting each query it yields. */
async function drive<T>(work: Work<T>): Promise<T> {
  let step = work.next();
  while (!step.done) step = work.next(await step.value);
  return step.value;
}

/** The pool of a PostgreSQL database: integers and sums read as numbers. */
export function pgPool(url: string, max = 10) {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection the server ends (a restart, a failover) is dropped from the pool and
  // replaced at the next query; unhandled, its error would end the process.
  pool.on('error', (error) => log.warn('PostgreSQL dropped an idle connection', { error: error.message }));
  return pool;
}

/** Connects to the PostgreSQL database at `url`, applies pending migrations and returns the store. */
export async function openPgStore(url: string, options: { max?: number } = {}): Promise<Store> {
  const pool = pgPool(url, options.max);
  await migratePg(pool);
  return pgStore(pool);
}

/** The store over a pool of an already migrated PostgreSQL database. */
export function pgStore(pool: pg.Pool): Store {
  if (DIALECT !== 'pg') throw new Error('This process chose SQLite (DATABASE_URL names no PostgreSQL database)');
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  const sql = db as unknown as Sql;
  return {
    dialect: 'pg',
    db: sql,
    transaction<T>(work: (tx: Sql) => Work<T>) {
      return db.transaction((tx) => drive(work(tx as unknown as Sql)));
    },
    run<T>(work: (db: Sql) => Work<T>) {
      return drive(work(sql));
    },
    close: () => pool.end(),
  };
}
