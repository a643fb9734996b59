import { eq, getTableName, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import { migratePg, pgPool } from '../../server/db/pg-store';
import { affected, forUpdate, q } from '../../server/db/store';
import { auditLog } from '../../server/db/tables';
import { loadConfig } from '../../server/config';
import * as pgSchema from '../../server/db/pg-schema';
import journal from '../../drizzle-pg/meta/_journal.json';
import { makeTestApp } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.cleanup());

const entry = {
  at: 1,
  firstAt: 1,
  actorName: 'system',
  area: 'test',
  method: 'POST',
  route: '/x',
  params: {},
  status: 200,
  ip: '127.0.0.1',
};

describe(`the data layer on ${DIALECT}`, () => {
  it('commits a unit of work whole and returns its result', async () => {
    const id = await t.store.transaction(function* (tx) {
      const [row] = yield* q(tx.insert(auditLog).values(entry).returning({ id: auditLog.id }));
      yield* q(tx.update(auditLog).set({ count: 2 }).where(eq(auditLog.id, row.id)));
      return row.id;
    });
    expect(await t.value('select count from audit_log where id = ?', id)).toBe(2);
  });

  it('keeps nothing of a unit of work that fails part way', async () => {
    const failing = t.store.transaction(function* (tx) {
      yield* q(tx.insert(auditLog).values(entry));
      yield* q(tx.insert(auditLog).values({ ...entry, route: null as unknown as string }));
    });
    await expect(failing).rejects.toThrow();
    expect(await t.value('select count(*) from audit_log')).toBe(0);
  });

  it('gives each of 40 concurrent read-then-write units the row in turn, so no increment is lost', async () => {
    const [{ id }] = await t.store.db.insert(auditLog).values(entry).returning({ id: auditLog.id });
    await Promise.all(
      Array.from({ length: 40 }, () =>
        t.store.transaction(function* (tx) {
          const [row] = yield* q(
            forUpdate(tx.select({ count: auditLog.count }).from(auditLog).where(eq(auditLog.id, id))),
          );
          yield* q(
            tx
              .update(auditLog)
              .set({ count: row.count + 1 })
              .where(eq(auditLog.id, id)),
          );
        }),
      ),
    );
    expect(await t.value('select count from audit_log where id = ?', id)).toBe(41);
  });

  it('counts the rows a write touched, on either driver', async () => {
    await t.store.db.insert(auditLog).values([entry, entry, { ...entry, area: 'other' }]);
    const result = await t.store.db
      .update(auditLog)
      .set({ count: sql`${auditLog.count} + 1` })
      .where(eq(auditLog.area, 'test'));
    expect(affected(result)).toBe(2);
  });
});

describe.runIf(DIALECT === 'pg')('migrations on PostgreSQL', () => {
  it('are applied once when four nodes start at the same moment: one migrates, the others wait', async () => {
    const url = inject('postgresUrl');
    const admin = new pg.Client({ connectionString: `${url}/postgres` });
    await admin.connect();
    await admin.query('create database fresh_nodes');
    try {
      const pools = Array.from({ length: 4 }, () => pgPool(`${url}/fresh_nodes`, 2));
      await Promise.all(pools.map((pool) => migratePg(pool)));
      const applied = await pools[0].query('select count(*) as n from drizzle.__drizzle_migrations');
      expect(applied.rows[0].n).toBe(journal.entries.length);
      const tables = await pools[0].query("select tablename from pg_tables where schemaname = 'public'");
      // Every table of the schema, plus the report's change counts that a hand-written migration
      // keeps by triggers (drizzle-pg/0005_report_xact.sql).
      const expected = [...Object.values(pgSchema).map((t) => getTableName(t)), 'report_changes'];
      expect(tables.rows.map((r) => r.tablename).sort()).toEqual(expected.sort());
      await Promise.all(pools.map((pool) => pool.end()));
    } finally {
      await admin.query('drop database fresh_nodes with (force)');
      await admin.end();
    }
  });
});

describe('starting with DATABASE_URL', () => {
  it('takes a PostgreSQL address', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example.com/yardstick' }).DATABASE_URL).toBe(
      'postgres://db.example.com/yardstick',
    );
  });

  it('names a value that is no PostgreSQL address', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db.example.com/yardstick' })).toThrow(/DATABASE_URL/);
  });
});
