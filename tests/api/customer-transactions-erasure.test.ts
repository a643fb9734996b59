/**
 * Erasing a customer deletes their transactions, on PostgreSQL (which holds no foreign key from
 * transactions to customers, for the import's speed) as on SQLite; the others' stay.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestApp, signedInAgents } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.cleanup());

it("deletes an erased customer's transactions and keeps the others'", async () => {
  const { researcher } = await signedInAgents(t.app);
  expect((await researcher.post('/api/customers/import', { csv: 'id,name\nA,Anna\nB,Bao\n' })).status).toBe(201);
  const csv = 'customer,date,amount,currency\nA,2026-10-01,10,EUR\nA,2026-10-02,20,EUR\nB,2026-10-03,30,EUR\n';
  expect((await researcher.post('/api/customers/transactions/import', { csv })).status).toBe(201);
  const a = (await researcher.get('/api/customers?q=A')).body.customers.find(
    (c: { externalId: string }) => c.externalId === 'A',
  );
  expect((await researcher.delete(`/api/customers/${a.id}`)).status).toBe(200);
  expect(await t.rows('select customer_id from customer_transactions where customer_id = ?', a.id)).toEqual([]);
  expect(await t.rows('select amount from customer_transactions')).toEqual([{ amount: 3000 }]);
});
