import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, type Agent } from '../support/api';
import { basePlan, quotaSurvey } from '../support/plan';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let surveyId: string;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
  surveyId = (await researcher.post('/api/surveys', { definition: quotaSurvey() })).body.id;
  await researcher.post(`/api/surveys/${surveyId}/publish`);
});
afterEach(() => t.cleanup());

/** The stored plan's JSON: text on SQLite, already parsed on PostgreSQL. */
const storedPlan = async () => {
  const data = await t.value('select data from plans');
  return typeof data === 'string' ? JSON.parse(data) : (data ?? null);
};

describe('a date that is not in the calendar gets a 400 naming its field', () => {
  it.each([
    ['fieldwork.start', { fieldwork: { start: '2026-02-30' } }, /2026-02 has 28 days, so 2026-02-30 does not exist/],
    ['fieldwork.end', { fieldwork: { start: '2026-01-05', end: '2026-04-31' } }, /2026-04 has 30 days/],
    ['fieldwork.end', { fieldwork: { end: '2025-02-29' } }, /2025-02 has 28 days/],
    ['reportDue', { reportDue: '2026-13-01' }, /has no month 13/],
    ['reportDue', { reportDue: '2026-00-10' }, /has no month 00/],
    ['reportDue', { reportDue: '2026-01-00' }, /2026-01 has 31 days/],
    ['reportDue', { reportDue: '26-1-5' }, /must be a date as YYYY-MM-DD/],
  ])('plan.%s', async (field, over, message) => {
    const before = (await researcher.put(`/api/surveys/${surveyId}/plan`, { plan: basePlan() })).body.plan;
    const r = await researcher.put(`/api/surveys/${surveyId}/plan`, {
      plan: basePlan(over as Parameters<typeof basePlan>[0]),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.path, JSON.stringify(r.body)).toBe(`plan.${field}`);
    expect(r.body.error.message).toMatch(message);
    expect(await storedPlan()).toEqual(before);
  });

  it('takes 29 February in a leap year', async () => {
    const r = await researcher.put(`/api/surveys/${surveyId}/plan`, {
      plan: basePlan({ fieldwork: { start: '2028-02-29', end: '2028-03-31' }, reportDue: '2028-04-30' }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.plan.fieldwork).toEqual({ start: '2028-02-29', end: '2028-03-31' });
  });

  it('in a report filter: @from and @to', async () => {
    for (const [clause, message] of [
      ['@from:2026-02-30', /@from must be a real date: 2026-02 has 28 days/],
      ['@to:2026-06-31', /@to must be a real date: 2026-06 has 30 days/],
    ] as const) {
      const r = await researcher.get(`/api/surveys/${surveyId}/report?filter=${encodeURIComponent(clause)}`);
      expect(r.status, clause).toBe(400);
      expect(r.body.error.path).toBe('filter');
      expect(r.body.error.message).toMatch(message);
    }
    expect(
      (
        await researcher.get(
          `/api/surveys/${surveyId}/report?filter=${encodeURIComponent('@from:2026-02-28;@to:2026-03-01')}`,
        )
      ).status,
    ).toBe(200);
  });
});
