import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let viewer: Agent;
let surveyId: string;

const SAT = [5, 4, 4, 3, 2];
const NPS = [10, 9, 8, 6, 0];
const VISIT = ['buy', 'buy', 'look', 'buy', undefined];

beforeEach(async () => {
  t = makeTestApp();
  const agents = await signedInAgents(t.app);
  viewer = agents.viewer;
  const created = (await agents.researcher.post('/api/surveys', { definition: smallSurvey() })).body;
  const published = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body;
  surveyId = created.id;
  const a = new Agent(t.app);
  for (let i = 0; i < SAT.length; i++) {
    const answers: Record<string, unknown> = { sat: SAT[i], nps: NPS[i] };
    if (VISIT[i]) answers.visit = VISIT[i];
    if (i === 0) answers.why = 'Great';
    const r = await a.post(`/api/public/s/${created.slug}/responses`, {
      clientId: `resp-000${i}`,
      versionId: published.versions[0].id,
      complete: true,
      answers,
    });
    expect(r.status).toBe(201);
  }
  // One abandoned respondent: counts for the completion rate, not in the figures.
  await a.post(`/api/public/s/${created.slug}/responses`, {
    clientId: 'resp-abandon',
    versionId: published.versions[0].id,
    complete: false,
    answers: { sat: 1 },
  });
});
afterEach(() => t.cleanup());

describe('the first report', () => {
  it('counts completes and partials, with the completion rate and the margin of error', async () => {
    const r = await viewer.get(`/api/surveys/${surveyId}/report`);
    expect(r.status).toBe(200);
    expect(r.body.completes).toBe(5);
    expect(r.body.partials).toBe(1);
    expect(r.body.completionRate).toBeCloseTo(5 / 6, 12);
    // Hand computation: 1.959964 × √(0.25 / 5) = 0.438262
    expect(r.body.marginOfError).toBeCloseTo(0.438262, 5);
  });

  it('gives the rating distribution, mean ± t-interval and Wilson top-box shares', async () => {
    const sat = (await viewer.get(`/api/surveys/${surveyId}/report`)).body.questions.find(
      (q: { id: string }) => q.id === 'sat',
    );
    expect(sat.counts.map((c: { value: number; count: number }) => [c.value, c.count])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 1],
    ]);
    // Hand computation: mean 3.6; s = √(5.2/4) = 1.140175; t(0.975, 4) = 2.776445 (t table);
    // half-width = 2.776445 × 1.140175 / √5 = 1.415715.
    expect(sat.mean.mean).toBeCloseTo(3.6, 12);
    expect(sat.mean.sd).toBeCloseTo(1.140175, 6);
    expect(sat.mean.lower).toBeCloseTo(3.6 - 1.415715, 5);
    expect(sat.mean.upper).toBeCloseTo(3.6 + 1.415715, 5);
    // Wilson score interval for 1 of 5 at 95%: (0.0362, 0.6245), as in Newcombe (1998), hand-checked:
    // centre (0.2 + z²/10)/(1 + z²/5) = 0.330345, half 0.294121.
    expect(sat.topBox.p).toBeCloseTo(0.2, 12);
    expect(sat.topBox.lower).toBeCloseTo(0.036224, 5);
    expect(sat.topBox.upper).toBeCloseTo(0.624466, 5);
    expect(sat.topTwoBox.p).toBeCloseTo(0.6, 12);
  });

  it('gives NPS with promoters, passives, detractors and its margin', async () => {
    const nps = (await viewer.get(`/api/surveys/${surveyId}/report`)).body.questions.find(
      (q: { id: string }) => q.id === 'nps',
    );
    // Promoters 10, 9 → 0.4; passives 8 → 0.2; detractors 6, 0 → 0.4; NPS = 0.
    // V = P + D − (P − D)² = 0.8; SE = 100 √(0.8/5) = 40; margin = 1.959964 × 40 = 78.40 points.
    expect(nps.nps).toMatchObject({ promoters: 0.4, passives: 0.2, detractors: 0.4 });
    expect(nps.nps.nps).toBeCloseTo(0, 10);
    expect(nps.nps.marginOfError).toBeCloseTo(78.3986, 3);
    expect(nps.counts.filter((c: { count: number }) => c.count > 0).map((c: { value: number }) => c.value)).toEqual([
      0, 6, 8, 9, 10,
    ]);
  });

  it('gives shares of a single choice over those who answered, and the latest verbatims', async () => {
    const report = (await viewer.get(`/api/surveys/${surveyId}/report`)).body;
    const visit = report.questions.find((q: { id: string }) => q.id === 'visit');
    expect(visit.n).toBe(4);
    expect(visit.counts).toEqual([
      { value: 'buy', count: 3, share: 0.75 },
      { value: 'look', count: 1, share: 0.25 },
    ]);
    const why = report.questions.find((q: { id: string }) => q.id === 'why');
    expect(why.latest.map((l: { text: string }) => l.text)).toEqual(['Great']);
  });

  it('picks up a response completed after the report was first built', async () => {
    await viewer.get(`/api/surveys/${surveyId}/report`);
    t.clock.advance(1000);
    const slug = (await viewer.get(`/api/surveys/${surveyId}`)).body.slug;
    const pub = (await new Agent(t.app).get(`/api/public/s/${slug}`)).body;
    await new Agent(t.app).post(`/api/public/s/${slug}/responses`, {
      clientId: 'resp-abandon',
      versionId: pub.versionId,
      complete: true,
      answers: { sat: 1, nps: 1 },
    });
    const report = (await viewer.get(`/api/surveys/${surveyId}/report`)).body;
    expect(report.completes).toBe(6);
    expect(report.partials).toBe(0);
  });
});
