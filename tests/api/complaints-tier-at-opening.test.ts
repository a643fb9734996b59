/**
 * Complaints by customer tier count each case under the tier its customer had when the case opened
 * (kept on the case), not the tier the customer has now; a case that recorded none (opened before
 * tiers were kept on cases) falls back to the tier now and is counted apart — on either database.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };
let n = 0;

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  const created = (await r.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['customer_id'] } }))
    .body;
  const published = (await r.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
  expect(
    (
      await r.post('/api/customers/import', {
        csv: 'id,name\nC1,An\nC2,Bình\nC3,Chi\nC4,Dũng\nC5,Em\n',
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
  expect((await setCuts([20, 80])).status).toBe(200);
  expect(
    (
      await r.post(`/api/surveys/${survey.id}/alerts/rules`, {
        name: 'Unhappy',
        when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
      })
    ).status,
  ).toBe(201);
});
afterEach(() => t.cleanup());

const setCuts = (cuts: number[]) =>
  agents.researcher.put('/api/customers/settings', { cuts, tierNames: ['gold', 'lead'] });
const respond = async (sat: number, customer: string) => {
  const r = await new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId: `client-${++n}`,
    versionId: survey.versionId,
    complete: true,
    answers: { sat, nps: 3, visit: 'buy' },
    hidden: { customer_id: customer },
  });
  expect(r.status).toBe(201);
};
const tierOf = (externalId: string) => t.value('select tier from customers where external_id = ?', externalId);
const byTier = async () => {
  const { complaints } = (await agents.researcher.get(`/api/surveys/${survey.id}/report`)).body.sections.cases;
  return {
    rows: complaints.byTier.map((r: { tierName: string | null; count: number }) => [r.tierName, r.count]),
    tierNow: complaints.tierNow,
  };
};

it("counts cases by the customer's tier when they opened, after the tiers change", async () => {
  // Cuts 20/80 on 5 customers: the top ⌈20 % of 5⌉ = 1 is gold (C1, 1,000 EUR), the rest lead.
  expect([await tierOf('C1'), await tierOf('C2'), await tierOf('C3')]).toEqual([0, 1, 1]);
  await respond(1, 'C1'); // case A: gold when opened
  await respond(2, 'C2'); // case B: lead when opened
  await respond(1, 'C4'); // case D: lead when opened
  // Cuts 40/60: the top ⌈40 % of 5⌉ = 2 are gold, so C2 (500 EUR) moves up to gold.
  expect((await setCuts([40, 60])).status).toBe(200);
  expect([await tierOf('C1'), await tierOf('C2'), await tierOf('C3')]).toEqual([0, 0, 1]);
  await respond(1, 'C3'); // case C: lead when opened
  // Opened by hand from the at-risk list on C5's response (lead): the tier is recorded there too.
  await respond(5, 'C5');
  const c5Response = Number(await t.value("select id from responses where hidden like '%C5%'"));
  expect((await agents.researcher.post(`/api/surveys/${survey.id}/cases`, { responseId: c5Response })).status).toBe(
    201,
  );

  const stored = await t.rows(
    'select c.customer_tier as "tier" from cases c join responses r on r.id = c.response_id order by r.id',
  );
  expect(stored.map((r) => r.tier)).toEqual([0, 1, 1, 1, 1]);
  // By hand, at opening: gold {A} = 1; lead {B, D, C, C5's} = 4. (By the tiers now it would be gold
  // {A, B} = 2, lead 3.)
  expect(await byTier()).toEqual({
    rows: [
      ['gold', 1],
      ['lead', 4],
    ],
    tierNow: 0,
  });
});

it('falls back to the tier now for a case that recorded none, and counts it apart', async () => {
  await respond(1, 'C1');
  await respond(2, 'C2');
  expect((await setCuts([40, 60])).status).toBe(200);
  // B as if opened before tiers were kept on cases.
  await t.exec(
    `update cases set customer_tier = null where response_id = (select id from responses where hidden like '%C2%')`,
  );
  // By hand: A gold at opening; B has no recorded tier, so C2's tier now, gold: gold 2, one of them by the tier now.
  expect(await byTier()).toEqual({ rows: [['gold', 2]], tierNow: 1 });
});
