import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { sqliteOnly } from '../../server/db/open';
import { pgPool, pgStore } from '../../server/db/pg-store';
import { TEMPLATE_DB } from './postgres';

export type Row = Record<string, unknown>;

/**
 * A fresh database on the test server (tests/support/postgres.ts), copied from the migrated
 * template; made synchronously so test set-ups stay as they are on SQLite.
 */
export function pgTestDatabase() {
  const url = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const { port } = new URL(url);
  execFileSync(
    join(inject('postgresBin'), 'psql'),
    [
      '-h',
      '127.0.0.1',
      '-p',
      port,
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-qc',
      `create database ${name} template ${TEMPLATE_DB}`,
    ],
    { stdio: 'pipe' },
  );
  const pool = pgPool(`${url}/${name}`);
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  const rows = async (text: string, ...params: unknown[]) => (await pool.query(numbered(text), params)).rows as Row[];
  const others: pg.Pool[] = [];
  return {
    /** The database's address, for a server process of its own. */
    url: `${url}/${name}`,
    store: pgStore(pool),
    /** Another connection pool on the same database: what a second node holds. */
    anotherStore() {
      const other = pgPool(`${url}/${name}`);
      others.push(other);
      return pgStore(other);
    },
    sqliteOnly,
    rows,
    /** Runs SQL text of one or more statements without parameters (a function and its trigger). */
    exec: async (text: string) => {
      await pool.query(text);
    },
    value: async (text: string, ...params: unknown[]) => {
      const [first] = await rows(text, ...params);
      return first === undefined ? undefined : Object.values(first)[0];
    },
    async drop() {
      // A test may have closed a pool itself (to see the app without its database).
      await Promise.all([pool, ...others].filter((p) => !p.ending).map((p) => p.end()));
      const admin = new pg.Client({ connectionString: `${url}/postgres` });
      await admin.connect();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}
