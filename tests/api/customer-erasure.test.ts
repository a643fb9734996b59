/**
 * Erasing a customer who was drawn, invited and unsubscribed, on either database: afterwards no API
 * answer, export or audit entry holds their name, e-mail or phone, their invitation keeps no
 * contact or link to them, and a backup made afterwards (SQLite's online backup, PostgreSQL's
 * pg_dump) holds none of it, while the other customer's name is still there.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { backupText } from '../support/backup-text';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;

const NAME = 'Erasable Nguyễn';
const EMAIL = 'erase.me@example.com';
const PHONE = '+84 90 000 1234';
const KEPT = 'Kept Trần';

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
});
afterEach(() => t.cleanup());

it('leaves no name, e-mail or phone in any answer, export, invitation, audit entry or backup made afterwards', async () => {
  const r = agents.researcher;
  expect(
    (
      await r.post('/api/customers/import', {
        csv: `id,name,email,phone,region\nC1,${NAME},${EMAIL},${PHONE},north\nC2,${KEPT},kept@example.com,,north\n`,
      })
    ).status,
  ).toBe(201);
  await r.post('/api/customers/transactions/import', {
    csv: 'customer,date,amount,currency\nC1,2026-11-01,500,EUR\nC2,2026-09-01,100,EUR\n',
  });
  const ids: Record<string, string> = Object.fromEntries(
    (await r.get('/api/customers')).body.customers.map((c: { id: string; externalId: string }) => [c.externalId, c.id]),
  );
  const survey = (await r.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['customer_id'] } }))
    .body;
  await r.post(`/api/surveys/${survey.id}/publish`);
  const drawn = await r.post(`/api/surveys/${survey.id}/draws`, {
    by: 'region',
    completes: { north: 2 },
    responseRate: 1,
    seed: 'erase',
  });
  expect(drawn.body.customers.sort()).toEqual(['C1', 'C2']);
  const token = String(await t.value('select token from invitations where customer_id = ?', ids.C1));
  const unsubscribe = await new Agent(t.app).request('POST', `/u/${token}`, 'List-Unsubscribe=One-Click', {
    'content-type': 'application/x-www-form-urlencoded',
  });
  expect(unsubscribe.status).toBe(200);
  expect(await t.rows('select email from unsubscribes')).toEqual([{ email: EMAIL }]);

  const erased = await r.delete(`/api/customers/${ids.C1}`);
  expect(erased.status).toBe(200);
  expect(erased.body).toEqual({ responses: 0, invitations: 1, deliveries: 0, notes: 0, mode: 'anonymise' });

  const seen: string[] = [];
  const read = async (agent: Agent, path: string) => {
    const res = await agent.get(path);
    seen.push(`${path} ${res.status}: ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`);
    return res;
  };
  expect((await read(r, `/api/customers/${ids.C1}`)).status).toBe(404);
  expect((await read(r, `/api/customers/${ids.C1}/export/all.json`)).status).toBe(404);
  expect((await read(r, '/api/customers?q=erase')).body.total).toBe(0);
  await read(r, '/api/customers');
  await read(r, '/api/customers/value');
  await read(r, `/api/customers/${ids.C2}`);
  await read(r, `/api/customers/${ids.C2}/export/all.json`);
  await read(r, `/api/surveys/${survey.id}/draws`);
  expect((await read(agents.anonymous, `/u/${token}`)).status).toBe(404);
  await read(agents.admin, '/api/audit');
  const all = seen.join('\n');
  for (const erasedText of [NAME, EMAIL, PHONE]) expect(all).not.toContain(erasedText);
  expect(all).toContain(KEPT);

  // The invitation stays (the survey's counts need it) without a contact or a link to the customer;
  // their tier and segment at the time stay, naming nobody.
  const [invitation] = await t.rows(
    'select name, email, customer_id as "customerId", hidden from invitations where token = ?',
    token,
  );
  const hidden = typeof invitation.hidden === 'string' ? JSON.parse(invitation.hidden) : invitation.hidden;
  expect(invitation).toMatchObject({ name: null, email: null, customerId: null });
  expect(Object.keys(hidden).sort()).toEqual(['customer_segment', 'customer_tier']);
  expect(await t.rows('select email from unsubscribes')).toEqual([]);

  const dump = await backupText(t);
  for (const erasedText of [NAME, EMAIL, PHONE]) expect(dump).not.toContain(erasedText);
  expect(dump).toContain(KEPT);
});

it('erases by retention the contact details of customers untouched for the set days, with their invitations’', async () => {
  const r = agents.researcher;
  await r.post('/api/customers/import', {
    csv: `id,name,email,phone,region\nC1,${KEPT},kept@example.com,,north\nC2,${NAME},${EMAIL},${PHONE},north\n`,
  });
  const survey = (await r.post('/api/surveys', { definition: smallSurvey() })).body;
  await r.post(`/api/surveys/${survey.id}/publish`);
  await r.post(`/api/surveys/${survey.id}/draws`, { by: 'region', completes: { north: 2 }, responseRate: 1 });
  const c2 = String(await t.value('select id from customers where external_id = ?', 'C2'));
  // C2 was last updated 400 days ago; C1 today.
  await t.rows('update customers set updated_at = ? where id = ? returning id', t.clock.now() - 400 * 86_400_000, c2);
  expect((await r.put('/api/customers/retention', { retentionDays: 365 })).body).toEqual({ retentionDays: 365 });
  expect((await r.get(`/api/customers/${c2}`)).body).toMatchObject({ externalId: 'C2', name: null, email: null });
  const contacts = await t.rows("select name, email from invitations order by coalesce(name, '')");
  expect(contacts).toEqual([
    { name: null, email: null },
    { name: KEPT, email: 'kept@example.com' },
  ]);
  expect(await backupText(t)).not.toContain(EMAIL);
});
