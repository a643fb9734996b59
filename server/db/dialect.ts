export type Dialect = 'sqlite' | 'pg';

/** A PostgreSQL address in DATABASE_URL (postgres:// or postgresql://). */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The dialect of this process, fixed before any table is read: PostgreSQL when DATABASE_URL names
 * one, else the embedded SQLite file. One process talks to one database, so the tables of
 * server/db/tables.ts are chosen once, here, rather than threaded through every query.
 */
export const DIALECT: Dialect = POSTGRES_URL.test(process.env.DATABASE_URL ?? '') ? 'pg' : 'sqlite';
