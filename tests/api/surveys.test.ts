import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

describe('survey CRUD', () => {
  it('creates, lists, reads, edits and deletes a survey', async () => {
    const created = await researcher.post('/api/surveys', { definition: smallSurvey() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: null, unpublishedChanges: true, versions: [] });
    expect(created.body.slug).toMatch(/^store-visit-[a-z0-9]{6}$/);
    // Defaults from the schema are filled in and stored.
    expect(created.body.draft.defaultLanguage).toBe('en');
    expect(created.body.draft.pages[0].questions[1].required).toBe(true);

    const list = await researcher.get('/api/surveys');
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([created.body.id]);

    const def = smallSurvey();
    def.title = { en: 'Store visit, spring' };
    const saved = await researcher.put(`/api/surveys/${created.body.id}/draft`, { definition: def });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.title.en).toBe('Store visit, spring');

    expect((await researcher.delete(`/api/surveys/${created.body.id}`)).status).toBe(204);
    expect((await researcher.get(`/api/surveys/${created.body.id}`)).status).toBe(404);
  });

  // Unfinished drafts (one option, duplicate ids, no pages) are stored: tests/api/drafts.test.ts.
  const invalid: [string, (d: ReturnType<typeof smallSurvey>) => unknown, string][] = [
    [
      'an unknown question type',
      (d) => {
        (d.pages[0].questions[0] as { type: string }).type = 'slider';
        return d;
      },
      'definition.pages[0].questions[0].type',
    ],
    [
      'an id with spaces',
      (d) => {
        d.pages[0].id = 'page one';
        return d;
      },
      'definition.pages[0].id',
    ],
    ['a language that is no BCP 47 tag', (d) => ({ ...d, languages: ['en', 'français'] }), 'definition.languages[1]'],
  ];
  for (const [what, mutate, path] of invalid) {
    it(`refuses ${what} with a 400 naming ${path}, leaving the draft unchanged`, async () => {
      const created = await researcher.post('/api/surveys', { definition: smallSurvey() });
      const r = await researcher.put(`/api/surveys/${created.body.id}/draft`, { definition: mutate(smallSurvey()) });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.message).toContain(path);
      const after = await researcher.get(`/api/surveys/${created.body.id}`);
      expect(after.body.draft).toEqual(created.body.draft);
    });
  }

  it('refuses a slug that is taken', async () => {
    await researcher.post('/api/surveys', { definition: smallSurvey(), slug: 'spring-visit' });
    const r = await researcher.post('/api/surveys', { definition: smallSurvey(), slug: 'spring-visit' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('spring-visit');
  });
});

describe('publishing and versions', () => {
  const answer = (a: Agent, slug: string, versionId: number, clientId: string, sat: number) =>
    a.post(`/api/public/s/${slug}/responses`, { clientId, versionId, complete: true, answers: { sat, nps: 9 } });

  it('publishes immutable versions; old responses keep theirs', async () => {
    const created = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    const v1 = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
    expect(v1).toMatchObject({ status: 'open', version: 1, unpublishedChanges: false });
    const v1Id = v1.versions[0].id;

    const anon = new Agent(t.app);
    expect((await answer(anon, created.slug, v1Id, 'respondent-one', 4)).status).toBe(201);
    // With one version it has every counted complete (not counted per version then).
    const one = (await researcher.get(`/api/surveys/${created.id}`)).body;
    expect(one.versions.map((v: { version: number; responses: number }) => [v.version, v.responses])).toEqual([[1, 1]]);

    // Republishing an unchanged draft makes no new version.
    expect((await researcher.post(`/api/surveys/${created.id}/publish`)).body.version).toBe(1);

    const def = smallSurvey();
    def.pages[0].questions[0].text = { en: 'All in all, how satisfied are you?' };
    const draft = (await researcher.put(`/api/surveys/${created.id}/draft`, { definition: def })).body;
    expect(draft.unpublishedChanges).toBe(true);
    const v2 = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
    expect(v2.version).toBe(2);
    expect(v2.versions.map((v: { version: number; responses: number }) => [v.version, v.responses])).toEqual([
      [2, 0],
      [1, 1],
    ]);

    // Someone who loaded version 1 before the edit can still finish on it.
    expect((await answer(anon, created.slug, v1Id, 'respondent-two', 5)).status).toBe(201);
    const rows = await t.rows('select client_id, version_id from responses order by id');
    expect(rows).toEqual([
      { client_id: 'respondent-one', version_id: v1Id },
      { client_id: 'respondent-two', version_id: v1Id },
    ]);
    const [{ definition }] = await t.rows('select definition from survey_versions where id = ?', v1Id);
    // JSON text on SQLite, already parsed on PostgreSQL.
    const stored = typeof definition === 'string' ? JSON.parse(definition) : definition;
    expect(stored.pages[0].questions[0].text.en).toBe('How satisfied are you?');
  });

  it('opens, pauses and closes a published survey; a draft cannot be opened', async () => {
    const created = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    expect((await researcher.patch(`/api/surveys/${created.id}`, { status: 'open' })).status).toBe(409);
    await researcher.post(`/api/surveys/${created.id}/publish`);
    expect((await researcher.patch(`/api/surveys/${created.id}`, { status: 'paused' })).body.status).toBe('paused');
    const pub = await new Agent(t.app).get(`/api/public/s/${created.slug}`);
    expect(pub.body).toEqual({ slug: created.slug, status: 'paused', versionId: null, definition: null });
    expect((await researcher.patch(`/api/surveys/${created.id}`, { status: 'shut' })).status).toBe(400);
  });
});
