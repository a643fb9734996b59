/**
 * A case opened from the report's at-risk list when two managers on two nodes click the same
 * customer at once: one case, on either database. The completed responses are written straight to
 * the database, linked to their customers as the submission path links them, so that the case
 * route (the alerts area's reading of cases aside) is all that runs.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let surveyId: string;

/** K1–K8 with revenues 1,000 … 20 EUR; gold (25 %) holds K1 and K2, and K2 bought longest ago. */
const CUSTOMERS =
  'id,name,email\nK1,An,k1@example.com\nK2,Bảo,k2@example.com\nK3,Chi,k3@example.com\nK4,Dũng,k4@example.com\nK5,E,k5@example.com\nK6,F,k6@example.com\nK7,G,k7@example.com\nK8,H,k8@example.com\n';
const TRANSACTIONS =
  'customer,date,amount,currency\n' +
  'K1,2026-11-20,1000,EUR\nK2,2024-01-10,600,EUR\nK3,2026-10-01,300,EUR\nK4,2026-09-01,100,EUR\n' +
  'K5,2026-11-01,50,EUR\nK6,2026-11-02,40,EUR\nK7,2026-11-03,30,EUR\nK8,2026-11-04,20,EUR\n';

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  expect((await r.post('/api/customers/import', { csv: CUSTOMERS })).status).toBe(201);
  expect((await r.post('/api/customers/transactions/import', { csv: TRANSACTIONS })).status).toBe(201);
  expect((await r.put('/api/customers/settings', { cuts: [25, 75], tierNames: ['gold', 'lead'] })).status).toBe(200);
  const created = (await r.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['customer_id'] } }))
    .body;
  const versionId = (await r.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
  surveyId = created.id;
  // K1: satisfaction 2, NPS 3; K2: 5 and 10; K3: 4 and 8; K4: 1 and 7.
  for (const [external, sat, nps] of [
    ['K1', 2, 3],
    ['K2', 5, 10],
    ['K3', 4, 8],
    ['K4', 1, 7],
  ] as const) {
    const customerId = await t.value('select id from customers where external_id = ?', external);
    const now = t.clock.now();
    await t.rows(
      `insert into responses (survey_id, version_id, client_id, status, answers, hidden, is_test, started_at,
        updated_at, completed_at, customer_id) values (?, ?, ?, 'complete', ?, ?, false, ?, ?, ?, ?) returning id`,
      surveyId,
      versionId,
      `client-${external}`,
      JSON.stringify({ sat, nps }),
      JSON.stringify({ customer_id: external }),
      now,
      now,
      now,
      customerId,
    );
  }
});
afterEach(() => t.cleanup());

const report = async (agent: Agent) => {
  const res = await agent.get(`/api/surveys/${surveyId}/report/customer-value`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

it('opens one case when two managers on two nodes click the same customer at once, then shows them who it is', async () => {
  const v = await report(agents.viewer);
  expect(v.atRisk[0]).toMatchObject({ externalId: 'K1', name: null, caseId: null });
  const body = { responseId: v.atRisk[0].responseId };
  // The same manager, signed in on a second node.
  const onOther = new Agent(t.anotherNode());
  expect(
    (await onOther.post('/api/auth/login', { email: 'viewer@example.com', password: 'password-for-viewer' })).status,
  ).toBe(200);
  const [first, second] = await Promise.all([
    agents.viewer.post(`/api/surveys/${surveyId}/cases`, body),
    onOther.post(`/api/surveys/${surveyId}/cases`, body),
  ]);
  expect([first.status, second.status].sort()).toEqual([200, 201]);
  expect(first.body.id).toBe(second.body.id);
  expect(Number(await t.value('select count(*) from cases'))).toBe(1);
  expect((await report(agents.viewer)).atRisk[0]).toMatchObject({
    externalId: 'K1',
    name: 'An',
    caseId: first.body.id,
  });
  expect((await agents.viewer.post(`/api/surveys/${surveyId}/cases`, { responseId: 999 })).status).toBe(404);
  expect((await agents.viewer.post(`/api/surveys/${surveyId}/cases`, { responseId: 'x' })).status).toBe(400);
});
