/**
 * Every survey's customer fields (tier and RFM segment from the register): filled when an
 * invitation is made, carried into its response with a link to the customer, never taken from the
 * link, and read by quotas, report filters, cross-tab axes and alert rules like any hidden field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { Agent, itOnSqliteUntilPorted, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { basePlan } from '../support/plan';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };
let ids: Record<'admin' | 'viewer', string>;
let customerIds: Record<string, string>;

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  const users = (await agents.admin.get('/api/users')).body as { id: string; email: string }[];
  const by = (email: string) => users.find((u) => u.email === email)!.id;
  ids = { admin: by('ada@example.com'), viewer: by('viewer@example.com') };
  expect(
    (
      await r.post('/api/customers/import', {
        csv: 'id,name,email\nC1,An,c1@example.com\nC2,Bình,c2@example.com\nC3,Chi,c3@example.com\nC4,Dũng,c4@example.com\nC5,Em,c5@example.com\n',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await r.post('/api/customers/transactions/import', {
        csv: 'customer,date,amount,currency\nC1,2026-11-01,1000,EUR\nC2,2026-10-01,500,EUR\nC3,2026-09-01,300,EUR\nC4,2026-08-01,200,EUR\nC5,2026-07-01,100,EUR\n',
      })
    ).status,
  ).toBe(201);
  // Two tiers, 20 % / 80 %: of five customers the top one (C1, most revenue) is gold.
  expect((await r.put('/api/customers/settings', { cuts: [20, 80], tierNames: ['gold', 'lead'] })).status).toBe(200);
  const list = (await r.get('/api/customers')).body.customers as { id: string; externalId: string }[];
  customerIds = Object.fromEntries(list.map((c) => [c.externalId, c.id]));

  const created = (await r.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['customer_id'] } }))
    .body;
  const published = (await r.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(() => t.cleanup());

const segmentOf = async (externalId: string) =>
  (await agents.researcher.get(`/api/customers/${customerIds[externalId]}`)).body.segment as string;
const respond = (clientId: string, sat: number, extra: Record<string, unknown>) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId: `client-${clientId}`,
    versionId: survey.versionId,
    complete: true,
    answers: { sat, nps: sat * 2 },
    ...extra,
  });
const stored = async () =>
  (await t.rows('select client_id as "clientId", hidden, customer_id as "customerId" from responses order by id')) as {
    clientId: string;
    hidden: string;
    customerId: string | null;
  }[];

describe('customer fields of every survey', () => {
  itOnSqliteUntilPorted('fills tier and segment at invitation and links the response to the customer', async () => {
    const r = agents.researcher;
    const imported = await r.post(`/api/surveys/${survey.id}/invitations/import`, {
      csv: 'email,customer_id\nc1@example.com,C1\nc2@example.com,C2\nnobody@example.com,C99\n',
    });
    expect(imported.status).toBe(201);
    const invitations = (await r.get(`/api/surveys/${survey.id}/invitations`)).body.invitations as {
      email: string;
      hidden: Record<string, string>;
      link: string;
    }[];
    const of = (email: string) => invitations.find((i) => i.email === email)!;
    expect(of('c1@example.com').hidden).toEqual({
      customer_id: 'C1',
      customer_tier: 'gold',
      customer_segment: await segmentOf('C1'),
    });
    expect(of('c2@example.com').hidden).toMatchObject({ customer_tier: 'lead' });
    // A customer id the register doesn't know stays a plain hidden field.
    expect(of('nobody@example.com').hidden).toEqual({ customer_id: 'C99' });

    const token = of('c1@example.com').link.split('/i/')[1];
    // The respondent's page carries the customer id the contact list gave, not the tier or segment.
    const dir = join(t.config.DATABASE_PATH, '..', 'client');
    mkdirSync(join(dir, 'respondent'), { recursive: true });
    writeFileSync(join(dir, 'respondent', 'index.html'), '<html lang="en"><!--survey-data--><div id="root"></div>');
    const html = await (await createApp({ ...t, clientDir: dir }).request(`/i/${token}`)).text();
    expect(html).toContain('"customer_id":"C1"');
    expect(html).not.toContain('customer_tier');
    expect(html).not.toContain('customer_segment');
    // What the link claims is ignored: the invitation's fields win.
    const answered = await respond('inv-c1', 1, { invitation: token, hidden: { customer_tier: 'lead' } });
    expect(answered.body, JSON.stringify(answered.body)).toEqual({ status: 'complete' });
    const [row] = await stored();
    expect(row.customerId).toBe(customerIds.C1);
    expect(JSON.parse(row.hidden)).toMatchObject({ customer_id: 'C1', customer_tier: 'gold' });
    // The customer page finds the response through the link.
    const detail = (await r.get(`/api/customers/${customerIds.C1}`)).body;
    expect(detail.responses.map((x: { status: string }) => x.status)).toEqual(['complete']);
  });

  it('never takes tier or segment from an open link, and links a known customer_id from it to the register', async () => {
    await respond('open-forged', 4, { hidden: { customer_tier: 'gold', customer_segment: 'champions' } });
    await respond('open-c3', 4, { hidden: { customer_id: 'C3' } });
    const rows = await stored();
    expect(rows[0]).toMatchObject({ clientId: 'client-open-forged', customerId: null });
    expect(JSON.parse(rows[0].hidden)).toEqual({});
    expect(rows[1].customerId).toBe(customerIds.C3);
    expect(JSON.parse(rows[1].hidden)).toEqual({
      customer_id: 'C3',
      customer_tier: 'lead',
      customer_segment: await segmentOf('C3'),
    });
  });

  itOnSqliteUntilPorted(
    'are quota variables, report filters, cross-tab axes and alert conditions and routing',
    async () => {
      const r = agents.researcher;
      const plan = await r.put(`/api/surveys/${survey.id}/plan`, {
        plan: basePlan({
          quotas: {
            variables: [
              {
                source: 'customer_tier',
                label: 'Tier',
                unit: 'percent',
                categories: [
                  { value: 'gold', label: 'Gold', population: 20 },
                  { value: 'lead', label: 'Lead', population: 80 },
                ],
              },
            ],
            method: 'proportional',
            cells: [
              { key: 'gold', values: ['gold'], target: 1 },
              { key: 'lead', values: ['lead'], target: 10 },
            ],
          },
        }),
      });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      const rule = await r.post(`/api/surveys/${survey.id}/alerts/rules`, {
        name: 'Unhappy gold customer',
        when: {
          conditions: [
            { source: 'sat', op: 'between', max: 2 },
            { source: 'customer_tier', op: 'equals', value: 'gold' },
          ],
        },
        owner: {
          kind: 'route',
          field: 'customer_segment',
          routes: [{ value: await segmentOf('C1'), userId: ids.viewer }],
          fallbackUserId: ids.admin,
        },
        priority: 'high',
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(201);

      expect((await respond('c1', 1, { hidden: { customer_id: 'C1' } })).body).toEqual({ status: 'complete' });
      expect((await respond('c2', 1, { hidden: { customer_id: 'C2' } })).body).toEqual({ status: 'complete' });
      expect((await respond('c3', 5, { hidden: { customer_id: 'C3' } })).body).toEqual({ status: 'complete' });
      // The gold cell's target is 1: a second gold response is over quota.
      expect((await respond('c1-again', 4, { hidden: { customer_id: 'C1' } })).body).toEqual({ status: 'over-quota' });

      // One case: the unhappy gold customer's, routed by their segment to the viewer; C2 is unhappy but lead.
      const cases = await t.rows('select owner_id as "ownerId" from cases');
      expect(cases).toEqual([{ ownerId: ids.viewer }]);

      const report = (await r.get(`/api/surveys/${survey.id}/report`)).body;
      expect(report.filterOptions.hidden.customer_tier.values.map((x: { value: string }) => x.value).sort()).toEqual([
        'gold',
        'lead',
      ]);
      const lead = (await r.get(`/api/surveys/${survey.id}/report?filter=customer_tier:lead`)).body;
      expect(lead.sections.fieldwork.n).toBe(2);
      const table = await r.get(`/api/surveys/${survey.id}/report/crosstab?rows=sat&columns=hidden:customer_tier`);
      expect(table.status, JSON.stringify(table.body)).toBe(200);
      expect(JSON.stringify(table.body)).toContain('gold');
    },
  );
});
