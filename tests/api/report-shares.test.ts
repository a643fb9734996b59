import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, type makeTestApp } from '../support/api';
import { OSAT, seedReportData } from '../support/report-data';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof seedReportData>>['agents'];
let surveyId: string;

beforeEach(async () => {
  const seeded = await seedReportData();
  ({ t, agents, surveyId } = seeded);
});
afterEach(() => t.cleanup());

describe('read-only report links', () => {
  it("opens the report signed out in the link's language, with filters, until revoked", async () => {
    const created = await agents.researcher.post(`/api/surveys/${surveyId}/shares`, { lang: 'it', label: 'Board' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stranger = new Agent(t.app);
    const shared = await stranger.get(`/api/public/reports/${created.body.token}/report`);
    expect(shared.status).toBe(200);
    expect(shared.body.lang).toBe('it');
    expect(shared.body.completes).toBe(OSAT.length);
    const business = await stranger.get(`/api/public/reports/${created.body.token}/report?filter=purpose:business`);
    expect(business.body.completes).toBe(4);
    // The list never shows the token again; only its hash is stored.
    const list = await agents.researcher.get(`/api/surveys/${surveyId}/shares`);
    expect(list.body).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(await t.value('select token_hash from report_shares')).not.toBe(created.body.token);

    expect((await agents.researcher.delete(`/api/surveys/${surveyId}/shares/${created.body.id}`)).status).toBe(200);
    expect((await stranger.get(`/api/public/reports/${created.body.token}/report`)).status).toBe(404);
  });

  it('refuses made-up tokens, bad languages and viewers making links', async () => {
    expect((await new Agent(t.app).get(`/api/public/reports/${'x'.repeat(43)}/report`)).status).toBe(404);
    expect((await new Agent(t.app).get('/api/public/reports/short/report')).status).toBe(404);
    const bad = await agents.researcher.post(`/api/surveys/${surveyId}/shares`, { lang: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('lang');
    expect((await agents.viewer.post(`/api/surveys/${surveyId}/shares`, { lang: 'en' })).status).toBe(403);
  });
});
