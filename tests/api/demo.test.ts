import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { makeTestApp, signedInAgents } from '../support/api';
import { DIALECT } from '../../server/db/dialect';
import { coffeeDemo } from '../../server/demo/service';
import { demoRegister } from '../../server/demo/customers';
import { coffeeDefinition, coffeeRespondent } from '../../server/demo/coffee';
import { seeded } from '../../server/demo/hotel';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { validateSubmission } from '../../shared/survey/answers';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t?.cleanup());

/** A field of a stored JSON text column, in the database's own SQL. */
const field = (column: string, key: string) =>
  DIALECT === 'pg' ? `(${column}::json->>'${key}')` : `json_extract(${column}, '$.${key}')`;

describe('the demo studies', () => {
  it("gives only answers the coffee questionnaire accepts: every synthetic customer passes the server's own validation", () => {
    const def = v.parse(SurveyDefinitionSchema, coffeeDefinition);
    const rand = seeded(7);
    for (let i = 0; i < 500; i++) {
      const { answers, hidden } = coffeeRespondent(rand);
      const { issues, screenedOut } = validateSubmission(def, answers, true, hidden);
      expect(issues, `respondent ${i}`).toEqual([]);
      expect(screenedOut).toBeNull();
    }
  });

  it('writes a study and the register through the store in batches', async () => {
    t = makeTestApp();
    await signedInAgents(t.app);
    const now = t.clock.now();
    const coffee = await t.store.transaction((tx) => coffeeDemo(tx, now, null, 600));
    await t.store.transaction((tx) => demoRegister(tx, coffee.id, now, null));
    expect(await t.value(`select count(*) from responses where survey_id = ? and status = 'complete'`, coffee.id)).toBe(
      600,
    );
    expect(await t.value('select count(*) from responses where coded is null')).toBe(0);
    expect(await t.value('select count(*) from customers where tier is not null and segment is not null')).toBe(3_000);
    const transactions = Number(await t.value('select count(*) from customer_transactions'));
    expect(transactions).toBeGreaterThan(5_000);
    expect(await t.value('select rows from customer_imports')).toBe(transactions);
    expect(await t.value('select currency from customer_settings where id = 1')).toBe('EUR');
  }, 30_000);

  it('loads the hotel, the coffee and the follow-up study in one call, with their responses, and refuses a second load leaving them as they were', async () => {
    t = makeTestApp();
    const { researcher } = await signedInAgents(t.app);
    const loaded = await researcher.post('/api/demo');
    expect(loaded.status).toBe(201);
    expect(loaded.body.slug).toBe('demo');
    const list = await researcher.get('/api/surveys');
    const bySlug = Object.fromEntries((list.body as { slug: string; completes: number }[]).map((s) => [s.slug, s]));
    expect(bySlug.demo.completes).toBe(400);
    expect(bySlug['demo-coffee'].completes).toBe(300);
    expect(bySlug['demo-followup'].completes).toBeGreaterThan(0);

    // The hotel study's alert rules opened a case for every unhappy guest, as collection would.
    const unhappy = Number(
      await t.value(`select count(*) from responses r join surveys s on s.id = r.survey_id
      where s.slug = 'demo' and r.status = 'complete' and cast(${field('r.answers', 'osat')} as integer) <= 2`),
    );
    const cases = Number(await t.value(`select count(*) from cases where rule_name like 'Unhappy guest%'`));
    expect(unhappy).toBeGreaterThan(10);
    expect(cases).toBe(unhappy);
    const inbox = await researcher.get('/api/cases?status=resolved');
    expect(inbox.status).toBe(200);
    expect(inbox.body.cases.length).toBeGreaterThan(0);
    expect(inbox.body.counts.open + inbox.body.counts.resolved).toBe(await t.value('select count(*) from cases'));

    const again = await researcher.post('/api/demo');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('demo-exists');
    const after = await researcher.get('/api/surveys');
    expect((after.body as unknown[]).length).toBe(3);
  }, 30_000);

  it("gives the hotel a customer register in the plan's tiers, linked to its responses", async () => {
    t = makeTestApp();
    const { researcher, viewer } = await signedInAgents(t.app);
    const hotel = (await researcher.post('/api/demo')).body;
    const register = await researcher.get('/api/customers/value');
    expect(register.body.customers).toBe(3_000);
    expect(register.body.currency).toBe('EUR');
    // The plan's shares of 3,000 guests with distinct revenues: 150, 450, 900 and 1,500 (the last
    // tier also holds everyone who never stayed).
    expect(register.body.tiers.map((x: { name: string }) => x.name)).toEqual(['platinum', 'gold', 'iron', 'lead']);
    expect(register.body.tiers[0].customers).toBeGreaterThanOrEqual(140);
    expect(register.body.tiers[0].customers).toBeLessThanOrEqual(150);
    const transactions = Number(await t.value('select count(*) from customer_transactions'));
    expect(transactions).toBeGreaterThan(5_000);

    // Every counted response of the hotel is linked to a customer of the tier it was collected in.
    const mismatched = await t.value(
      `select count(*) from responses r join customers c on c.id = r.customer_id
        where r.survey_id = ? and ${field('r.hidden', 'tier')} <> ${field('r.hidden', 'customer_tier')}`,
      hotel.id,
    );
    expect(mismatched).toBe(0);
    const value = (await viewer.get(`/api/surveys/${hotel.id}/report/customer-value`)).body;
    expect(value.linked).toBe(400);
    expect(value.atRisk.length).toBeGreaterThan(0);
    const someone = value.atRisk[0];
    const page = (await researcher.get(`/api/customers/${someone.customerId}`)).body;
    expect(page.responses.map((x: { surveyId: string }) => x.surveyId)).toContain(hotel.id);
    // Their value history ends at their value now, as a recomputation would have written it; a
    // recomputation now changes nobody's value and so writes no line.
    const last = page.valueHistory.at(-1);
    expect([last.monetary, last.r, last.f, last.m, last.segment, last.tier]).toEqual([
      page.value.monetary,
      page.value.r,
      page.value.f,
      page.value.m,
      page.value.segment,
      page.value.tier,
    ]);
    const lines = Number(await t.value('select count(*) from customer_value_history'));
    expect(lines).toBeGreaterThan(3_000);
    const settings = (await researcher.get('/api/customers/settings')).body;
    expect((await researcher.put('/api/customers/settings', settings)).status).toBe(200);
    expect(Number(await t.value('select count(*) from customer_value_history'))).toBe(lines);
  }, 30_000);

  it("answers the hotel's follow-up for part of its resolved cases, as the same guests, and the report shows satisfaction after resolution", async () => {
    t = makeTestApp();
    const { researcher, viewer } = await signedInAgents(t.app);
    const hotel = (await researcher.post('/api/demo')).body;
    const settings = (await researcher.get(`/api/surveys/${hotel.id}/alerts`)).body.settings;
    const followUp = (await researcher.get(`/api/surveys/${settings.followUpSurveyId}`)).body;
    expect(followUp.slug).toBe('demo-followup');
    expect(followUp.draft.hiddenFields).toEqual(['case']);
    expect(followUp.draft.languages).toEqual(hotel.draft.languages);
    const [handled, comment] = followUp.draft.pages[0].questions;
    expect([handled.type, handled.role, handled.scale.min, handled.scale.max]).toEqual([
      'rating',
      'overall-satisfaction',
      1,
      5,
    ]);
    expect(handled.text.en).toBe('How satisfied are you with how we handled your concern?');
    expect(comment.type).toBe('text');

    // Each answer carries a resolved case of the hotel, once, from the case's own guest in the
    // guest's language; about half of the resolved cases answered.
    const answered = (await t.rows(
      `select f.answers, f.lang, f.customer_id as customer, c.status, r.customer_id as guest, r.lang as guest_lang
         from responses f join cases c on c.id = ${field('f.hidden', 'case')}
         join responses r on r.id = c.response_id
        where f.survey_id = ? and f.status = 'complete' and c.survey_id = ?`,
      followUp.id,
      hotel.id,
    )) as {
      answers: string;
      lang: string;
      customer: string | null;
      status: string;
      guest: string | null;
      guest_lang: string;
    }[];
    const stored = Number(await t.value('select count(*) from responses where survey_id = ?', followUp.id));
    const resolved = Number(
      await t.value(`select count(*) from cases where survey_id = ? and status = 'resolved'`, hotel.id),
    );
    expect(answered.length).toBe(stored);
    expect(stored).toBeGreaterThan(resolved * 0.3);
    expect(stored).toBeLessThan(resolved * 0.7);
    for (const a of answered) {
      expect(a.status).toBe('resolved');
      expect(a.customer).not.toBeNull();
      expect(a.customer).toBe(a.guest);
      expect(a.lang).toBe(a.guest_lang);
    }
    const distinctCases = await t.value(
      `select count(distinct ${field('hidden', 'case')}) from responses where survey_id = ?`,
      followUp.id,
    );
    expect(distinctCases).toBe(stored);

    // By hand from the stored answers: n, the mean, the share at 4 or 5 (top two of 1–5), and the
    // 95 % Student t interval mean ± t(0.975, n − 1)·s/√n, s the sample standard deviation.
    const xs = answered.map((a) => (JSON.parse(a.answers) as { handled: number }).handled);
    const n = xs.length;
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
    const cases = (await viewer.get(`/api/surveys/${hotel.id}/report`)).body.sections.cases;
    expect(cases.followUp.surveyId).toBe(followUp.id);
    expect(cases.followUp.questionId).toBe('handled');
    expect(cases.followUp.n).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(cases.followUp.mean.mean).toBeCloseTo(mean, 10);
    expect(cases.followUp.topTwoBox).toBeCloseTo(xs.filter((x) => x >= 4).length / n, 10);
    // t(0.975, df) lies between 1.96 (df → ∞) and 2.23 (df = 10): the demo has more than 10 answers.
    expect(n).toBeGreaterThan(10);
    const half = (cases.followUp.mean.upper - cases.followUp.mean.lower) / 2;
    expect(half / (s / Math.sqrt(n))).toBeGreaterThan(1.96);
    expect(half / (s / Math.sqrt(n))).toBeLessThan(2.23);
    // The same answers by complaint type: every answered case is classified, so the rows add up.
    const byType = cases.complaints.byType as { satisfaction: { n: number } | null }[];
    expect(byType.reduce((a, r) => a + (r.satisfaction?.n ?? 0), 0)).toBe(n);
  }, 30_000);

  it("filters the hotel's report by its guests' tier in the register", async () => {
    t = makeTestApp();
    const { researcher, viewer } = await signedInAgents(t.app);
    const hotel = (await researcher.post('/api/demo')).body;
    const report = (await viewer.get(`/api/surveys/${hotel.id}/report?filter=customer_tier:platinum`)).body;
    expect(report.sections.fieldwork.n).toBeGreaterThan(0);
  }, 30_000);
});
