/**
 * Lifting the suppression list when an erased person consents again: an admin names the e-mail,
 * the CRM id or both, they are hashed as at the erasure and taken off the list, and the CRM may add
 * the person back; the audit log records the lift without the values — on either database.
 */
import { beforeEach, afterEach, expect, it } from 'vitest';
import { makeTestApp, signedInAgents } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;

const EMAIL = 'Come.Back@Example.com';

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  expect((await r.post('/api/customers/import', { csv: `id,name,email\nC1,Returning An,${EMAIL}\n` })).status).toBe(
    201,
  );
  const c1 = String(await t.value('select id from customers where external_id = ?', 'C1'));
  expect((await r.delete(`/api/customers/${c1}`)).status).toBe(200);
});
afterEach(() => t.cleanup());

const upsert = (email?: string) =>
  agents.researcher.put('/api/customers/by-external-id/C1', { name: 'Returning An', ...(email ? { email } : {}) });
const listed = async () => Number(await t.value('select count(*) from customer_suppressions'));

it('refuses the upsert until both the CRM id and the e-mail are lifted, then accepts it', async () => {
  expect((await upsert(EMAIL)).body.error.code).toBe('erased-customer');

  const byId = await agents.admin.post('/api/customers/suppressions/lift', { externalId: 'C1' });
  expect(byId.status).toBe(200);
  expect(byId.body).toEqual({ lifted: 1 });
  expect(await listed()).toBe(1);
  // The address is listed apart: still refused with it, accepted without it.
  const withEmail = await upsert(EMAIL);
  expect(withEmail.status).toBe(409);
  expect(withEmail.body.error.path).toBe('email');

  // Hashed as at the erasure: case and spaces of the address do not matter.
  const byEmail = await agents.admin.post('/api/customers/suppressions/lift', { email: '  come.back@EXAMPLE.com ' });
  expect(byEmail.body).toEqual({ lifted: 1 });
  expect(await listed()).toBe(0);

  const back = await upsert(EMAIL);
  expect(back.status).toBe(201);
  expect(back.body.email).toBe(EMAIL);
});

it('lifts both at once, and a second lift finds nothing: 404, nothing changed', async () => {
  const both = await agents.admin.post('/api/customers/suppressions/lift', { email: EMAIL, externalId: 'C1' });
  expect(both.body).toEqual({ lifted: 2 });
  const again = await agents.admin.post('/api/customers/suppressions/lift', { email: EMAIL, externalId: 'C1' });
  expect(again.status).toBe(404);
  expect(again.body.error.code).toBe('not-found');
  expect(again.body.error.message).toBe('no erased customer has this e-mail address or customer id');
  expect((await upsert(EMAIL)).status).toBe(201);
});

it('refuses bad input and other roles, leaving the list as it was', async () => {
  const a = agents.admin;
  const empty = await a.post('/api/customers/suppressions/lift', {});
  expect(empty.status).toBe(400);
  expect(empty.body.error.message).toContain('give an e-mail address, a customer id or both');
  expect((await a.post('/api/customers/suppressions/lift', { email: 'not-an-address' })).status).toBe(400);
  expect((await a.post('/api/customers/suppressions/lift', { externalId: '   ' })).status).toBe(400);
  expect((await a.post('/api/customers/suppressions/lift', { externalId: 'C9' })).status).toBe(404);
  expect((await agents.researcher.post('/api/customers/suppressions/lift', { externalId: 'C1' })).status).toBe(403);
  expect(await listed()).toBe(2);
  expect((await upsert()).status).toBe(409);
});

it('is audited without the e-mail or the CRM id', async () => {
  expect((await agents.admin.post('/api/customers/suppressions/lift', { email: EMAIL, externalId: 'C1' })).status).toBe(
    200,
  );
  const rows = await t.rows(
    'select route, params, target from audit_log where route = ?',
    '/api/customers/suppressions/lift',
  );
  expect(rows).toHaveLength(1);
  const text = JSON.stringify(rows).toLowerCase();
  expect(text).not.toContain(EMAIL.toLowerCase());
  expect(text).not.toContain('c1');
});
