/**
 * How transactions reach PostgreSQL: COPY FROM STDIN on the unit of work's own connection, awkward
 * text arriving as sent, and the rows of a customer erased while an import was written dropped as
 * it is marked done (PostgreSQL holds no foreign key to refuse them; SQLite's does, so these run on
 * PostgreSQL only). On both: abandoned imports dropped with their rows, with no cascade on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import { copyRows, copyText } from '../../server/db/pg-copy';
import { q } from '../../server/db/store';
import { statements } from '../../server/customers/statements';
import { makeTestApp, signedInAgents } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.cleanup());

describe.runIf(DIALECT === 'pg')('transactions written by COPY', () => {
  it('stores tabs, line breaks, backslashes, quotes and non-ASCII as sent', async () => {
    const values = [
      'a\tb',
      'one\ntwo',
      'cr\r\nlf',
      'C:\\new\\table',
      '\\N',
      'say "hi", O\'Brien',
      'Nguyễn 王小明 €',
      '',
    ];
    const stored = await t.store.transaction(function* (tx) {
      const pg = tx as unknown as PgDatabase<PgQueryResultHKT>;
      yield* q(pg.execute(sql`create temporary table copy_check (k integer, v text) on commit drop`));
      yield* q(copyRows(tx, 'copy_check (k, v)', values.length, (k) => `${k}\t${copyText(values[k])}\n`));
      const read = yield* q(pg.execute(sql`select v from copy_check order by k`));
      return (read as unknown as { rows: { v: string }[] }).rows.map((r) => r.v);
    });
    expect(stored).toEqual(values);
  });

  it('fails the whole unit on a row the server refuses, and the connections stay usable', async () => {
    const [{ id: importId }] = await t.rows(
      `insert into customer_imports (status, rows, created_at) values ('running', 3, 0) returning id`,
    );
    const copy = (amounts: string[]) =>
      t.store.transaction(function* (tx) {
        yield* q(
          copyRows(
            tx,
            'customer_transactions (import_id, customer_id, at, amount, currency)',
            amounts.length,
            (k) => [importId, `c${k}`, 0, amounts[k], 'EUR'].join('\t') + '\n',
          ),
        );
      });
    await expect(copy(['100', 'twelve', '300'])).rejects.toThrow(/bigint/);
    expect(await t.rows('select * from customer_transactions')).toEqual([]);
    // Later units run on the pool's connections, the failed one's among them: none was left mid-COPY.
    for (let i = 0; i < 12; i++) await copy(['1']);
    expect(await t.value('select count(*)::integer from customer_transactions')).toBe(12);
  });

  it('imports every row and drops those of a customer erased while the import was written', async () => {
    const { researcher } = await signedInAgents(t.app);
    expect((await researcher.post('/api/customers/import', { csv: 'id,name\nA,Anna\n' })).status).toBe(201);
    const csv = `customer,date,amount,currency\n${Array.from({ length: 4500 }, (_, i) => `A,2026-10-01,${i}.25,EUR`).join('\n')}\n`;
    expect((await researcher.post('/api/customers/transactions/import', { csv })).status).toBe(201);
    expect(
      await t.rows('select count(*)::integer as n, sum(amount)::integer as total from customer_transactions'),
    ).toEqual([
      // 0.25 on each of 4,500 rows (1,125) plus 0 + 1 + … + 4,499 (10,122,750): 10,123,875 EUR, in cents.
      { n: 4500, total: 1_012_387_500 },
    ]);

    const [{ id: importId }] = await t.rows(
      `insert into customer_imports (status, rows, created_at) values ('running', 2, 0) returning id`,
    );
    const [{ id: anna }] = (await t.rows(`select id from customers where external_id = 'A'`)) as { id: string }[];
    const rows = {
      customerIds: [anna, 'erased-meanwhile'],
      dates: [1, 2],
      amounts: [100, 200],
      order: Uint32Array.of(0, 1),
    };
    await t.store.transaction((tx) => statements.insertTransactions(tx, importId as number, 'EUR', rows, 0, 2));
    await t.store.transaction((tx) => statements.dropErased(tx, importId as number, rows));
    expect(await t.rows('select customer_id, amount from customer_transactions where import_id = ?', importId)).toEqual(
      [{ customer_id: anna, amount: 100 }],
    );
  });
});

describe('imports abandoned mid-write', () => {
  it('are dropped with their transactions by the next import, a crashed one a day after it began', async () => {
    const { researcher } = await signedInAgents(t.app);
    expect((await researcher.post('/api/customers/import', { csv: 'id,name\nA,Anna\n' })).status).toBe(201);
    const [{ id: anna }] = (await t.rows(`select id from customers where external_id = 'A'`)) as { id: string }[];
    const DAY = 86_400_000;
    const imports: Record<string, unknown> = {};
    for (const [name, status, age] of [
      ['crashed', 'running', 2 * DAY],
      ['failed', 'failed', 0],
      ['still running', 'running', DAY / 2],
    ] as const) {
      imports[name] = await t.value(
        'insert into customer_imports (status, rows, created_at) values (?, 1, ?) returning id',
        status,
        t.clock.now() - age,
      );
      await t.rows(
        `insert into customer_transactions (import_id, customer_id, at, amount, currency) values (?, ?, 0, 100, 'EUR') returning id`,
        imports[name],
        anna,
      );
    }
    const csv = 'customer,date,amount,currency\nA,2026-10-01,5,EUR\n';
    expect((await researcher.post('/api/customers/transactions/import', { csv })).status).toBe(201);
    const left = await t.rows('select import_id, amount from customer_transactions order by amount');
    expect(left).toHaveLength(2);
    expect(left.map((r) => r.amount)).toEqual([100, 500]);
    expect(left[0].import_id).toBe(imports['still running']);
    expect(
      await t.value('select count(*) from customer_imports where id in (?, ?)', imports.crashed, imports.failed),
    ).toBe(0);
  });
});
