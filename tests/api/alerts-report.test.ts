import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itOnSqliteUntilPorted, makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

async function publish(definition: unknown) {
  const created = (await researcher.post('/api/surveys', { definition })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  return { id: created.id as string, slug: created.slug as string, versionId: published.versions[0].id as number };
}
let n = 0;
const respond = (
  s: { slug: string; versionId: number },
  answers: Record<string, unknown>,
  hidden: Record<string, string> = {},
) =>
  new Agent(t.app).post(`/api/public/s/${s.slug}/responses`, {
    clientId: `client-${++n}`,
    versionId: s.versionId,
    complete: true,
    answers,
    hidden,
  });

describe("the report's cases section", () => {
  itOnSqliteUntilPorted(
    'counts cases, the share resolved, the median time to resolution and satisfaction after resolution',
    async () => {
      const main = await publish(smallSurvey());
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
      await researcher.post(`/api/surveys/${main.id}/alerts/rules`, {
        name: 'Unhappy',
        when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
      });
      expect(
        (await researcher.put(`/api/surveys/${main.id}/alerts/settings`, { followUpSurveyId: followUp.id })).status,
      ).toBe(200);
      for (const sat of [1, 2, 2, 5]) await respond(main, { sat, nps: 5 });
      const ids = (await researcher.get('/api/cases')).body.cases.map((c: { id: string }) => c.id) as string[];
      expect(ids).toHaveLength(3);
      // Resolved after 2 h and 6 h: the median of {2, 6} is 4 h. The third stays open.
      t.clock.advance(2 * 3_600_000);
      await researcher.patch(`/api/cases/${ids[0]}`, { status: 'resolved' });
      t.clock.advance(4 * 3_600_000);
      await researcher.patch(`/api/cases/${ids[1]}`, { status: 'closed' });
      // Follow-up answers: 4 and 5 from resolved cases (mean 4.5); 1 from the open case doesn't count.
      await respond(followUp, { again: 4 }, { case: ids[0] });
      await respond(followUp, { again: 5 }, { case: ids[1] });
      await respond(followUp, { again: 1 }, { case: ids[2] });
      const cases = (await researcher.get(`/api/surveys/${main.id}/report`)).body.sections.cases;
      expect(cases).toMatchObject({
        opened: 3,
        resolved: 2,
        active: 1,
        medianHoursToResolution: 4,
        byRule: [{ rule: 'Unhappy', opened: 3, resolved: 2 }],
      });
      expect(cases.shareResolved).toBeCloseTo(2 / 3, 12);
      expect(cases.followUp).toMatchObject({ surveyId: followUp.id, n: 2, min: 1, max: 5, topTwoBox: 1 });
      expect(cases.followUp.mean.mean).toBe(4.5);
    },
  );

  itOnSqliteUntilPorted("follows the report's filters: only cases of the selected responses count", async () => {
    const main = await publish(smallSurvey());
    await researcher.post(`/api/surveys/${main.id}/alerts/rules`, {
      name: 'Unhappy',
      when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
    });
    await respond(main, { sat: 1, nps: 5, visit: 'buy' });
    await respond(main, { sat: 1, nps: 5, visit: 'look' });
    const all = (await researcher.get(`/api/surveys/${main.id}/report`)).body.sections.cases;
    const buyers = (await researcher.get(`/api/surveys/${main.id}/report?filter=visit:buy`)).body.sections.cases;
    expect([all.opened, buyers.opened]).toEqual([2, 1]);
  });

  itOnSqliteUntilPorted('is absent for a survey without alert rules', async () => {
    const main = await publish(smallSurvey());
    await respond(main, { sat: 1, nps: 5 });
    expect((await researcher.get(`/api/surveys/${main.id}/report`)).body.sections.cases).toBeNull();
  });

  it('refuses a follow-up survey without a "case" hidden field, naming the field', async () => {
    const main = await publish(smallSurvey());
    const other = await publish(smallSurvey());
    const r = await researcher.put(`/api/surveys/${main.id}/alerts/settings`, { followUpSurveyId: other.id });
    expect(r.status).toBe(400);
    expect(r.body.error.path).toBe('followUpSurveyId');
    const bad = await researcher.put(`/api/surveys/${main.id}/alerts/settings`, {
      dueHours: { low: 1, normal: 1, high: 1, urgent: 0 },
    });
    expect(bad.body.error.path).toBe('dueHours.urgent');
  });
});
