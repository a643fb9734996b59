/**
 * A customer's privacy: a viewer sees contact details only of customers they own a case with;
 * everything held about a customer exports; erasure leaves no name or e-mail in any API answer,
 * export, report, share link, case note, webhook payload (queued before or made after) or backup
 * made afterwards, keeping the answers anonymous or deleting them; retention erases contact
 * details after the set days.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { backupText } from '../support/backup-text';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };
let ids: Record<string, string>;
let webhookId: string;

const NAME = 'Erasable Nguyễn';
const EMAIL = 'erase.me@example.com';
const PHONE = '+84 90 000 1234';

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  await r.post('/api/customers/import', {
    csv: `id,name,email,phone,panel\nC1,${NAME},${EMAIL},${PHONE},yes\nC2,Kept Trần,kept@example.com,,\n`,
  });
  await r.post('/api/customers/transactions/import', {
    csv: 'customer,date,amount,currency\nC1,2026-11-01,500,EUR\nC1,2026-10-01,250,EUR\nC2,2026-09-01,100,EUR\n',
  });
  ids = Object.fromEntries(
    (await r.get('/api/customers')).body.customers.map((c: { id: string; externalId: string }) => [c.externalId, c.id]),
  );
  const def = smallSurvey();
  def.pages[1].questions.push({
    id: 'contact',
    type: 'contact',
    text: { en: 'May we call you back?' },
    consent: { en: 'Yes, contact me about my answers' },
  } as never);
  const created = (await r.post('/api/surveys', { definition: { ...def, hiddenFields: ['customer_id'] } })).body;
  const published = (await r.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
  // A receiver that can't be reached (the name does not resolve): what is queued for it stays queued.
  const hook = await r.post(`/api/surveys/${survey.id}/webhooks`, {
    url: 'https://hooks.example.invalid/yardstick',
    events: ['response.completed', 'case.opened', 'case.updated'],
  });
  expect(hook.status).toBe(201);
  webhookId = hook.body.webhook.id;
  // C1 is invited from the register (the panel's one member) and answers through the invitation.
  const drawn = await r.post(`/api/surveys/${survey.id}/draws`, {
    by: 'panel',
    completes: { yes: 1 },
    responseRate: 1,
  });
  expect(drawn.body.customers).toEqual(['C1']);
  const token = String(await t.value('select token from invitations where customer_id = ?', ids.C1));
  const answer = (clientId: string, extra: Record<string, unknown>) =>
    new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
      clientId,
      versionId: survey.versionId,
      complete: true,
      page: 1,
      ...extra,
    });
  expect(
    (
      await answer('client-c1-answer', {
        invitation: token,
        answers: { sat: 1, nps: 2, why: 'Slow delivery', contact: { name: NAME, email: EMAIL, consent: true } },
      })
    ).body,
  ).toEqual({ status: 'complete' });
  expect(
    (await answer('client-c2-answer', { answers: { sat: 5, nps: 10 }, hidden: { customer_id: 'C2' } })).body,
  ).toEqual({ status: 'complete' });
  // The viewer opens a case on C1's answer from the report's at-risk list, and owns it.
  const atRisk = (await agents.viewer.get(`/api/surveys/${survey.id}/report/customer-value`)).body.atRisk;
  expect(atRisk.map((c: { externalId: string }) => c.externalId)).toEqual(['C1']);
  expect(
    (await agents.viewer.post(`/api/surveys/${survey.id}/cases`, { responseId: atRisk[0].responseId })).status,
  ).toBe(201);
});
afterEach(() => t.cleanup());

describe('who sees contact details', () => {
  it('shows a viewer the contact details of a customer they own a case with, and no others', async () => {
    expect((await agents.viewer.get(`/api/customers/${ids.C1}`)).body).toMatchObject({ email: EMAIL, phone: PHONE });
    expect((await agents.viewer.get(`/api/customers/${ids.C2}`)).body).toMatchObject({
      name: 'Kept Trần',
      email: null,
    });
    const list = (await agents.viewer.get('/api/customers')).body.customers;
    expect(list.find((c: { externalId: string }) => c.externalId === 'C2').email).toBeNull();
    expect(list.find((c: { externalId: string }) => c.externalId === 'C1').email).toBe(EMAIL);
  });
});

describe('exporting one customer', () => {
  it('gives everything held: details, value, transactions, invitations, responses and cases', async () => {
    const res = await agents.researcher.get(`/api/customers/${ids.C1}/export/all.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="customer-C1.json"');
    const x = res.body;
    expect(x.customer).toMatchObject({ externalId: 'C1', name: NAME, email: EMAIL, phone: PHONE, monetary: 75_000 });
    expect(x.transactions.map((tr: { amount: number }) => tr.amount)).toEqual([25_000, 50_000]);
    // First scored with the customer file (no revenue yet), then with the transactions.
    expect(x.valueHistory.map((h: { monetary: number }) => h.monetary)).toEqual([0, 75_000]);
    expect(x.invitations).toHaveLength(1);
    expect(x.invitations[0]).toMatchObject({ email: EMAIL, status: 'completed' });
    expect(x.responses).toHaveLength(1);
    expect(x.responses[0].answers).toMatchObject({ sat: 1, why: 'Slow delivery', contact: { email: EMAIL } });
    expect(x.cases).toHaveLength(1);
    expect(x.unsubscribed).toBe(false);
    expect((await agents.viewer.get(`/api/customers/${ids.C1}/export/all.json`)).status).toBe(403);
  });
});

describe('erasing a customer', () => {
  it('leaves no name or e-mail in any answer, report, share link, case, audit entry or backup made afterwards', async () => {
    const r = agents.researcher;
    const share = (await r.post(`/api/surveys/${survey.id}/shares`, { label: 'Board' })).body;
    expect((await r.get(`/api/surveys/${survey.id}/report`)).status).toBe(200);
    // The viewer's notes on C1's case: one names them, one doesn't.
    const [caseId] = (await t.rows('select id from cases')).map((c) => String(c.id));
    const note = (text: string) => agents.viewer.post(`/api/cases/${caseId}/notes`, { text });
    // Written in capitals: found all the same.
    expect((await note(`Called back, wrote to ${EMAIL.toUpperCase()}`)).status).toBe(201);
    expect((await note('Refund of €50 agreed')).status).toBe(201);
    // Queued for the unreachable receiver: C1's and C2's completed responses and the two notes
    // (a case opened from the at-risk list tells no webhook); C1's response carries their name and
    // address (their contact answer), and the first note their address.
    const bodies = async () => (await t.rows('select body from outbox order by created_at')).map((o) => String(o.body));
    const before = await bodies();
    expect(before).toHaveLength(4);
    const carrying = before.filter((b) => b.includes(EMAIL) || b.includes(NAME) || b.includes('Called back'));
    expect(carrying).toHaveLength(2);
    const erased = await r.delete(`/api/customers/${ids.C1}`);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      responses: 1,
      invitations: 1,
      deliveries: carrying.length,
      notes: 1,
      mode: 'anonymise',
    });
    // What stays queued is about others: C2's response and the note that names nobody.
    const kept = await bodies();
    expect(kept).toHaveLength(before.length - carrying.length);
    expect(kept.some((b) => b.includes('"customer_id":"C2"'))).toBe(true);
    expect(kept.some((b) => b.includes('Refund of €50 agreed'))).toBe(true);
    expect(kept.some((b) => b.includes('Called back'))).toBe(false);
    // A change to the case afterwards queues a new delivery, which carries nobody either.
    expect((await agents.viewer.patch(`/api/cases/${caseId}`, { status: 'in-progress' })).status).toBe(200);
    const after = await bodies();
    expect(after).toHaveLength(kept.length + 1);
    for (const b of after) {
      expect(b).not.toContain(NAME);
      expect(b).not.toContain(EMAIL);
    }

    const seen: string[] = [];
    const read = async (agent: Agent, path: string) => {
      const res = await agent.get(path);
      seen.push(`${path} ${res.status}: ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`);
      return res;
    };
    expect((await read(r, `/api/customers/${ids.C1}`)).status).toBe(404);
    await read(r, '/api/customers?q=erase');
    await read(r, `/api/surveys/${survey.id}/report`);
    await read(r, `/api/surveys/${survey.id}/report/verbatims`);
    await read(r, `/api/surveys/${survey.id}/report/customer-value`);
    await read(r, `/api/surveys/${survey.id}/invitations`);
    await read(r, `/api/surveys/${survey.id}/invitations.csv`);
    await read(r, `/api/surveys/${survey.id}/export/responses.csv`);
    await read(agents.anonymous, `/api/public/reports/${share.token}/report`);
    await read(agents.anonymous, `/api/public/reports/${share.token}/report/verbatims`);
    const cases = await read(agents.viewer, '/api/cases');
    for (const c of cases.body.cases) await read(agents.viewer, `/api/cases/${c.id}`);
    await read(agents.admin, '/api/audit');
    await read(r, `/api/surveys/${survey.id}/webhooks/${webhookId}/deliveries`);
    await read(r, `/api/customers/${ids.C2}/export/all.json`);
    const all = seen.join('\n');
    expect(all).toContain('Refund of €50 agreed');
    expect(all).not.toContain('Called back');
    expect(all).not.toContain(NAME);
    expect(all).not.toContain(EMAIL);
    expect(all).not.toContain(PHONE);
    // The answers stay, anonymous: the satisfaction of 1 still counts, the open answer is kept.
    expect(all).toContain('Slow delivery');
    const report = (await r.get(`/api/surveys/${survey.id}/report`)).body;
    expect(report.sections.fieldwork.n).toBe(2);

    const backup = await backupText(t);
    expect(backup).not.toContain(EMAIL);
    expect(backup).not.toContain(NAME);
    expect(backup).toContain('Kept Trần');
  });

  it('deletes the answers instead when asked, and refuses an unknown mode or customer', async () => {
    const r = agents.researcher;
    expect((await r.delete(`/api/customers/${ids.C2}?responses=shred`)).status).toBe(400);
    expect((await agents.viewer.delete(`/api/customers/${ids.C2}`)).status).toBe(403);
    const erased = await r.delete(`/api/customers/${ids.C2}?responses=delete`);
    // C2's completed response was queued for the webhook; it goes with the response.
    expect(erased.body).toEqual({ responses: 1, invitations: 0, deliveries: 1, notes: 0, mode: 'delete' });
    expect(Number(await t.value('select count(*) from responses'))).toBe(1);
    expect((await r.delete(`/api/customers/${ids.C2}`)).status).toBe(404);
  });
});

describe('retention', () => {
  it('erases the contact details of customers untouched for the set days, keeping their value', async () => {
    const r = agents.researcher;
    expect((await r.get('/api/customers/retention')).body).toEqual({ retentionDays: null });
    // C2 was last updated 400 days ago; C1 today.
    await t.rows(
      'update customers set updated_at = ? where id = ? returning id',
      t.clock.now() - 400 * 86_400_000,
      ids.C2,
    );
    expect((await r.put('/api/customers/retention', { retentionDays: 365 })).body).toEqual({ retentionDays: 365 });
    const c2 = (await r.get(`/api/customers/${ids.C2}`)).body;
    expect(c2).toMatchObject({ name: null, email: null, phone: null, monetary: 10_000 });
    expect((await r.get(`/api/customers/${ids.C1}`)).body).toMatchObject({ name: NAME, email: EMAIL });
    expect((await r.put('/api/customers/retention', { retentionDays: 0 })).status).toBe(400);
    expect((await r.put('/api/customers/retention', { retentionDays: null })).body).toEqual({ retentionDays: null });
  });
});
