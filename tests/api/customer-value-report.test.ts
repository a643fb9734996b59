/**
 * Value in the report, on four linked respondents whose figures are derived by hand below:
 * satisfaction and NPS by tier, respondent- and revenue-weighted; the revenue share of detractors
 * with its linearised interval; the high-value customers at risk, from which a manager opens a case
 * and then sees the customer's name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, itOnSqliteUntilPorted, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };

/**
 * K1–K8 with revenues 1,000, 600, 300, 100, 50, 40, 30, 20 EUR (2,140 in all). Tiers 25 / 75 %:
 * gold holds ⌈8 × 25 %⌉ = 2, K1 and K2. K2 bought longest ago: R score 1, lapsing.
 */
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
  const published = (await r.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
  // K1: satisfaction 2, NPS 3 (detractor); K2: 5 and 10 (promoter); K3: 4 and 8; K4: 1 and 7 (passives).
  for (const [id, sat, nps] of [
    ['K1', 2, 3],
    ['K2', 5, 10],
    ['K3', 4, 8],
    ['K4', 1, 7],
  ] as const) {
    const res = await new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
      clientId: `client-${id}`,
      versionId: survey.versionId,
      complete: true,
      answers: { sat, nps },
      hidden: { customer_id: id },
    });
    expect(res.body).toEqual({ status: 'complete' });
  }
});
afterEach(() => t.cleanup());

const report = async (agent: Agent) => {
  const res = await agent.get(`/api/surveys/${survey.id}/report/customer-value`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('value in the report', () => {
  it('gives satisfaction and NPS by tier, by respondents and by revenue, as derived by hand', async () => {
    const v = await report(agents.researcher);
    expect(v).toMatchObject({ currency: 'EUR', linked: 4, satisfactionQuestion: 'sat', npsQuestion: 'nps' });
    // All four: revenue 2,000 EUR. Satisfaction (2 + 5 + 4 + 1) / 4 = 3; by revenue
    // (2·1000 + 5·600 + 4·300 + 1·100) / 2000 = 3.15. NPS: 1 promoter, 1 detractor of 4 = 0; by
    // revenue (600 − 1,000) / 2,000 = −20.
    expect(v.all.revenue).toBe(200_000);
    expect(v.all.satisfaction).toBeCloseTo(3, 12);
    expect(v.all.satisfactionByRevenue).toBeCloseTo(3.15, 12);
    expect(v.all.nps).toBeCloseTo(0, 12);
    expect(v.all.npsByRevenue).toBeCloseTo(-20, 12);
    // Gold (K1, K2): revenue 1,600; satisfaction 3.5, by revenue (2,000 + 3,000) / 1,600 = 3.125;
    // NPS 0, by revenue (600 − 1,000) / 1,600 = −25. Lead (K3, K4): 400; 2.5, (1,200 + 100) / 400 = 3.25; NPS 0.
    const [gold, lead] = v.tiers;
    expect(gold).toMatchObject({ value: 'gold', responses: 2, revenue: 160_000 });
    expect(gold.satisfaction).toBeCloseTo(3.5, 12);
    expect(gold.satisfactionByRevenue).toBeCloseTo(3.125, 12);
    expect(gold.npsByRevenue).toBeCloseTo(-25, 12);
    expect(lead).toMatchObject({ value: 'lead', responses: 2, revenue: 40_000 });
    expect(lead.satisfactionByRevenue).toBeCloseTo(3.25, 12);
    expect(lead.nps).toBeCloseTo(0, 12);
    expect(v.segments.reduce((s: number, g: { responses: number }) => s + g.responses, 0)).toBe(4);
  });

  it('gives the revenue share of detractors with its interval, and the register revenue at risk', async () => {
    const v = await report(agents.researcher);
    // Flags 1, 0, 0, 0 behind 1,000, 600, 300, 100: R = 0.5. Residuals w(y − R) 500, −300, −150, −50,
    // squares 365,000; se = √(4/3 × 365,000) / 2,000 = 0.348807; margin 1.959964 × se = 0.683650.
    expect(v.detractorRevenueShare.estimate).toBeCloseTo(0.5, 12);
    expect(v.detractorRevenueShare.marginOfError).toBeCloseTo(0.68365, 5);
    expect(v.promoterRevenueShare.estimate).toBeCloseTo(0.3, 12);
    // The register's 2,140 EUR × 0.5; the interval clipped to 0…100 %.
    expect(v.registerRevenueAtRisk).toEqual({ estimate: 107_000, low: 0, high: 214_000 });
  });

  itOnSqliteUntilPorted(
    'lists the gold customers at risk, and a manager opens a case from the list and then sees who it is',
    async () => {
      const v = await report(agents.viewer);
      expect(v.topTiers).toEqual(['gold']);
      // K1 answered low (satisfaction 2 ≤ 1 + 1, NPS 3); K2 answered well but is lapsing (R 1).
      expect(
        v.atRisk.map((c: { externalId: string; reasons: string[]; name: string | null }) => [
          c.externalId,
          c.reasons,
          c.name,
        ]),
      ).toEqual([
        ['K1', ['low-satisfaction', 'detractor'], null],
        ['K2', ['lapsing'], null],
      ]);
      expect((await report(agents.researcher)).atRisk[0].name).toBe('An');

      const opened = await agents.viewer.post(`/api/surveys/${survey.id}/cases`, {
        responseId: v.atRisk[0].responseId,
      });
      expect(opened.status).toBe(201);
      const again = await agents.viewer.post(`/api/surveys/${survey.id}/cases`, { responseId: v.atRisk[0].responseId });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(opened.body.id);
      const after = await report(agents.viewer);
      expect(after.atRisk[0]).toMatchObject({ externalId: 'K1', name: 'An', caseId: opened.body.id });
      expect(after.atRisk[1].name).toBeNull();
      const theCase = await agents.viewer.get(`/api/cases/${opened.body.id}`);
      expect(theCase.status).toBe(200);
      expect(theCase.body).toMatchObject({ status: 'open', priority: 'high' });

      expect((await agents.viewer.post(`/api/surveys/${survey.id}/cases`, { responseId: 999 })).status).toBe(404);
      expect((await agents.viewer.post(`/api/surveys/${survey.id}/cases`, { responseId: 'x' })).status).toBe(400);
      expect((await agents.anonymous.get(`/api/surveys/${survey.id}/report/customer-value`)).status).toBe(401);
    },
  );
});
