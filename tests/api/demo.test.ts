import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { makeTestApp, signedInAgents } from '../support/api';
import { coffeeDefinition, coffeeRespondent } from '../../server/demo/coffee';
import { seeded } from '../../server/demo/hotel';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { validateSubmission } from '../../shared/survey/answers';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t?.cleanup());

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

  it('loads the hotel and the coffee study in one call, with their responses, and refuses a second load leaving both as they were', async () => {
    t = makeTestApp();
    const { researcher } = await signedInAgents(t.app);
    const loaded = await researcher.post('/api/demo');
    expect(loaded.status).toBe(201);
    expect(loaded.body.slug).toBe('demo');
    const list = await researcher.get('/api/surveys');
    const bySlug = Object.fromEntries((list.body as { slug: string; completes: number }[]).map((s) => [s.slug, s]));
    expect(bySlug.demo.completes).toBe(400);
    expect(bySlug['demo-coffee'].completes).toBe(300);

    // The hotel study's alert rules opened a case for every unhappy guest, as collection would.
    const unhappy = t.db.$client
      .prepare(`select count(*) from responses r join surveys s on s.id = r.survey_id
      where s.slug = 'demo' and r.status = 'complete' and json_extract(r.answers, '$.osat') <= 2`)
      .pluck()
      .get() as number;
    const cases = t.db.$client
      .prepare(`select count(*) from cases where rule_name like 'Unhappy guest%'`)
      .pluck()
      .get() as number;
    expect(unhappy).toBeGreaterThan(10);
    expect(cases).toBe(unhappy);
    const inbox = await researcher.get('/api/cases?status=resolved');
    expect(inbox.status).toBe(200);
    expect(inbox.body.cases.length).toBeGreaterThan(0);
    expect(inbox.body.counts.open + inbox.body.counts.resolved).toBe(
      t.db.$client.prepare('select count(*) from cases').pluck().get(),
    );

    const again = await researcher.post('/api/demo');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('demo-exists');
    const after = await researcher.get('/api/surveys');
    expect((after.body as unknown[]).length).toBe(2);
  });

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
    const transactions = t.db.$client.prepare('select count(*) from customer_transactions').pluck().get() as number;
    expect(transactions).toBeGreaterThan(5_000);

    // Every counted response of the hotel is linked to a customer of the tier it was collected in.
    const mismatched = t.db.$client
      .prepare(`select count(*) from responses r join customers c on c.id = r.customer_id
        where r.survey_id = ? and json_extract(r.hidden, '$.tier') <> json_extract(r.hidden, '$.customer_tier')`)
      .pluck()
      .get(hotel.id);
    expect(mismatched).toBe(0);
    const value = (await viewer.get(`/api/surveys/${hotel.id}/report/customer-value`)).body;
    expect(value.linked).toBe(400);
    expect(value.atRisk.length).toBeGreaterThan(0);
    const report = (await viewer.get(`/api/surveys/${hotel.id}/report?filter=customer_tier:platinum`)).body;
    expect(report.sections.fieldwork.n).toBeGreaterThan(0);
    const someone = value.atRisk[0];
    const page = (await researcher.get(`/api/customers/${someone.customerId}`)).body;
    expect(page.responses.map((x: { surveyId: string }) => x.surveyId)).toContain(hotel.id);
  });
});
