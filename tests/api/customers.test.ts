/**
 * The customer register through the real app on a real SQLite file: imports (customers,
 * transactions, ready-made figures) that refuse a faulty file whole, upserts from a CRM, value
 * computed as tests/unit/customers/value.test.ts derives by hand, search and filters, roles.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import { pgPool, pgStore } from '../../server/db/pg-store';
import { sqliteStore } from '../../server/db/sqlite-store';
import type { Store } from '../../server/db/store';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher, viewer } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

const importCustomers = (csv: string) => researcher.post('/api/customers/import', { csv });
const importTransactions = (csv: string) => researcher.post('/api/customers/transactions/import', { csv });
const count = async (table: string) => Number(await t.value(`select count(*) from ${table}`));
const byExternal = async (agent: Agent, externalId: string) => {
  const list = (await agent.get(`/api/customers?q=${encodeURIComponent(externalId)}`)).body;
  const found = list.customers.find((c: { externalId: string }) => c.externalId === externalId);
  return (await agent.get(`/api/customers/${found.id}`)).body;
};

// BOM, semicolons, a quoted field holding the separator and a line break, a doubled quote, and
// names in all five interface languages.
const CUSTOMERS =
  '\uFEFFcustomer_id;Name;E-mail;Phone;Language;Region\r\n' +
  'C1;"Nguyễn Thị Minh Khai";khai@example.vn;+84 28 1234 5678;vi;"Hồ Chí Minh; Quận 1"\r\n' +
  'C2;王小明;xiaoming@example.cn;;zh-CN;北京\r\n' +
  'C3;陳美玲;meiling@example.tw;;zh-TW;臺北\r\n' +
  'C4;"Niccolò D\'Alessandro";niccolo@example.it;;it;"Via Roma, 1\nTorino"\r\n' +
  'C5;"Anna ""Nan"" Smith";anna@example.com;;en;\r\n';

describe('importing customers', () => {
  it('reads BOM, semicolons, quotes and names in the five languages exactly', async () => {
    const r = await importCustomers(CUSTOMERS);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ created: 5, updated: 0 });
    const khai = await byExternal(researcher, 'C1');
    expect(khai).toMatchObject({
      name: 'Nguyễn Thị Minh Khai',
      email: 'khai@example.vn',
      phone: '+84 28 1234 5678',
      language: 'vi',
      attributes: { Region: 'Hồ Chí Minh; Quận 1' },
    });
    expect((await byExternal(researcher, 'C2')).language).toBe('zh-Hans');
    expect(await byExternal(researcher, 'C3')).toMatchObject({ name: '陳美玲', language: 'zh-Hant' });
    expect((await byExternal(researcher, 'C4')).attributes.Region).toBe('Via Roma, 1\nTorino');
    expect(await byExternal(researcher, 'C5')).toMatchObject({ name: 'Anna "Nan" Smith', attributes: {} });
  });

  it('updates the customers it knows and adds the new ones on a second file (a nightly sync)', async () => {
    await importCustomers(CUSTOMERS);
    const r = await importCustomers(
      'id,name,email,region,manager\nC1,Khai Nguyễn,khai@example.vn,,Lan\nC6,Marco Bianchi,marco@example.it,Milano,Lan\n',
    );
    expect(r.body).toEqual({ created: 1, updated: 1 });
    expect(await count('customers')).toBe(6);
    // The empty region cell clears that attribute; the new manager column is added.
    expect(await byExternal(researcher, 'C1')).toMatchObject({ name: 'Khai Nguyễn', attributes: { manager: 'Lan' } });
    expect((await byExternal(researcher, 'C1')).attributes.Region).toBeUndefined();
  });

  it('refuses a file with faulty rows, listing each by line, and imports nothing', async () => {
    const bad =
      'id,name,email\n' +
      'K1,Good One,good@example.com\n' +
      'K2,Bad Mail,not-an-address\n' +
      'K3,Too,Many,Fields\n' +
      ',No Id,noid@example.com\n' +
      '"K5","Line\nbreak",k5@example.com\n' +
      'K1,Twice,twice@example.com\n';
    const r = await importCustomers(bad);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-import');
    expect(r.body.error.message).toBe('line 3: "not-an-address" is not an e-mail address (and 3 more faulty rows)');
    // The quoted line break in line 6 moves the duplicate to line 8.
    expect(r.body.error.details.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'bad-email'],
      [4, 'field-count'],
      [5, 'no-id'],
      [8, 'duplicate-in-file'],
    ]);
    expect(await count('customers')).toBe(0);
  });

  it('needs a customer id column and a header, and names a repeated column', async () => {
    expect((await importCustomers('name,email\nAnn,ann@example.com\n')).body.error.details[0].code).toBe(
      'no-id-column',
    );
    expect((await importCustomers('id,name,Name\nX,a,b\n')).body.error.details[0]).toMatchObject({
      line: 1,
      code: 'column-twice',
      column: 'Name',
    });
    expect((await importCustomers('id,name\n')).body.error.details[0].code).toBe('no-rows');
    expect((await researcher.post('/api/customers/import', { csv: 42 })).body.error).toMatchObject({
      path: 'csv',
      message: 'csv: must be the CSV file as text',
    });
    expect(await count('customers')).toBe(0);
  });
});

describe('writing a large customer file', () => {
  it('writes it in batches, a turn of the event loop between them, and counts every faulty row', async () => {
    const n = 12_000;
    const csv = `id,name,region\n${Array.from({ length: n }, (_, i) => `K${i},Name ${i},R${i % 7}`).join('\n')}`;
    let turns = 0;
    let importing = true;
    const spin = () => {
      turns++;
      if (importing) setImmediate(spin);
    };
    setImmediate(spin);
    const r = await importCustomers(csv);
    importing = false;
    expect(r.body).toEqual({ created: n, updated: 0 });
    // 12,000 rows are 6 batches of 2,000 staged and 6 applied, each in a turn of its own; one
    // transaction for the file would leave the event loop no turn in between.
    expect(turns).toBeGreaterThanOrEqual(12);
    expect(await count('customers')).toBe(n);
    expect(await count('customer_import_rows')).toBe(0);
    expect((await byExternal(researcher, 'K11999')).attributes).toEqual({ region: 'R1' });

    const bad = `id,email\n${Array.from({ length: 1_500 }, (_, i) => `B${i},not-an-address`).join('\n')}`;
    const refused = await importCustomers(bad);
    expect(refused.status).toBe(400);
    // The details list the first 1,000 faulty rows; the count, for the app's heading, all of them.
    expect(refused.body.error.details).toHaveLength(1_000);
    expect(refused.body.error.params.rows).toBe(1_500);
    expect(await count('customers')).toBe(n);
  });

  /** An import whose rows were checked and staged, as a stop leaves it. */
  const staged = async (status: 'running' | 'applying', rows: [string, string, string][]) => {
    const importId = await t.value(
      `insert into customer_imports (status, rows, created_at) values (?, ?, ?) returning id`,
      status,
      rows.length,
      t.clock.now(),
    );
    for (const [i, [id, external, name]] of rows.entries())
      await t.rows(
        `insert into customer_import_rows (import_id, position, customer_id, external_id, name, attributes)
          values (?, ?, ?, ?, ?, '{}') returning position`,
        importId,
        i,
        id,
        external,
        name,
      );
  };

  it('finishes at start-up a file a stop cut short while applying, and never applies one still being staged', async () => {
    expect((await importCustomers('id,name\nA1,Before\n')).status).toBe(201);
    await staged('applying', [
      ['00000000-0000-4000-8000-000000000001', 'A1', 'After'],
      ['00000000-0000-4000-8000-000000000002', 'A2', 'New'],
    ]);
    await staged('running', [['00000000-0000-4000-8000-000000000003', 'A3', 'Half-staged']]);
    // Nothing staged shows before it is applied.
    expect((await researcher.get('/api/customers')).body.total).toBe(1);
    const { finishCustomerImports } = await import('../../server/customers/import-customers');
    await finishCustomerImports(t.store, t.clock.now());
    const list = (await researcher.get('/api/customers')).body;
    expect(list.customers.map((c: { externalId: string; name: string }) => [c.externalId, c.name]).sort()).toEqual([
      ['A1', 'After'],
      ['A2', 'New'],
    ]);
    // The file being staged when the server stopped is deleted with its rows a day later.
    t.clock.advance(86_400_001);
    expect((await importCustomers('id,name\nA4,Later\n')).status).toBe(201);
    expect(await count('customer_import_rows')).toBe(0);
  });

  /** A second node's store on the same database: a pool of its own on PostgreSQL. */
  const anotherStore = async (): Promise<Store> =>
    DIALECT === 'pg'
      ? pgStore(pgPool(`${inject('postgresUrl')}/${await t.value('select current_database()')}`))
      : sqliteStore(t.db);

  it('finishes a cut-short file once when two nodes start at once, each staged row applied by one of them', async () => {
    const n = 5_000;
    await staged(
      'applying',
      Array.from({ length: n }, (_, i) => [
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        `N${i}`,
        `Customer ${i}`,
      ]),
    );
    const other = await anotherStore();
    const { finishCustomerImports } = await import('../../server/customers/import-customers');
    try {
      await Promise.all([finishCustomerImports(t.store, t.clock.now()), finishCustomerImports(other, t.clock.now())]);
    } finally {
      if (DIALECT === 'pg') await other.close();
    }
    expect(await count('customers')).toBe(n);
    expect(await count('customer_import_rows')).toBe(0);
    expect(await t.rows('select status from customer_imports')).toEqual([{ status: 'done' }]);
    expect((await researcher.get('/api/customers?q=customer%204999')).body.customers[0]).toMatchObject({
      externalId: 'N4999',
      tier: expect.any(Number),
    });
  });
});

describe('upserting a customer by the CRM id', () => {
  it('rescores the register at the next read after an upsert adds a customer', async () => {
    await researcher.put('/api/customers/by-external-id/N1', { name: 'First' });
    await researcher.put('/api/customers/by-external-id/N2', { name: 'Second' });
    await importTransactions('customer,date,amount,currency\nN1,2026-11-01,10.00,EUR\n');
    // n = 2: N1 bought (1 worse → 1 + ⌊5/2⌋ = 3), N2 never did (1).
    expect((await byExternal(researcher, 'N1')).value).toMatchObject({ r: 3, f: 3, m: 3 });
    await researcher.put('/api/customers/by-external-id/N3', { name: 'Third' });
    // n = 3: N1 has 2 worse → 1 + ⌊10/3⌋ = 4; N3, like N2, never bought: 1.
    expect((await byExternal(researcher, 'N1')).value).toMatchObject({ r: 4, f: 4, m: 4 });
    expect((await byExternal(researcher, 'N3')).value).toMatchObject({ r: 1, f: 1, m: 1, segment: 'lost' });
  });

  it('creates (201), then updates (200) keeping the fields left out', async () => {
    const created = await researcher.put('/api/customers/by-external-id/CRM-77', {
      name: 'Trần Văn An',
      email: 'an@example.vn',
      attributes: { region: 'Đà Nẵng' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      externalId: 'CRM-77',
      name: 'Trần Văn An',
      email: 'an@example.vn',
      attributes: { region: 'Đà Nẵng' },
    });
    const updated = await researcher.put('/api/customers/by-external-id/CRM-77', {
      phone: '0905 123 456',
      attributes: { manager: 'Hoa' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.body.id,
      name: 'Trần Văn An',
      email: 'an@example.vn',
      phone: '0905 123 456',
      attributes: { region: 'Đà Nẵng', manager: 'Hoa' },
    });
    expect(await count('customers')).toBe(1);
  });

  it('answers 400 naming the faulty field, and leaves the customer as it was', async () => {
    await researcher.put('/api/customers/by-external-id/CRM-1', { email: 'one@example.com' });
    const r = await researcher.put('/api/customers/by-external-id/CRM-1', { email: 'nope' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ path: 'email', message: 'email: is not an e-mail address' });
    const long = await researcher.put(`/api/customers/by-external-id/${'x'.repeat(101)}`, {});
    expect(long.body.error).toMatchObject({
      path: 'externalId',
      message: 'externalId: must be at most 100 characters',
    });
    expect((await byExternal(researcher, 'CRM-1')).email).toBe('one@example.com');
  });

  it('refuses a viewer (403) and changes nothing', async () => {
    const r = await viewer.put('/api/customers/by-external-id/V1', { name: 'Sneaky' });
    expect(r.status).toBe(403);
    expect(await count('customers')).toBe(0);
  });
});

// The register of tests/unit/customers/value.test.ts, as transactions: each customer's purchases
// are on the days given (days before 2026-12-01), the last one carrying the whole amount.
const DAY = 86_400_000;
const day = (daysAgo: number) => new Date(Date.UTC(2026, 11, 1) - daysAgo * DAY).toISOString().slice(0, 10);
const REGISTER: { key: string; lastDaysAgo: number | null; frequency: number; euros: string }[] = [
  { key: 'A', lastDaysAgo: 1, frequency: 5, euros: '1000.00' },
  { key: 'B', lastDaysAgo: 200, frequency: 5, euros: '1000' },
  { key: 'C', lastDaysAgo: 10, frequency: 4, euros: '500,00' },
  { key: 'D', lastDaysAgo: 30, frequency: 3, euros: '200.00' },
  { key: 'E', lastDaysAgo: 400, frequency: 3, euros: '100.00' },
  { key: 'F', lastDaysAgo: 10, frequency: 3, euros: '100.0' },
  { key: 'G', lastDaysAgo: 90, frequency: 2, euros: '50.00' },
  { key: 'H', lastDaysAgo: 2, frequency: 1, euros: '30.00' },
  { key: 'I', lastDaysAgo: 365, frequency: 1, euros: '0.00' },
  { key: 'J', lastDaysAgo: null, frequency: 0, euros: '0' },
];
const transactionsCsv = () =>
  'customer,date,amount,currency\n' +
  REGISTER.flatMap((c) =>
    Array.from({ length: c.frequency }, (_, k) => {
      const last = k === c.frequency - 1;
      // A decimal comma is quoted, as a spreadsheet writes it in a comma-separated file.
      return `${c.key},${day(c.lastDaysAgo! + (c.frequency - 1 - k) * 7)},"${last ? c.euros : '0.00'}",EUR`;
    }),
  ).join('\n');

async function loadRegister() {
  await importCustomers(
    'id,name,email\n' + REGISTER.map((c) => `${c.key},Customer ${c.key},${c.key.toLowerCase()}@example.com`).join('\n'),
  );
  const r = await importTransactions(transactionsCsv());
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r;
}

describe('value from transactions', () => {
  it('imports the transactions and scores each customer as derived by hand', async () => {
    const r = await loadRegister();
    expect(r.body).toEqual({ imported: 27, customers: 9, mode: 'transactions' });
    const expected: Record<string, [number, number, number, string]> = {
      A: [5, 5, 5, 'champions'],
      B: [2, 5, 5, 'cant-lose'],
      C: [4, 4, 4, 'champions'],
      D: [3, 3, 4, 'loyal'],
      E: [1, 3, 3, 'at-risk'],
      F: [4, 3, 3, 'loyal'],
      G: [3, 2, 2, 'needs-attention'],
      H: [5, 1, 2, 'promising'],
      I: [2, 1, 1, 'hibernating'],
      J: [1, 1, 1, 'lost'],
    };
    for (const c of REGISTER) {
      const detail = await byExternal(researcher, c.key);
      const v = detail.value;
      expect([v.r, v.f, v.m, v.segment], c.key).toEqual(expected[c.key]);
      expect(v.frequency).toBe(c.frequency);
      expect(v.currency).toBe('EUR');
    }
    const a = await byExternal(researcher, 'A');
    expect(a.value.monetary).toBe(100_000);
    expect(a.transactions).toMatchObject({
      count: 5,
      total: 100_000,
      last: Date.parse(`${day(1)}T00:00:00Z`),
      first: Date.parse(`${day(29)}T00:00:00Z`),
    });
    expect(a.transactions.recent[0]).toEqual({
      at: Date.parse(`${day(1)}T00:00:00Z`),
      amount: 100_000,
      currency: 'EUR',
    });
  });

  it('tiers by the default pyramid, and again by edited cut points and metal names', async () => {
    await loadRegister();
    // Default 1/4/15/80 % of 10: A and B (equal revenue, none above) are VIP; C has 2 above, 0.2 ≥ 0.2: small.
    const vip = (await researcher.get('/api/customers?tier=0')).body;
    expect(vip.customers.map((c: { externalId: string }) => c.externalId)).toEqual(['A', 'B']);
    expect(vip.customers[0].tierName).toBe('vip');
    expect((await researcher.get('/api/customers?tier=3')).body.total).toBe(8);

    const saved = await researcher.put('/api/customers/settings', {
      cuts: [10, 20, 30, 40],
      tierNames: ['platinum', 'gold', 'iron', 'lead'],
    });
    expect(saved.status).toBe(200);
    // As in the unit test: A, B platinum; C gold; D, E, F iron; G, H, I, J lead.
    const iron = (await researcher.get('/api/customers?tier=2')).body;
    expect(iron.customers.map((c: { externalId: string }) => c.externalId)).toEqual(['D', 'E', 'F']);
    expect(iron.customers[0].tierName).toBe('iron');
    expect((await byExternal(researcher, 'C')).value).toMatchObject({ tier: 1, tierName: 'gold' });

    const overview = (await researcher.get('/api/customers/value')).body;
    expect(overview.tiers.map((x: { customers: number; revenue: number }) => [x.customers, x.revenue])).toEqual([
      [2, 200_000],
      [1, 50_000],
      [3, 40_000],
      [4, 8_000],
    ]);
    expect(overview.segments.find((s: { segment: string }) => s.segment === 'champions')).toEqual({
      segment: 'champions',
      customers: 2,
      revenue: 150_000,
    });
    expect(overview.matrix.cells.best).toEqual({ customers: 3, revenue: 250_000 });
  });

  it('refuses cut points that do not add up to 100, or names that do not match them', async () => {
    const r = await researcher.put('/api/customers/settings', {
      cuts: [1, 4, 15, 70],
      tierNames: ['a', 'b', 'c', 'd'],
    });
    expect(r.body.error).toMatchObject({ path: 'cuts', message: 'cuts: the shares must add up to 100' });
    const names = await researcher.put('/api/customers/settings', { cuts: [50, 50], tierNames: ['a'] });
    expect(names.body.error).toMatchObject({ path: 'tierNames' });
    expect((await researcher.get('/api/customers/settings')).body).toEqual({
      cuts: [1, 4, 15, 80],
      tierNames: ['vip', 'major', 'ordinary', 'small'],
    });
  });

  it('filters by segment, searches by name, e-mail and id, and pages', async () => {
    await loadRegister();
    const champions = (await researcher.get('/api/customers?segment=champions')).body;
    expect(champions.customers.map((c: { externalId: string }) => c.externalId)).toEqual(['A', 'C']);
    expect(
      (await researcher.get('/api/customers?q=customer%20h')).body.customers.map(
        (c: { externalId: string }) => c.externalId,
      ),
    ).toEqual(['H']);
    expect(
      (await researcher.get('/api/customers?q=G%40EXAMPLE')).body.customers.map(
        (c: { externalId: string }) => c.externalId,
      ),
    ).toEqual(['G']);
    // A % in a search is a letter, not a wildcard.
    expect((await researcher.get('/api/customers?q=%25')).body.total).toBe(0);
    const page2 = (await researcher.get('/api/customers?page=2&pageSize=3')).body;
    // Ordered by revenue, then id: A B C | D E F | …
    expect(page2).toMatchObject({ total: 10, page: 2, pageSize: 3 });
    expect(page2.customers.map((c: { externalId: string }) => c.externalId)).toEqual(['D', 'E', 'F']);
    expect((await researcher.get('/api/customers?segment=vip')).body.error.path).toBe('segment');
    expect((await researcher.get('/api/customers?pageSize=1000')).body.error.message).toBe(
      'pageSize: must be at most 200',
    );
  });

  it('refuses a transactions file with faulty rows, listing each by line, and stores nothing', async () => {
    await loadRegister();
    const before = await count('customer_transactions');
    const r = await importTransactions(
      'customer,date,amount,currency\n' +
        'A,2026-11-01,10.00,EUR\n' +
        'Z,2026-11-01,10.00,EUR\n' +
        'A,2026-02-30,10.00,EUR\n' +
        'A,2026-11-01,10.005,EUR\n' +
        'A,2026-11-01,10.00,USD\n' +
        'A,2026-11-01,10.00,EURO\n',
    );
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'unknown-customer'],
      [4, 'bad-date'],
      [5, 'bad-amount'],
      [6, 'mixed-currency'],
      [7, 'bad-currency'],
    ]);
    expect(r.body.error.details[3].message).toBe(
      'is in USD where the register is in EUR: one register holds one currency',
    );
    expect(await count('customer_transactions')).toBe(before);
    expect((await importTransactions('customer,date\nA,2026-11-01\n')).body.error.details[0]).toMatchObject({
      code: 'missing-columns',
      params: { columns: 'amount, currency' },
    });
  });

  it('leaves out the transactions of an import still running (or cut short by a crash)', async () => {
    await loadRegister();
    const a = await byExternal(researcher, 'A');
    // What a crash mid-import leaves: rows under an import that never became done.
    const importId = await t.value(
      `insert into customer_imports (status, rows, created_at) values ('running', 1, ?) returning id`,
      t.clock.now(),
    );
    await t.rows(
      'insert into customer_transactions (import_id, customer_id, at, amount, currency) values (?, ?, ?, ?, ?) returning id',
      importId,
      a.id,
      t.clock.now(),
      999_999,
      'EUR',
    );
    await researcher.put('/api/customers/settings', {
      cuts: [1, 4, 15, 80],
      tierNames: ['vip', 'major', 'ordinary', 'small'],
    });
    const after = await byExternal(researcher, 'A');
    expect(after.value.monetary).toBe(100_000);
    expect(after.transactions.count).toBe(5);
  });

  it('takes ready-made recency, frequency and monetary figures instead of transactions', async () => {
    await importCustomers('id,name\nP,Pham\nQ,Quinn\n');
    const r = await importTransactions(
      'customer;recency;frequency;monetary;currency\nP;3;12;250000;VND\nQ;120;2;40000;VND\n',
    );
    expect(r.body).toEqual({ imported: 2, customers: 2, mode: 'figures' });
    const p = await byExternal(researcher, 'P');
    // n = 2: P is better on every dimension (1 worse → 1 + ⌊5/2⌋ = 3), Q worst (1).
    expect(p.value).toMatchObject({
      frequency: 12,
      monetary: 250_000,
      currency: 'VND',
      r: 3,
      f: 3,
      m: 3,
      lastPurchaseAt: t.clock.now() - 3 * DAY,
    });
    expect((await byExternal(researcher, 'Q')).value).toMatchObject({ r: 1, f: 1, m: 1, segment: 'lost' });
  });
});

describe('import size', () => {
  it('accepts an import body above the general limit, up to IMPORT_LIMIT_BYTES, and answers 413 beyond it', async () => {
    t.cleanup();
    t = makeTestApp({ BODY_LIMIT_BYTES: '2048', IMPORT_LIMIT_BYTES: '8192' });
    ({ researcher } = await signedInAgents(t.app));
    const rows = (n: number) =>
      'id,name\n' + Array.from({ length: n }, (_, i) => `X${i},Customer number ${i}`).join('\n');
    expect((await importCustomers(rows(150))).status).toBe(201);
    const tooBig = await importCustomers(rows(400));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe('the body is larger than 8192 bytes');
    expect(await count('customers')).toBe(150);
    // Other routes keep the general limit.
    expect((await researcher.put('/api/customers/by-external-id/X1', { name: 'x'.repeat(3000) })).status).toBe(413);
  });
});

describe('what viewers see, and the customer’s surveys', () => {
  it('shows viewers the register without e-mail or phone, and does not let them search by e-mail', async () => {
    await importCustomers(CUSTOMERS);
    const khai = await byExternal(viewer, 'C1');
    expect(khai).toMatchObject({ name: 'Nguyễn Thị Minh Khai', email: null, phone: null });
    expect(JSON.stringify(khai)).not.toContain('khai@example.vn');
    expect((await viewer.get('/api/customers?q=khai%40example')).body.total).toBe(0);
    expect((await researcher.get('/api/customers?q=khai%40example')).body.total).toBe(1);
  });

  it('links the invitations and responses whose customer_id hidden field is the customer’s id', async () => {
    await importCustomers(CUSTOMERS);
    const def = { ...smallSurvey(), hiddenFields: ['customer_id'] };
    const survey = (await researcher.post('/api/surveys', { definition: def })).body;
    const versionId = (await researcher.post(`/api/surveys/${survey.id}/publish`)).body.versions[0].id;
    await researcher.post(`/api/surveys/${survey.id}/invitations/import`, {
      csv: 'email,customer_id\nkhai@example.vn,C1\nother@example.com,C10\n',
    });
    const submit = (clientId: string, customerId: string) =>
      new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
        clientId,
        versionId,
        complete: true,
        answers: { sat: 4, nps: 9 },
        page: 1,
        hidden: { customer_id: customerId },
      });
    expect((await submit('client-one-1', 'C1')).status).toBeLessThan(300);
    expect((await submit('client-ten-10', 'C10')).status).toBeLessThan(300);
    const detail = await byExternal(researcher, 'C1');
    expect(detail.invitations).toEqual([
      { surveyId: survey.id, surveyTitle: 'Store visit', status: 'not-started', createdAt: t.clock.now() },
    ]);
    expect(detail.responses).toEqual([
      {
        surveyId: survey.id,
        surveyTitle: 'Store visit',
        status: 'complete',
        wave: 1,
        startedAt: t.clock.now(),
        completedAt: t.clock.now(),
        scores: { satisfaction: { value: 4, min: 1, max: 5 }, nps: 9, loyal: null },
      },
    ]);
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await researcher.get('/api/customers/nobody')).status).toBe(404);
  });
});
