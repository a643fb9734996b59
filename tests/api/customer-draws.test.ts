/**
 * Sampling a survey's invitations from the register: a stratified draw with the plan's completes
 * and response rate, reproducible from its seed; the contact interval across surveys;
 * unsubscribed and bounced customers never drawn; and the unsubscribe link and header of every
 * survey e-mail, which work.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { basePlan } from '../support/plan';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let smtp: SMTPServer;
let captured: { to: string[]; data: string }[];
const DAY = 86_400_000;

/** 40 customers C01…C40, C40 the biggest spender; C39 and C38 have no e-mail address. */
const ids = Array.from({ length: 40 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
const customersCsv = `id,name,email,region\n${ids
  .map(
    (id, i) =>
      `${id},Customer ${id},${i >= 37 && i <= 38 ? '' : `${id.toLowerCase()}@example.com`},${i % 2 ? 'north' : 'south'}`,
  )
  .join('\n')}`;
const transactionsCsv = `customer,date,amount,currency\n${ids.map((id, i) => `${id},2026-10-01,${(i + 1) * 10},EUR`).join('\n')}`;
/** Gold: the top quarter by revenue, C31…C40 (⌈40 × 25 %⌉ = 10); lead: C01…C30. */
const GOLD = ids.slice(30);
/** What the seed "same-everywhere" draws by region (three north, two south), on SQLite and PostgreSQL alike. */
const SAME_EVERYWHERE = ['C36', 'C32', 'C20', 'C07', 'C05'];

beforeEach(async () => {
  captured = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        captured.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString() });
        cb();
      });
    },
  });
  await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
  t = makeTestApp({
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
    PUBLIC_URL: 'https://survey.example.com',
  });
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  expect((await r.post('/api/customers/import', { csv: customersCsv })).status).toBe(201);
  expect((await r.post('/api/customers/transactions/import', { csv: transactionsCsv })).status).toBe(201);
  expect((await r.put('/api/customers/settings', { cuts: [25, 75], tierNames: ['gold', 'lead'] })).status).toBe(200);
});
afterEach(async () => {
  t.cleanup();
  await new Promise<void>((res) => smtp.close(() => res()));
});

async function newSurvey(hiddenFields: string[] = ['customer_id']) {
  const r = agents.researcher;
  const created = (await r.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields } })).body;
  await r.post(`/api/surveys/${created.id}/publish`);
  return created as { id: string; slug: string };
}

/** A plan asking 3 gold and 6 lead completes at a 50 % response rate: 6 and 12 invitations. */
async function planTiers(surveyId: string) {
  const plan = await agents.researcher.put(`/api/surveys/${surveyId}/plan`, {
    plan: basePlan({
      sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 0.5, incidence: 1 },
      quotas: {
        variables: [
          {
            source: 'customer_tier',
            label: 'Tier',
            unit: 'percent',
            categories: [
              { value: 'gold', label: 'Gold', population: 25 },
              { value: 'lead', label: 'Lead', population: 75 },
            ],
          },
        ],
        method: 'proportional',
        cells: [
          { key: 'gold', values: ['gold'], target: 3 },
          { key: 'lead', values: ['lead'], target: 6 },
        ],
      },
    }),
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
}

const draw = (surveyId: string, body: Record<string, unknown>) =>
  agents.researcher.post(`/api/surveys/${surveyId}/draws`, body);
/** A survey's invitations by their customer's id (a JSON column arrives parsed on PostgreSQL, as text on SQLite). */
const invitationsOf = async (surveyId: string) =>
  (
    await t.rows(
      `select i.email, i.hidden, i.token, c.external_id as "externalId" from invitations i
       left join customers c on c.id = i.customer_id where i.survey_id = ? order by c.external_id`,
      surveyId,
    )
  ).map((i) => ({
    ...(i as { email: string; token: string; externalId: string | null }),
    hidden: (typeof i.hidden === 'string' ? JSON.parse(i.hidden) : i.hidden) as Record<string, string>,
  }));

describe('drawing invitations from the register', () => {
  it("draws the plan's invitations per tier, and the same seed draws the same customers", async () => {
    const s = await newSurvey();
    await planTiers(s.id);
    const preview = await draw(s.id, { by: 'customer_tier', seed: 'q4-wave', preview: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // Gold: 10 customers, 3 completes at 50 % need 6; lead: 30 customers of whom C01… all have e-mail, 12 needed.
    expect(preview.body.strata).toEqual([
      { value: 'gold', completes: 3, needed: 6, eligible: 8, drawn: 6 },
      { value: 'lead', completes: 6, needed: 12, eligible: 30, drawn: 12 },
    ]);
    expect(preview.body).toMatchObject({ id: null, invited: 0, responseRate: 0.5, intervalDays: 90 });
    expect(await invitationsOf(s.id)).toEqual([]);
    const golds = preview.body.customers.slice(0, 6);
    for (const g of golds) expect(GOLD).toContain(g);
    // C38 and C39 (gold, no e-mail address) are never drawn.
    expect(preview.body.customers).not.toContain('C38');
    expect(preview.body.customers).not.toContain('C39');

    const again = await draw(s.id, { by: 'customer_tier', seed: 'q4-wave', preview: true });
    expect(again.body.customers).toEqual(preview.body.customers);
    const other = await draw(s.id, { by: 'customer_tier', seed: 'another', preview: true });
    expect(other.body.customers).not.toEqual(preview.body.customers);

    const made = await draw(s.id, { by: 'customer_tier', seed: 'q4-wave' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.customers).toEqual(preview.body.customers);
    expect(made.body.invited).toBe(18);
    const invited = await invitationsOf(s.id);
    expect(invited.map((i) => i.externalId)).toEqual([...preview.body.customers].sort());
    // Linked to the customer, with their id in the survey's hidden field and their tier and segment.
    const gold = invited.find((i) => GOLD.includes(i.externalId!))!;
    expect(gold.hidden).toMatchObject({ customer_id: gold.externalId, customer_tier: 'gold' });
    // The record keeps everything but the customers (the invitations list them).
    const { customers: _, ...recorded } = made.body;
    expect((await agents.viewer.get(`/api/surveys/${s.id}/draws`)).body).toEqual([recorded]);
  });

  it('draws by any attribute with the completes given, and refuses a draw it cannot size, naming the field', async () => {
    const s = await newSurvey();
    const byRegion = await draw(s.id, { by: 'Region', completes: { north: 2, south: 1 }, responseRate: 1, seed: 'r' });
    expect(byRegion.status).toBe(201);
    expect(byRegion.body.strata.map((x: { value: string; drawn: number }) => [x.value, x.drawn])).toEqual([
      ['north', 2],
      ['south', 1],
    ]);
    const odd = (id: string) => Number(id.slice(1)) % 2 === 0;
    // Even numbers (index odd) are north.
    for (const id of byRegion.body.customers.slice(0, 2)) expect(odd(id)).toBe(true);

    const unsized = await draw(s.id, { by: 'customer_tier' });
    expect(unsized.status).toBe(400);
    expect(unsized.body.error.path).toBe('completes');
    const bad = await draw(s.id, { by: 'customer_tier', completes: { gold: -1 }, responseRate: 0.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('completes.gold');
    expect(
      (await agents.viewer.post(`/api/surveys/${s.id}/draws`, { by: 'Region', completes: { north: 1 } })).status,
    ).toBe(403);
    expect(await invitationsOf(s.id)).toHaveLength(3);
  });

  it('draws the same customers from the same seed on either database, in the order of their ids', async () => {
    const s = await newSurvey();
    const body = { by: 'Region', completes: { north: 3, south: 2 }, responseRate: 1, seed: 'same-everywhere' };
    const drawn = await draw(s.id, body);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(drawn.body.customers).toEqual(SAME_EVERYWHERE);
    // The customers drawn are invited now: drawn again, the same seed meets the others.
    expect((await draw(s.id, { ...body, preview: true })).body.customers).not.toContain(SAME_EVERYWHERE[0]);
  });

  it('keeps the contact interval across surveys, and never draws the unsubscribed or bounced', async () => {
    const a = await newSurvey();
    const first = await draw(a.id, { by: 'customer_tier', completes: { gold: 4 }, responseRate: 1, seed: 'a' });
    expect(first.body.strata[0]).toMatchObject({ eligible: 8, drawn: 4 });
    const [bounced, unsubscribed] = await invitationsOf(a.id);
    // One address bounces; another unsubscribes through its invitation's link.
    expect(
      (
        await agents.researcher.post(`/api/surveys/${a.id}/invitations/bounces`, {
          text: `email\n${bounced.email}\n`,
        })
      ).status,
    ).toBe(200);
    const page = await new Agent(t.app).get(`/u/${unsubscribed.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(unsubscribed.email);
    expect(
      (
        await new Agent(t.app).request('POST', `/u/${unsubscribed.token}`, 'List-Unsubscribe=One-Click', {
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(200);

    // Another survey, a day later: the four gold customers invited to the first are not drawn.
    t.clock.advance(DAY);
    const b = await newSurvey();
    const second = await draw(b.id, { by: 'customer_tier', completes: { gold: 10 }, responseRate: 1, seed: 'b' });
    expect(second.body.strata[0]).toMatchObject({ eligible: 4, drawn: 4 });
    for (const id of first.body.customers) expect(second.body.customers).not.toContain(id);

    // No interval lets everyone invited before back (eight gold customers with an address), except
    // the bounced and the unsubscribed.
    expect((await agents.researcher.put('/api/customers/contact-rules', { intervalDays: 0 })).body).toEqual({
      intervalDays: 0,
    });
    const c = await newSurvey();
    const third = await draw(c.id, { by: 'customer_tier', completes: { gold: 10 }, responseRate: 1, seed: 'c' });
    expect(third.body.intervalDays).toBe(0);
    expect(third.body.strata[0]).toMatchObject({ eligible: 6, drawn: 6 });
    expect(third.body.customers).not.toContain(bounced.externalId);
    expect(third.body.customers).not.toContain(unsubscribed.externalId);
    expect((await agents.researcher.put('/api/customers/contact-rules', { intervalDays: -1 })).status).toBe(400);
  });

  it("draws by tier × region: a total allocated in proportion to the cells, or the plan's crossed quotas", async () => {
    const s = await newSurvey();
    const body = { by: 'customer_tier', crossBy: 'region', total: 10, responseRate: 0.5, seed: 'cross' };
    const preview = await draw(s.id, { ...body, preview: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // Eligible: gold × north C32 C34 C36 C40, gold × south C31 C33 C35 C37 (C38, C39 have no
    // e-mail), lead × north the 15 even ids of C01…C30, lead × south the 15 odd ones; 38 in all.
    // 10 completes by largest remainders: ⌊10·4/38⌋ = 1 (remainder 40 − 38 = 2) for each gold cell,
    // ⌊10·15/38⌋ = 3 (remainder 150 − 114 = 36) for each lead cell; the 2 left go to the two largest
    // remainders, the lead cells: 1, 1, 4, 4. At 50 % each needs twice its completes.
    expect(preview.body.strata).toEqual([
      { value: 'gold|north', completes: 1, needed: 2, eligible: 4, drawn: 2 },
      { value: 'gold|south', completes: 1, needed: 2, eligible: 4, drawn: 2 },
      { value: 'lead|north', completes: 4, needed: 8, eligible: 15, drawn: 8 },
      { value: 'lead|south', completes: 4, needed: 8, eligible: 15, drawn: 8 },
    ]);
    const north = (id: string) => Number(id.slice(1)) % 2 === 0;
    const cells = [
      preview.body.customers.slice(0, 2),
      preview.body.customers.slice(2, 4),
      preview.body.customers.slice(4, 12),
      preview.body.customers.slice(12),
    ] as string[][];
    cells.forEach((ids, i) => {
      for (const id of ids) {
        expect(GOLD.includes(id)).toBe(i < 2);
        expect(north(id)).toBe(i % 2 === 0);
      }
    });
    // Reproducible from the recorded seed; drawn for real, the record keeps both variables.
    expect((await draw(s.id, { ...body, preview: true })).body.customers).toEqual(preview.body.customers);
    const made = await draw(s.id, body);
    expect(made.status).toBe(201);
    expect(made.body.customers).toEqual(preview.body.customers);
    expect((await agents.viewer.get(`/api/surveys/${s.id}/draws`)).body[0]).toMatchObject({
      by: 'customer_tier',
      crossBy: 'region',
      seed: 'cross',
      invited: 20,
    });
    // Everyone drawn is now within the contact interval: drawn again, they are no longer eligible.
    const again = await draw((await newSurvey()).id, { ...body, preview: true });
    expect(again.body.strata.map((x: { eligible: number }) => x.eligible)).toEqual([2, 2, 7, 7]);

    // Completes from the plan's quotas on both variables, cell by cell.
    const planned = await newSurvey(['customer_id', 'region']);
    const category = (value: string, population: number) => ({ value, label: value, population });
    const plan = await agents.researcher.put(`/api/surveys/${planned.id}/plan`, {
      plan: basePlan({
        sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 1, incidence: 1 },
        quotas: {
          variables: [
            { source: 'customer_tier', unit: 'percent', categories: [category('gold', 25), category('lead', 75)] },
            { source: 'region', unit: 'percent', categories: [category('north', 50), category('south', 50)] },
          ],
          method: 'proportional',
          cells: [
            { key: 'gold|north', values: ['gold', 'north'], target: 1 },
            { key: 'gold|south', values: ['gold', 'south'], target: 0 },
            { key: 'lead|north', values: ['lead', 'north'], target: 2 },
            { key: 'lead|south', values: ['lead', 'south'], target: 3 },
          ],
        },
      }),
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const fromPlan = await draw(planned.id, { by: 'customer_tier', crossBy: 'region', preview: true });
    expect(fromPlan.body.strata.map((x: { value: string; drawn: number }) => [x.value, x.drawn])).toEqual([
      ['gold|north', 1],
      ['gold|south', 0],
      ['lead|north', 2],
      ['lead|south', 3],
    ]);
    const both = await draw(planned.id, { ...body, completes: { 'gold|north': 1 } });
    expect(both.status).toBe(400);
    expect(both.body.error.path).toBe('total');
  });
});

describe('the unsubscribe link of every survey e-mail', () => {
  it('is in the text and the List-Unsubscribe header, and unsubscribing stops further mail', async () => {
    const s = await newSurvey();
    await draw(s.id, { by: 'customer_tier', completes: { gold: 2 }, responseRate: 1, seed: 'mail' });
    const [first, second] = await invitationsOf(s.id);
    expect((await agents.researcher.post(`/api/surveys/${s.id}/mail`, { kind: 'invitation' })).status).toBe(202);
    await expect.poll(() => captured.length).toBe(2);
    const mail = captured.find((m) => m.to[0] === first.email)!.data;
    const link = `https://survey.example.com/u/${first.token}`;
    expect(mail).toContain(`List-Unsubscribe: <${link}>`);
    expect(mail).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.replace(/=\r?\n/g, '')).toContain(link);

    // The one-click request a mail client sends, then a reminder: only the other customer gets it.
    const done = await new Agent(t.app).request('POST', `/u/${first.token}`, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(done.status).toBe(200);
    expect(await t.rows('select email from unsubscribes')).toEqual([{ email: first.email }]);
    expect((await agents.researcher.post(`/api/surveys/${s.id}/mail`, { kind: 'reminder' })).status).toBe(202);
    await expect.poll(() => captured.length).toBe(3);
    expect(captured[2].to).toEqual([second.email]);
    expect((await new Agent(t.app).get('/u/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });
});
