/**
 * Searching the register by name folds the case of every letter, not only ASCII ones, and the
 * same way on SQLite and PostgreSQL: the name's search key is folded when it is written (CSV
 * import, upsert), cleared when the name is erased, and filled at start-up for names stored
 * without one.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents } from '../support/api';
import { finishCustomerImports } from '../../server/customers/import-customers';

let t: ReturnType<typeof makeTestApp>;
let researcher: Awaited<ReturnType<typeof signedInAgents>>['researcher'];

beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

/** The CRM ids a search finds, sorted. */
const found = async (q: string) =>
  ((await researcher.get(`/api/customers?q=${encodeURIComponent(q)}`)).body.customers as { externalId: string }[])
    .map((c) => c.externalId)
    .sort();

describe('searching customers by name', () => {
  it('matches Vietnamese, Greek, Cyrillic and full-width names in any case on either database', async () => {
    const csv =
      'id,name,email\n' +
      'V1,Nguyễn Thị Ánh,v1@example.com\n' +
      'V2,ĐẶNG VĂN ÊM,v2@example.com\n' +
      'G1,Σωκράτης Παππάς,g1@example.com\n' +
      'R1,Иван Петров,r1@example.com\n' +
      'W1,ＡＮＮＡ Smith,w1@example.com\n' +
      'E1,Émile Zola,e1@example.com\n';
    expect((await researcher.post('/api/customers/import', { csv })).status).toBe(201);
    expect(await found('NGUYỄN THỊ')).toEqual(['V1']);
    expect(await found('ánh')).toEqual(['V1']);
    expect(await found('đặng văn êm')).toEqual(['V2']);
    // A decomposed ặ (a + dot below + breve) finds the composed one.
    expect(await found('đa\u0323\u0306ng')).toEqual(['V2']);
    expect(await found('ΣΩΚΡΆΤΗΣ')).toEqual(['G1']);
    expect(await found('пЕТРОВ')).toEqual(['R1']);
    // Full-width letters fold to their ASCII forms, and back from a search in either.
    expect(await found('anna smith')).toEqual(['W1']);
    expect(await found('ÉMILE')).toEqual(['E1']);
    expect(await found('Ê')).toEqual(['V2']);
  });

  it('keeps the key with every write of the name: upsert, re-import and erasure', async () => {
    expect((await researcher.put('/api/customers/by-external-id/U1', { name: 'Trần Thị Ngọc' })).status).toBe(201);
    expect(await found('TRẦN')).toEqual(['U1']);
    expect((await researcher.put('/api/customers/by-external-id/U1', { name: 'Lê Thị Ngọc' })).status).toBe(200);
    expect(await found('TRẦN')).toEqual([]);
    expect(await found('LÊ THỊ')).toEqual(['U1']);
    expect((await researcher.post('/api/customers/import', { csv: 'id,name\nU1,Phạm Ngọc\n' })).status).toBe(201);
    expect(await found('PHẠM')).toEqual(['U1']);
    expect(await found('LÊ')).toEqual([]);
    // Retention erases the name, and its key with it.
    await t.rows('update customers set updated_at = ? returning id', t.clock.now() - 400 * 86_400_000);
    expect((await researcher.put('/api/customers/retention', { retentionDays: 365 })).status).toBe(200);
    expect(await found('PHẠM')).toEqual([]);
    expect(await t.rows('select name, name_key as "nameKey" from customers')).toEqual([{ name: null, nameKey: null }]);
    // Erasure deletes the customer, key and all.
    expect((await researcher.put('/api/customers/by-external-id/U2', { name: 'Võ Văn Kiệt' })).status).toBe(201);
    const id = (await researcher.get('/api/customers?q=U2')).body.customers[0].id;
    expect((await researcher.delete(`/api/customers/${id}`)).status).toBe(200);
    expect(await found('VÕ')).toEqual([]);
    expect(await t.rows('select name_key from customers where name_key is not null')).toEqual([]);
  });

  it('folds at start-up the names stored without a key', async () => {
    expect((await researcher.post('/api/customers/import', { csv: 'id,name\nO1,Ông Bảy\n' })).status).toBe(201);
    await t.rows('update customers set name_key = null returning id');
    expect(await found('ÔNG')).toEqual([]);
    await finishCustomerImports(t.store, t.clock.now());
    expect(await found('ÔNG')).toEqual(['O1']);
  });
});
