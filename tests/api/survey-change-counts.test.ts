import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { responses } from '../../server/db/tables';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.cleanup());

const withLikes = () => {
  const def = smallSurvey();
  def.pages[1].questions.push({
    id: 'likes',
    type: 'multiple',
    text: { en: 'What did you like?' },
    options: [
      { id: 'a', label: { en: 'The staff' } },
      { id: 'b', label: { en: 'The prices' } },
    ],
  } as never);
  return def;
};

describe('publishing a change that touches stored answers', () => {
  it('counts the answers each change touches, test responses aside, on either database', async () => {
    const { researcher } = await signedInAgents(t.app);
    const s = (await researcher.post('/api/surveys', { definition: withLikes() })).body;
    const versionId = (await researcher.post(`/api/surveys/${s.id}/publish`)).body.versions[0].id;
    const stored = (clientId: string, answers: object, isTest = false) => ({
      surveyId: s.id,
      versionId,
      clientId,
      status: 'complete' as const,
      answers: JSON.stringify(answers),
      isTest,
      startedAt: 1,
      updatedAt: 2,
      completedAt: 2,
    });
    await t.store.db
      .insert(responses)
      .values([
        stored('r1', { sat: 4, nps: 9, visit: 'look', likes: ['a', 'b'] }),
        stored('r2', { sat: 5, visit: 'look', likes: ['b'] }),
        stored('r3', { sat: 2, nps: 0, visit: 'buy', likes: ['b'] }),
        stored('test', { sat: 3, nps: 1, visit: 'look', likes: ['b'] }, true),
      ]);

    const def = withLikes();
    def.pages[0].questions[1] = {
      id: 'nps',
      type: 'rating',
      text: { en: 'Would you recommend us?' },
      scale: { min: 1, max: 5 },
    } as never;
    (def.pages[1].questions[0] as { options: unknown[] }).options[1] = { id: 'other', label: { en: 'Other' } };
    (def.pages[1].questions[2] as { options: unknown[] }).options[1] = { id: 'c', label: { en: 'The rooms' } };
    await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def });
    const r = await researcher.post(`/api/surveys/${s.id}/publish`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('confirm-changes');
    // By hand: nps answered by r1 and r3; "look" chosen by r1 and r2; "b" ticked by r1, r2 and r3.
    expect(r.body.error.details).toEqual([
      expect.objectContaining({ questionId: 'nps', kind: 'type', count: 2 }),
      expect.objectContaining({ questionId: 'visit', kind: 'option', optionId: 'look', count: 2 }),
      expect.objectContaining({ questionId: 'likes', kind: 'option', optionId: 'b', count: 3 }),
    ]);
    expect((await researcher.post(`/api/surveys/${s.id}/publish?confirm=1`)).body.version).toBe(2);
  });
});
