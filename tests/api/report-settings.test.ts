import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, type makeTestApp } from '../support/api';
import { seedReportData } from '../support/report-data';

/** The loyalty-value figures the research team saves for every reader of the report. */
let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof seedReportData>>['agents'];
let surveyId: string;

beforeEach(async () => {
  ({ t, agents, surveyId } = await seedReportData());
});
afterEach(() => t.cleanup());

const FIGURES = {
  customers: 2400,
  margin: '1250.50',
  currency: 'CHF',
  retention: 72.5,
  discount: 8,
  uplift: null,
  years: 10,
};
const url = () => `/api/surveys/${surveyId}/report/loyalty-value`;

describe('saved loyalty-value figures', () => {
  it('are saved by a researcher and come with the report, to viewers and through share links, until cleared', async () => {
    expect((await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.loyaltyValue).toBeNull();
    const saved = await agents.researcher.put(url(), FIGURES);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.loyaltyValue).toEqual(FIGURES);
    expect((await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.loyaltyValue).toEqual(FIGURES);
    const link = (await agents.researcher.post(`/api/surveys/${surveyId}/shares`, { lang: 'en' })).body;
    expect((await new Agent(t.app).get(`/api/public/reports/${link.token}/report`)).body.loyaltyValue).toEqual(FIGURES);
    // Saving again replaces them; the proposal of the survey's curve is followed when uplift is null.
    const again = { ...FIGURES, uplift: -2.5, years: null, customers: 0 };
    expect((await agents.researcher.put(url(), again)).body.loyaltyValue).toEqual(again);
    expect((await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.loyaltyValue).toEqual(again);
    expect((await agents.researcher.delete(url())).body.loyaltyValue).toBeNull();
    expect((await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.loyaltyValue).toBeNull();
  });

  it('refuses viewers and bad figures with a 400 naming the field, keeping what was saved', async () => {
    expect((await agents.researcher.put(url(), FIGURES)).status).toBe(200);
    expect((await agents.viewer.put(url(), { ...FIGURES, customers: 1 })).status).toBe(403);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...FIGURES, customers: -1 }, 'customers', /at least 0/],
      [{ ...FIGURES, customers: 12.5 }, 'customers', /whole number/],
      [{ ...FIGURES, margin: 1250.5 }, 'margin', /decimal amount/],
      [{ ...FIGURES, margin: '12,50' }, 'margin', /decimal amount/],
      [{ ...FIGURES, margin: '1e9' }, 'margin', /decimal amount/],
      [{ ...FIGURES, currency: 'euro' }, 'currency', /ISO 4217/],
      [{ ...FIGURES, retention: 100 }, 'retention', /below 100/],
      [{ ...FIGURES, discount: -100 }, 'discount', /above −100/],
      [{ ...FIGURES, uplift: 101 }, 'uplift', /at most 100/],
      [{ ...FIGURES, uplift: '5' }, 'uplift', /number/],
      [{ ...FIGURES, years: 0 }, 'years', /at least 1/],
      [{ ...FIGURES, years: 2.5 }, 'years', /whole number/],
      [{ ...FIGURES, extra: '<script>' }, 'extra', /./],
      [{ customers: 10 }, 'margin', /./],
    ];
    for (const [body, path, message] of cases) {
      const res = await agents.researcher.put(url(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.path, JSON.stringify(body)).toBe(path);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    const notJson = await agents.researcher.put(url(), '{"customers": 1');
    expect(notJson.status).toBe(400);
    const oversized = await agents.researcher.put(url(), { ...FIGURES, margin: '1'.repeat(2_000_000) });
    expect([400, 413]).toContain(oversized.status);
    expect((await agents.researcher.put('/api/surveys/nosuch/report/loyalty-value', FIGURES)).status).toBe(404);
    expect((await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.loyaltyValue).toEqual(FIGURES);
  });
});
