/**
 * Complaints as the customer-relationship texts classify them: a case's type and severity, set
 * through the case API and by the rule that opens it, carried by webhooks, filtered in the inbox,
 * counted in the report by type and customer tier, and shown on the customer page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

const HOUR = 3_600_000;
let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let viewerId: string;
let survey: { id: string; slug: string; versionId: number };
let n = 0;

beforeEach(async () => {
  t = makeTestApp({ WEBHOOK_ALLOW_PRIVATE: '1' });
  agents = await signedInAgents(t.app);
  const users = (await agents.admin.get('/api/users')).body as { id: string; email: string }[];
  viewerId = users.find((u) => u.email === 'viewer@example.com')!.id;
  survey = await publish({ ...smallSurvey(), hiddenFields: ['customer_id'] });
});
afterEach(() => t.cleanup());

async function publish(definition: unknown) {
  const r = agents.researcher;
  const created = (await r.post('/api/surveys', { definition })).body;
  const published = (await r.post(`/api/surveys/${created.id}/publish`)).body;
  return { id: created.id as string, slug: created.slug as string, versionId: published.versions[0].id as number };
}
const respond = async (
  s: { slug: string; versionId: number },
  answers: Record<string, unknown>,
  hidden: Record<string, string> = {},
) => {
  const r = await new Agent(t.app).post(`/api/public/s/${s.slug}/responses`, {
    clientId: `client-${++n}`,
    versionId: s.versionId,
    complete: true,
    answers,
    hidden,
  });
  expect(r.status).toBe(201);
};
const unhappyRule = (extra: Record<string, unknown> = {}) =>
  agents.researcher.post(`/api/surveys/${survey.id}/alerts/rules`, {
    name: 'Unhappy',
    when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
    ...extra,
  });
/** Case ids in the order their responses came in. */
const caseIds = async () =>
  ((await agents.researcher.get('/api/cases')).body.cases as { id: string; responseId: number }[])
    .sort((a, b) => a.responseId - b.responseId)
    .map((c) => c.id);
const caseRow = (id: string) =>
  t.rows('select complaint_type as "complaintType", severity, updated_at as "updatedAt" from cases where id = ?', id);

describe('a case’s complaint type and severity', () => {
  it('are set and cleared by whoever may work the case, each change in the history', async () => {
    await unhappyRule();
    await respond(survey, { sat: 1, nps: 3 });
    const [id] = await caseIds();
    expect((await agents.researcher.get(`/api/cases/${id}`)).body).toMatchObject({
      complaintType: null,
      severity: null,
    });
    // The owner is a viewer: they may classify their own case (not reassign it).
    expect((await agents.researcher.patch(`/api/cases/${id}`, { ownerId: viewerId })).status).toBe(200);
    const set = await agents.viewer.patch(`/api/cases/${id}`, { complaintType: 'service', severity: 'serious' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ complaintType: 'service', severity: 'serious' });
    expect(set.body.events.slice(-2)).toMatchObject([
      { kind: 'complaint-type', user: 'viewer', data: { from: null, to: 'service' } },
      { kind: 'severity', user: 'viewer', data: { from: null, to: 'serious' } },
    ]);
    const cleared = await agents.researcher.patch(`/api/cases/${id}`, { complaintType: null });
    expect(cleared.body).toMatchObject({ complaintType: null, severity: 'serious' });
    expect(cleared.body.events.at(-1)).toMatchObject({
      kind: 'complaint-type',
      data: { from: 'service', to: null },
    });
    // The same value again changes nothing and records nothing.
    const events = cleared.body.events.length;
    expect((await agents.researcher.patch(`/api/cases/${id}`, { severity: 'serious' })).body.events).toHaveLength(
      events,
    );
  });

  it('refuses unknown values with a 400 naming the field, changing nothing', async () => {
    await unhappyRule();
    await respond(survey, { sat: 1, nps: 3 });
    const [id] = await caseIds();
    await agents.researcher.patch(`/api/cases/${id}`, { complaintType: 'price', severity: 'general' });
    const before = await caseRow(id);
    const events = await t.value('select count(*) from case_events where case_id = ?', id);
    for (const [body, path] of [
      [{ complaintType: 'rudeness' }, 'complaintType'],
      [{ severity: 'critical', complaintType: 'service' }, 'severity'],
      [{ complaintType: 3 }, 'complaintType'],
    ] as const) {
      const r = await agents.researcher.patch(`/api/cases/${id}`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.message).toMatch(path);
    }
    expect(await caseRow(id)).toEqual(before);
    expect(await t.value('select count(*) from case_events where case_id = ?', id)).toBe(events);
    // A viewer who doesn't own the case can't find it, let alone classify it.
    expect((await agents.viewer.patch(`/api/cases/${id}`, { complaintType: 'service' })).status).toBe(404);
    expect(await caseRow(id)).toEqual(before);
  });

  it("are set by the rule that opens the case, and carried by the webhooks' payloads", async () => {
    expect(
      (
        await agents.researcher.post(`/api/surveys/${survey.id}/webhooks`, {
          url: 'http://127.0.0.1:9/hook',
          events: ['case.opened', 'case.updated'],
        })
      ).status,
    ).toBe(201);
    const bad = await unhappyRule({ complaintType: 'weather' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('complaintType');
    const rule = await unhappyRule({ complaintType: 'product-quality', severity: 'serious' });
    expect(rule.body).toMatchObject({ complaintType: 'product-quality', severity: 'serious' });
    await respond(survey, { sat: 2, nps: 3 });
    const [id] = await caseIds();
    expect(await caseRow(id)).toMatchObject([{ complaintType: 'product-quality', severity: 'serious' }]);
    await agents.researcher.patch(`/api/cases/${id}`, { severity: 'general' });
    const bodies = (await t.rows('select event, body from outbox order by created_at, id')) as {
      event: string;
      body: string;
    }[];
    const opened = JSON.parse(bodies.find((b) => b.event === 'case.opened')!.body);
    const updated = JSON.parse(bodies.find((b) => b.event === 'case.updated')!.body);
    expect(opened.case).toMatchObject({ complaintType: 'product-quality', severity: 'serious' });
    expect(updated.case).toMatchObject({ complaintType: 'product-quality', severity: 'general' });
    expect(updated.change).toMatchObject({ kind: 'severity', data: { severity: { from: 'serious', to: 'general' } } });
  });

  it('filter the inbox, `none` finding the cases not classified yet', async () => {
    await unhappyRule();
    for (let i = 0; i < 3; i++) await respond(survey, { sat: 1, nps: 3 });
    const [a, b] = await caseIds();
    await agents.researcher.patch(`/api/cases/${a}`, { complaintType: 'honesty', severity: 'serious' });
    await agents.researcher.patch(`/api/cases/${b}`, { complaintType: 'honesty', severity: 'general' });
    const ids = async (q: string) =>
      ((await agents.researcher.get(`/api/cases?${q}`)).body.cases as { id: string }[]).map((c) => c.id).sort();
    expect(await ids('complaintType=honesty')).toEqual([a, b].sort());
    expect(await ids('complaintType=honesty&severity=serious')).toEqual([a]);
    expect(await ids('complaintType=none')).toHaveLength(1);
    expect(await ids('severity=none')).toEqual(await ids('complaintType=none'));
    const refused = await agents.researcher.get('/api/cases?complaintType=weather');
    expect(refused.status).toBe(400);
    expect(refused.body.error.path).toBe('complaintType');
  });
});

/** Five customers; two tiers 20 % / 80 %: C1 (most revenue) is gold, C2–C5 lead. */
async function register() {
  const r = agents.researcher;
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
  expect((await r.put('/api/customers/settings', { cuts: [20, 80], tierNames: ['gold', 'lead'] })).status).toBe(200);
  const list = (await r.get('/api/customers')).body.customers as { id: string; externalId: string }[];
  return Object.fromEntries(list.map((c) => [c.externalId, c.id]));
}

/**
 * Four cases from one moment: A (C1, gold) service/serious resolved after 2 h; B (C2, lead)
 * service/general resolved after 6 h; C (C3, lead) price, severity not set, open; D (no customer)
 * not classified, resolved after 6 h. Follow-up answers: A 4, B 5, D 3; C 1 (open: not counted).
 */
async function fourCases() {
  const customers = await register();
  const followUp = await publish({
    title: { en: 'After your complaint' },
    hiddenFields: ['case'],
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'again',
            type: 'rating',
            required: true,
            role: 'overall-satisfaction',
            text: { en: 'How satisfied are you now?' },
            scale: { min: 1, max: 5 },
          },
        ],
      },
    ],
  });
  await unhappyRule();
  const r = agents.researcher;
  expect((await r.put(`/api/surveys/${survey.id}/alerts/settings`, { followUpSurveyId: followUp.id })).status).toBe(
    200,
  );
  await respond(survey, { sat: 1, nps: 3, visit: 'buy' }, { customer_id: 'C1' });
  await respond(survey, { sat: 2, nps: 3, visit: 'buy' }, { customer_id: 'C2' });
  await respond(survey, { sat: 1, nps: 3, visit: 'buy' }, { customer_id: 'C3' });
  await respond(survey, { sat: 1, nps: 3, visit: 'look' });
  await respond(survey, { sat: 5, nps: 9, visit: 'buy' }, { customer_id: 'C4' });
  const [a, b, c, d] = await caseIds();
  await r.patch(`/api/cases/${a}`, { complaintType: 'service', severity: 'serious' });
  await r.patch(`/api/cases/${b}`, { complaintType: 'service', severity: 'general' });
  await r.patch(`/api/cases/${c}`, { complaintType: 'price' });
  t.clock.advance(2 * HOUR);
  await r.patch(`/api/cases/${a}`, { status: 'resolved' });
  t.clock.advance(4 * HOUR);
  await r.patch(`/api/cases/${b}`, { status: 'resolved' });
  await r.patch(`/api/cases/${d}`, { status: 'closed' });
  await respond(followUp, { again: 4 }, { case: a });
  await respond(followUp, { again: 5 }, { case: b });
  await respond(followUp, { again: 3 }, { case: d });
  await respond(followUp, { again: 1 }, { case: c });
  return { customers, a, b, c, d };
}

/**
 * Wilson's score interval by hand (Wilson, JASA 1927), z = 1.959964 for 95 %:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 */
function wilsonByHand(x: number, size: number) {
  const z = 1.959964;
  const p = x / size;
  const centre = p + (z * z) / (2 * size);
  const half = z * Math.sqrt((p * (1 - p)) / size + (z * z) / (4 * size * size));
  return { p, lower: (centre - half) / (1 + (z * z) / size), upper: (centre + half) / (1 + (z * z) / size) };
}
const closeTo = (
  got: { p: number; lower: number; upper: number },
  want: { p: number; lower: number; upper: number },
) => {
  expect(got.p).toBeCloseTo(want.p, 9);
  expect(got.lower).toBeCloseTo(want.lower, 5);
  expect(got.upper).toBeCloseTo(want.upper, 5);
};

describe("the report's complaints", () => {
  it('counts them by type and by customer tier, with serious, resolution and satisfaction after it', async () => {
    await fourCases();
    const { complaints } = (await agents.researcher.get(`/api/surveys/${survey.id}/report`)).body.sections.cases;
    expect(complaints.byType.map((r: { type: string | null }) => r.type)).toEqual(['service', 'price', null]);
    const [service, price, none] = complaints.byType;
    // Service: A and B. Serious 1 of 2 rated: Wilson by hand 0.0945–0.9055. Both resolved: 2/2, 0.3424–1.
    // Median of 2 h and 6 h: 4 h.
    expect(service).toMatchObject({ count: 2, rated: 2, smallBase: true, medianHoursToResolution: 4 });
    closeTo(service.serious, wilsonByHand(1, 2));
    expect(service.serious.lower).toBeCloseTo(0.0945, 4);
    closeTo(service.resolved, wilsonByHand(2, 2));
    expect(service.resolved.upper).toBe(1);
    // Satisfaction after: 4 and 5, mean 4.5, sd √0.5; t(0.975, 1) = 12.7062, half = 12.7062 · √0.5 / √2 = 6.3531.
    // Under 30 answers the interval is withheld, as everywhere in the report.
    expect(service.satisfaction).toMatchObject({ n: 2, withheld: 'small-base' });
    expect(service.satisfaction.mean.mean).toBe(4.5);
    expect(service.satisfaction.mean.sd).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(service.satisfaction.mean.upper - 4.5).toBeCloseTo(6.3531, 3);
    // Price: C, open, severity not set: no share serious, 0 of 1 resolved (0–0.7935), no follow-up answer counted.
    expect(price).toMatchObject({ count: 1, rated: 0, serious: null, medianHoursToResolution: null });
    closeTo(price.resolved, wilsonByHand(0, 1));
    expect(price.resolved.lower).toBe(0);
    expect(price.satisfaction).toEqual({ n: 0, mean: null, withheld: null });
    // Not classified: D, closed after 6 h, one follow-up answer (3).
    expect(none).toMatchObject({
      count: 1,
      medianHoursToResolution: 6,
      satisfaction: { n: 1, withheld: 'small-base' },
    });
    expect(none.satisfaction.mean.mean).toBe(3);

    expect(complaints.byTier).toHaveLength(3);
    const [gold, lead, unknown] = complaints.byTier;
    expect(gold).toMatchObject({ tier: 0, tierName: 'gold', count: 1, byType: { service: 1, price: 0, none: 0 } });
    closeTo(gold.serious, wilsonByHand(1, 1));
    // Lead: B (service, general) and C (price, severity not set): 0 of 1 rated serious.
    expect(lead).toMatchObject({ tier: 1, tierName: 'lead', count: 2, byType: { service: 1, price: 1, none: 0 } });
    closeTo(lead.serious, wilsonByHand(0, 1));
    expect(unknown).toMatchObject({ tier: null, tierName: null, count: 1, byType: { none: 1 }, serious: null });
  });

  it("follows the report's filters", async () => {
    await fourCases();
    const { complaints } = (await agents.researcher.get(`/api/surveys/${survey.id}/report?filter=visit:buy`)).body
      .sections.cases;
    expect(complaints.byType.map((r: { type: string | null; count: number }) => [r.type, r.count])).toEqual([
      ['service', 2],
      ['price', 1],
    ]);
    expect(complaints.byTier.map((r: { tier: number | null }) => r.tier)).toEqual([0, 1]);
  });
});

describe("the customer page's cases", () => {
  it('lists them with type, severity and status, counts complaints by type, and shows notes only to those who may', async () => {
    const { customers, a, b } = await fourCases();
    const r = agents.researcher;
    await r.patch(`/api/cases/${a}`, { ownerId: viewerId });
    await r.post(`/api/cases/${a}/notes`, { text: 'Call back on +44 20 7946 0000.' });
    await r.post(`/api/cases/${b}/notes`, { text: 'Left a voicemail for Bình.' });

    const own = (await agents.viewer.get(`/api/customers/${customers.C1}`)).body;
    expect(own.cases.byType).toEqual({ 'product-quality': 0, service: 1, price: 0, honesty: 0, none: 0 });
    expect(own.cases.cases).toMatchObject([
      {
        id: a,
        complaintType: 'service',
        severity: 'serious',
        status: 'resolved',
        canOpen: true,
        notes: [{ user: 'researcher', text: 'Call back on +44 20 7946 0000.' }],
      },
    ]);

    // C2's case belongs to nobody the viewer is: its classification and status, no notes, no contact details.
    const other = (await agents.viewer.get(`/api/customers/${customers.C2}`)).body;
    expect(other.email).toBeNull();
    expect(other.cases.cases).toMatchObject([
      { id: b, complaintType: 'service', severity: 'general', status: 'resolved', canOpen: false, notes: null },
    ]);
    expect(JSON.stringify(other)).not.toContain('voicemail');

    const researcherView = (await r.get(`/api/customers/${customers.C2}`)).body;
    expect(researcherView.cases.cases[0]).toMatchObject({
      canOpen: true,
      notes: [{ text: 'Left a voicemail for Bình.' }],
    });
    expect((await r.get(`/api/customers/${customers.C5}`)).body.cases).toEqual({
      cases: [],
      byType: { 'product-quality': 0, service: 0, price: 0, honesty: 0, none: 0 },
    });
  });
});
