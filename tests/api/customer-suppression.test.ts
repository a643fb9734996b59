/**
 * The suppression list of erased customers: kept as keyed hashes of their e-mail and CRM id, never
 * the values; a customer file or invitation list naming an erased person is refused by line with
 * nothing imported, a CRM upsert is refused with 409, and no survey e-mail reaches the address
 * again — on either database.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { backupText } from '../support/backup-text';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let smtp: SMTPServer;
let captured: string[][];

const EMAIL = 'Erase.Me@Example.com';

beforeEach(async () => {
  captured = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        captured.push(session.envelope.rcptTo.map((r) => r.address));
        cb();
      });
    },
  });
  await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
  t = makeTestApp({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}` });
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  expect(
    (
      await r.post('/api/customers/import', {
        csv: `id,name,email\nC1,Erasable An,${EMAIL}\nC2,Kept Bình,kept@example.com\n`,
      })
    ).status,
  ).toBe(201);
  const c1 = String(await t.value('select id from customers where external_id = ?', 'C1'));
  expect((await r.delete(`/api/customers/${c1}`)).status).toBe(200);
});
afterEach(async () => {
  t.cleanup();
  await new Promise<void>((res) => smtp.close(() => res()));
});

const customerIds = async () =>
  (await t.rows('select external_id as "externalId" from customers order by external_id')).map((r) => r.externalId);

it('keeps keyed hashes of the e-mail and CRM id, never the values, in the database or a backup', async () => {
  const held = (await t.rows('select hash from customer_suppressions')).map((r) => String(r.hash));
  expect(held).toHaveLength(2);
  for (const h of held) expect(h).toMatch(/^[0-9a-f]{64}$/);
  const backup = await backupText(t);
  expect(backup).not.toContain(EMAIL);
  expect(backup.toLowerCase()).not.toContain(EMAIL.toLowerCase());
  expect(backup).not.toContain('Erasable An');
});

it('refuses a customer file naming an erased person, by line and column, importing nothing', async () => {
  const r = agents.researcher;
  const byId = await r.post('/api/customers/import', {
    csv: 'id,name,email\nC3,New Chi,new@example.com\nC1,Back Again,\n',
  });
  expect(byId.status).toBe(400);
  expect(byId.body.error.message).toBe('line 3: this customer was erased on request and cannot be imported again');
  expect(byId.body.error.details).toEqual([
    {
      line: 3,
      column: 'id',
      code: 'erased',
      params: {},
      message: 'this customer was erased on request and cannot be imported again',
    },
  ]);
  // Another CRM id with the same address, written in another case: the same person.
  const byEmail = await r.post('/api/customers/import', {
    csv: 'customer_id;mail\nC3;new@example.com\nC9;erase.me@EXAMPLE.com\n',
  });
  expect(byEmail.status).toBe(400);
  expect(byEmail.body.error.details).toMatchObject([{ line: 3, column: 'mail', code: 'erased' }]);
  expect(await customerIds()).toEqual(['C2']);
  // Without them the file imports.
  expect((await r.post('/api/customers/import', { csv: 'id,email\nC3,new@example.com\n' })).status).toBe(201);
  expect(await customerIds()).toEqual(['C2', 'C3']);
});

it('refuses a CRM upsert of an erased person by CRM id or e-mail with 409, storing nothing', async () => {
  const r = agents.researcher;
  const byId = await r.put('/api/customers/by-external-id/C1', { name: 'Back Again' });
  expect(byId.status).toBe(409);
  expect(byId.body.error).toMatchObject({
    code: 'erased-customer',
    message: 'customer C1 was erased on request and cannot be added again',
    path: 'externalId',
  });
  // Another customer given the erased address, in another case and with spaces: the same person.
  const trimmed = await r.put('/api/customers/by-external-id/C2', { email: ' ERASE.ME@example.com' });
  expect(trimmed.status).toBe(409);
  expect(trimmed.body.error).toMatchObject({ code: 'erased-customer', path: 'email' });
  expect(await t.rows('select external_id as "externalId", email from customers')).toEqual([
    { externalId: 'C2', email: 'kept@example.com' },
  ]);
  expect((await r.put('/api/customers/by-external-id/C5', { name: 'Someone else' })).status).toBe(201);
});

it('refuses an invitation list naming an erased person, by line, and never mails the address again', async () => {
  const r = agents.researcher;
  const survey = (await r.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['customer_id'] } }))
    .body;
  await r.post(`/api/surveys/${survey.id}/publish`);
  const invite = (csv: string) => r.post(`/api/surveys/${survey.id}/invitations/import`, { csv });
  const byEmail = await invite('email,name\nkept@example.com,Bình\nERASE.ME@example.com,Again\n');
  expect(byEmail.status).toBe(400);
  expect(byEmail.body.error.details).toEqual([
    {
      line: 3,
      column: 'email',
      code: 'erased',
      message: 'this customer was erased on request and cannot be invited again',
    },
  ]);
  const byId = await invite('email,customer_id\nkept@example.com,C2\nnew.address@example.com,C1\n');
  expect(byId.status).toBe(400);
  expect(byId.body.error.details).toMatchObject([{ line: 3, column: 'customer_id', code: 'erased' }]);
  expect(Number(await t.value('select count(*) from invitations'))).toBe(0);

  // A list checked a moment before the erasure committed still lands: its mail is not sent.
  expect((await invite('email,name\nkept@example.com,Bình\nlate@example.com,Late\n')).status).toBe(201);
  await t.rows("update invitations set email = 'erase.me@example.com' where email = 'late@example.com' returning id");
  expect((await r.post(`/api/surveys/${survey.id}/mail`, { kind: 'invitation' })).status).toBe(202);
  await expect
    .poll(async () => (await r.get(`/api/surveys/${survey.id}/mail`)).body.jobs?.[0]?.status, { timeout: 10_000 })
    .toBe('done');
  expect(captured).toEqual([['kept@example.com']]);
});
