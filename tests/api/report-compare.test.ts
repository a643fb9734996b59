/**
 * Two segments compared (shared/api/report-compare.ts) on two filtered reports from the API, as
 * the report page does: significance marks only where Welch's t test or the two-proportion z test
 * says so, and never on a segment under 30 responses. Expected statistics are worked out by hand
 * in the comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compareSegments } from '../../shared/api/report-compare';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { seedReportData } from '../support/report-data';

const cleanups: (() => void)[] = [];
afterEach(() =>
  cleanups.splice(0).forEach((f) => {
    f();
  }),
);

const label = (en: string) => ({ en });
const definition = {
  title: label('Compare'),
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'osat', type: 'rating', role: 'overall-satisfaction', scale: { min: 1, max: 5 }, text: label('Overall') },
        {
          id: 'again',
          type: 'single',
          role: 'loyalty',
          text: label('Again?'),
          options: ['yes', 'no'].map((id) => ({ id, label: label(id) })),
        },
        {
          id: 'purpose',
          type: 'single',
          role: 'segment',
          text: label('Purpose'),
          options: ['business', 'leisure'].map((id) => ({ id, label: label(id) })),
        },
      ],
    },
  ],
};
/** 35 per segment: business rates 4/5 alternately, leisure 3/4; a third of each says "yes" again. */
const answers = (i: number) => {
  const business = i < 35;
  const k = business ? i : i - 35;
  return {
    osat: (business ? 4 : 3) + (k % 2),
    again: k % 3 === 0 ? 'yes' : 'no',
    purpose: business ? 'business' : 'leisure',
  };
};

describe('comparing two segments', () => {
  it('marks the mean and top-two-box differences that the tests find significant, and not an equal share', async () => {
    const t = makeTestApp();
    cleanups.push(() => t.cleanup());
    const { researcher, viewer } = await signedInAgents(t.app);
    const created = (await researcher.post('/api/surveys', { definition })).body;
    const versionId = (await researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    const a = new Agent(t.app);
    for (let i = 0; i < 70; i++) {
      const res = await a.post(`/api/public/s/${created.slug}/responses`, {
        clientId: `compare-${i}`,
        versionId,
        complete: true,
        answers: answers(i),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const get = async (value: string) =>
      (await viewer.get(`/api/surveys/${created.id}/report?filter=purpose:${value}`)).body;
    const c = compareSegments(await get('business'), await get('leisure'));
    expect(c.smallBase).toBe(false);
    // Means 4.4857 vs 3.4857 (18 × 4 + 17 × 5 vs 18 × 3 + 17 × 4): difference 1. Each s² =
    // 35/34 · (17/35)(18/35) = 0.257143; t = 1 / √(2 · 0.257143 / 35) = 8.25 on 68 df, far past
    // the t table's 3.44 for p = 0.001.
    expect(c.mean!.difference).toBeCloseTo(1, 12);
    expect(c.mean!.p).toBeLessThan(0.001);
    expect(c.mean!.significant).toBe(true);
    // Top-two box 35/35 vs 17/35: pooled 52/70, se = √(0.742857 · 0.257143 · 2/35) = 0.104478,
    // z = 0.514286 / 0.104478 = 4.92, beyond 3.29 (two-sided p = 0.001).
    expect(c.topTwoBox!.difference).toBeCloseTo(18 / 35, 12);
    expect(c.topTwoBox!.p).toBeLessThan(0.001);
    expect(c.topTwoBox!.significant).toBe(true);
    // "yes" again: 12 of 35 in both segments (k = 0, 3, …, 33): no difference, z = 0, p = 1.
    expect(c.loyal!.difference).toBeCloseTo(0, 12);
    expect(c.loyal!.p).toBeCloseTo(1, 12);
    expect(c.loyal!.significant).toBe(false);
  });

  it('never marks a difference when a segment has under 30 responses', async () => {
    const seeded = await seedReportData();
    cleanups.push(() => seeded.t.cleanup());
    const get = async (value: string) =>
      (await seeded.agents.viewer.get(`/api/surveys/${seeded.surveyId}/report?filter=purpose:${value}`)).body;
    const c = compareSegments(await get('business'), await get('leisure'));
    expect(c.smallBase).toBe(true);
    for (const test of [c.mean, c.topTwoBox, c.loyal]) expect(test?.significant).toBe(false);
  });
});
