/**
 * Moving an SQLite database into PostgreSQL with `npm run migrate-to-postgres`: a database filled
 * through the app on SQLite (tests/support/sqlite-source.ts, in a process of its own since a
 * process's dialect is fixed) is copied by the tool into an empty migrated database; every table
 * has the same rows on both sides, the target's ids go on after the copied ones, and a second run
 * is refused. Then `npm run backup` dumps it with pg_dump, and pg_restore brings it back whole.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import * as pgSchema from '../../server/db/pg-schema';
import * as sqliteSchema from '../../server/db/schema';
import { twinTables } from '../../server/ops/copy-to-postgres';
import { pgTool } from '../../server/ops/pg-tools';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { sqliteOnly } from '../../server/db/open';
import { pgPool, pgStore } from '../../server/db/pg-store';
import { systemClock } from '../../server/http/context';
import { ADMIN, Agent } from '../support/api';
import { pgTestDatabase } from '../support/pg-database';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let file: string;
let database: ReturnType<typeof pgTestDatabase>;
/** What the SQLite side printed: its surveys' ids and the answers of its reads (tests/support/sqlite-source.ts). */
let source: { surveys: { hotel: string; own: string }; reads: Record<string, unknown> };

/** Runs a command of the project as its own process, with `env` over this one's. */
function tool(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** Every row of a table on each side, as comparable text (blobs as hex), in one order. */
function canonical(rows: Record<string, unknown>[]): string[] {
  return rows
    .map((row) =>
      JSON.stringify(row, (_, value) => (value?.type === 'Buffer' ? Buffer.from(value.data).toString('hex') : value)),
    )
    .sort();
}

// On the PostgreSQL project only: it needs a PostgreSQL server to move into.
describe.runIf(DIALECT === 'pg')('moving an SQLite database into PostgreSQL', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yardstick-move-'));
    file = join(dir, 'source.db');
    const built = tool('tests/support/sqlite-source.ts', [file], { DATABASE_URL: '' });
    expect(built.status, built.stderr).toBe(0);
    source = JSON.parse(built.stdout.trim().split('\n').pop()!);
    database = pgTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table with its rows as they were, and prints the same count on both sides', async () => {
    const moved = tool('server/cli/migrate-to-postgres.ts', [file], { DATABASE_URL: database.url });
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('the same count on both sides');

    const fromDb = sqliteDrizzle({
      client: new Database(file, { readonly: true }),
      schema: sqliteSchema,
      casing: 'snake_case',
    });
    const target = pgDrizzle({
      client: new pg.Pool({ connectionString: database.url, max: 1 }),
      schema: pgSchema,
      casing: 'snake_case',
    });
    const filled: string[] = [];
    for (const twin of twinTables()) {
      const before = canonical(fromDb.select().from(twin.sqlite).all());
      const after = canonical(await target.select().from(twin.pg));
      expect(after.length, twin.name).toBe(before.length);
      expect(after, twin.name).toEqual(before);
      expect(moved.stdout).toMatch(new RegExp(`\\n${twin.name} +${before.length} +${before.length}\\n`));
      if (before.length) filled.push(twin.name);
    }
    expect(filled).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'api_tokens',
        'survey_versions',
        'plans',
        'cases',
        'case_events',
        'customer_transactions',
        'report_shares',
        'coding_assignments',
        'coding_actions',
        'audit_log',
      ]),
    );
    expect(
      Number(await database.value('select count(*) from responses where survey_id = ?', source.surveys.hotel)),
    ).toBeGreaterThan(400);
    fromDb.$client.close();
    await target.$client.end();

    // The ids PostgreSQL gives next follow the copied ones.
    for (const twin of twinTables()) {
      const identity = getTableConfig(twin.pg).columns.find((c) => c.generatedIdentity);
      if (!identity) continue;
      const next = await database.value(`select nextval(pg_get_serial_sequence('${twin.name}', 'id'))`);
      const highest = await database.value(`select coalesce(max(id), 0) from ${twin.name}`);
      expect(Number(next), twin.name).toBe(Number(highest) + 1);
    }
  });

  it('answers the same reads from the copy as from the SQLite file', async () => {
    const store = pgStore(pgPool(database.url, 2));
    const config = loadConfig({ DATABASE_PATH: join(dir, 'unused.db'), RATE_LIMIT_PER_MINUTE: '0' });
    const ada = new Agent(createApp({ db: sqliteOnly, store, config, clock: systemClock }));
    try {
      expect((await ada.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).status).toBe(200);
      expect(Object.keys(source.reads)).toContain('/api/surveys');
      for (const [path, body] of Object.entries(source.reads)) expect((await ada.get(path)).body, path).toEqual(body);
    } finally {
      await store.close();
    }
  });

  it('refuses a target that already holds rows, writing nothing', async () => {
    const before = await database.value('select count(*) from responses');
    const again = tool('server/cli/migrate-to-postgres.ts', [file], { DATABASE_URL: database.url });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Refused: the PostgreSQL database already holds rows \(in users, /);
    expect(await database.value('select count(*) from responses')).toBe(before);
  });

  it('is backed up by npm run backup with pg_dump, and pg_restore brings every row back', async () => {
    const dump = join(dir, 'yardstick.dump');
    const backup = tool('server/cli/backup.ts', [dump], { DATABASE_URL: database.url });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*yardstick\.dump \(pg_restore reads it: \d+ tables\)/);

    const name = `restored_${Date.now()}`;
    const admin = new pg.Client({ connectionString: `${inject('postgresUrl')}/postgres` });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = `${inject('postgresUrl')}/${name}`;
      execFileSync(pgTool('pg_restore'), ['--no-owner', `--dbname=${url}`, dump], { stdio: 'pipe' });
      const restored = new pg.Client({ connectionString: url });
      await restored.connect();
      for (const twin of twinTables()) {
        const { rows } = await restored.query(`select count(*)::int as n from ${twin.name}`);
        expect(rows[0].n, twin.name).toBe(Number(await database.value(`select count(*) from ${twin.name}`)));
      }
      await restored.end();
    } finally {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
