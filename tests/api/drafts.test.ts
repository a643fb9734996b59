import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

type Def = ReturnType<typeof smallSurvey> & Record<string, unknown>;
const q = (d: Def, p: number, n: number) => d.pages[p].questions[n] as Record<string, unknown>;
const create = async (def: unknown = smallSurvey(), slug?: string) => {
  const r = await researcher.post('/api/surveys', { definition: def, ...(slug ? { slug } : {}) });
  expect(r.status).toBe(201);
  return r.body as { id: string; slug: string; draft: Def; title: Record<string, string> };
};

describe('a draft is saved whatever its state', () => {
  it('stores an unfinished draft as sent, and publishing lists every problem with its place and rule', async () => {
    const s = await create();
    const def = smallSurvey() as Def;
    q(def, 1, 0).options = [{ id: 'buy', label: { en: '' } }]; // one option, its label not written yet
    q(def, 1, 1).text = { en: '' }; // a question without its text
    q(def, 0, 0).visibleIf = { conditions: [{ source: 'why', op: 'answered' }] }; // moved above what it refers to
    def.pages[1].questions.push({ id: 'spend', type: 'number', text: { en: 'How much?' }, min: 100, max: 10 } as never);
    const saved = await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def });
    expect(saved.status).toBe(200);
    const stored = (await researcher.get(`/api/surveys/${s.id}`)).body;
    expect(stored.draft.pages[1].questions[0].options).toEqual([{ id: 'buy', label: { en: '' } }]);
    expect(stored.draft.pages[1].questions[2]).toMatchObject({ id: 'spend', min: 100, max: 10, integer: false });

    const published = await researcher.post(`/api/surveys/${s.id}/publish`);
    expect(published.status).toBe(409);
    expect(published.body.error.code).toBe('draft-has-problems');
    const problems = published.body.error.params.problems as { path: string; rule: string; limit?: number }[];
    expect(problems.map((p) => [p.path, p.rule, p.limit])).toEqual(
      expect.arrayContaining([
        ['pages[1].questions[0].options', 'too-short', 2],
        ['pages[1].questions[0].options[0].label', 'rule', undefined],
        ['pages[1].questions[1].text', 'rule', undefined],
        ['pages[1].questions[2]', 'rule', undefined],
        ['pages[0].questions[0].visibleIf.conditions[0].source', 'rule', undefined],
      ]),
    );
    expect(problems).toHaveLength(5);
    // Nothing was published: still a draft without versions.
    expect((await researcher.get(`/api/surveys/${s.id}`)).body).toMatchObject({
      status: 'draft',
      version: null,
      versions: [],
    });
    // The preview cannot run it either, and says why instead of failing.
    const preview = await researcher.get(`/api/surveys/${s.id}/preview`);
    expect([409, 503]).toContain(preview.status);
    if (preview.status === 409) expect(preview.body.error.code).toBe('draft-has-problems');
  });

  it('stores duplicate ids and a half-typed currency, which only publishing refuses', async () => {
    const s = await create();
    const def = smallSurvey() as Def;
    def.pages[1].questions[0].id = 'sat';
    def.pages[1].questions.push({ id: 'vw', type: 'vanWestendorp', text: { en: 'Prices' }, currency: 'EU' } as never);
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).status).toBe(200);
    const r = await researcher.post(`/api/surveys/${s.id}/publish`);
    expect(r.status).toBe(409);
    expect(r.body.error.params.problems.map((p: { path: string; rule: string }) => [p.path, p.rule])).toEqual(
      expect.arrayContaining([
        ['pages', 'rule'],
        ['pages[1].questions[2].currency', 'format'],
      ]),
    );
  });

  it('an unfinished draft breaks no other screen: list, survey, export, plan, alerts, invitations answer below 500', async () => {
    const s = await create();
    const def = smallSurvey() as Def;
    def.title = { en: '' };
    def.pages.push({
      id: 'p3',
      questions: [
        { id: 'mx', type: 'matrix', text: { en: '' }, items: [], scale: { min: 1, max: 5 } },
        { id: 'gg', type: 'gaborGranger', text: { en: 'Buy?' }, currency: 'EUR', prices: [10] },
        {
          id: 'cmp',
          type: 'competitor',
          text: { en: 'Brands' },
          brands: [{ id: 'b1', label: { en: '' } }],
          ownBrand: 'b9',
          attributes: [],
          scale: { min: 1, max: 5 },
        },
      ],
    } as never);
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).status).toBe(200);
    const answers = await Promise.all([
      researcher.get('/api/surveys'),
      researcher.get(`/api/surveys/${s.id}`),
      researcher.get(`/api/surveys/${s.id}/export/surveyjs.json`),
      researcher.get(`/api/surveys/${s.id}/plan`),
      researcher.get(`/api/surveys/${s.id}/alerts`),
      researcher.get(`/api/surveys/${s.id}/invitations`),
      researcher.put(`/api/surveys/${s.id}/plan`, { plan: { purpose: 'x' } }),
      researcher.post(`/api/surveys/${s.id}/invitations/import`, { csv: 'name,email\nAna,ana@example.com\n' }),
    ]);
    for (const r of answers) expect(r.status, JSON.stringify(r.body)?.slice(0, 200)).toBeLessThan(500);
    expect(answers[0].body[0].title).toEqual({ en: '' });
  });

  // What no builder form produces is refused, naming the field and the rule, and nothing changes.
  const hostile: [string, (d: Def) => unknown, string, string, number?][] = [
    ['a title that is a number', (d) => ({ ...d, title: 5 }), 'definition.title', 'type'],
    [
      'a text past 5,000 characters',
      (d) => {
        q(d, 0, 0).text = { en: 'x'.repeat(5001) };
        return d;
      },
      'definition.pages[0].questions[0].text.en',
      'too-long',
      5000,
    ],
    [
      '201 options',
      (d) => {
        q(d, 1, 0).options = Array.from({ length: 201 }, (_, i) => ({ id: `o${i}`, label: { en: `${i}` } }));
        return d;
      },
      'definition.pages[1].questions[0].options',
      'too-long',
      200,
    ],
    [
      '101 pages',
      (d) => ({ ...d, pages: Array.from({ length: 101 }, (_, i) => ({ id: `p${i}`, questions: [] })) }),
      'definition.pages',
      'too-long',
      100,
    ],
    [
      'an id that is not an id',
      (d) => {
        q(d, 0, 0).id = 'sat"); drop';
        return d;
      },
      'definition.pages[0].questions[0].id',
      'format',
    ],
    [
      'an unknown question type',
      (d) => {
        q(d, 0, 0).type = 'slider';
        return d;
      },
      'definition.pages[0].questions[0].type',
      'choice',
    ],
    [
      'a condition on a source that is not an id',
      (d) => {
        q(d, 0, 1).visibleIf = { conditions: [{ source: '$..*', op: 'answered' }] };
        return d;
      },
      'definition.pages[0].questions[1].visibleIf.conditions[0].source',
      'format',
    ],
  ];
  for (const [what, mutate, field, rule, limit] of hostile) {
    it(`refuses a draft with ${what}: 400 invalid, field ${field}, rule ${rule}; the stored draft unchanged`, async () => {
      const s = await create();
      const r = await researcher.put(`/api/surveys/${s.id}/draft`, { definition: mutate(smallSurvey() as Def) });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'invalid', path: field, params: { field, rule } });
      expect(r.body.error.params.limit).toBe(limit);
      expect((await researcher.get(`/api/surveys/${s.id}`)).body.draft).toEqual(s.draft);
    });
  }
});

describe('publishing with texts missing in a survey language', () => {
  // smallSurvey has 7 texts: the title, 4 question texts and 2 option labels. Translating the
  // title and the first question leaves 5 missing in Simplified Chinese.
  const bilingual = () => {
    const def = smallSurvey() as Def;
    def.languages = ['en', 'zh-Hans'];
    Object.assign(def, { title: { en: 'Store visit', 'zh-Hans': '门店到访' } });
    q(def, 0, 0).text = { en: 'How satisfied are you?', 'zh-Hans': '您满意吗？' };
    return def;
  };

  it('answers 409 naming each missing text per language; ?confirm=1 publishes anyway', async () => {
    const s = await create(bilingual());
    const r = await researcher.post(`/api/surveys/${s.id}/publish`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('missing-translations');
    expect(r.body.error.params.missing).toEqual([
      {
        language: 'zh-Hans',
        paths: [
          'pages[0].questions[1].text',
          'pages[1].questions[0].text',
          'pages[1].questions[0].options[0].label',
          'pages[1].questions[0].options[1].label',
          'pages[1].questions[1].text',
        ],
      },
    ]);
    expect((await researcher.get(`/api/surveys/${s.id}`)).body.version).toBeNull();
    const confirmed = await researcher.post(`/api/surveys/${s.id}/publish?confirm=1`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ version: 1, status: 'open' });
  });

  it('publishes without asking once the language is dropped', async () => {
    const s = await create(bilingual());
    const def = bilingual();
    def.languages = ['en'];
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).status).toBe(200);
    expect((await researcher.post(`/api/surveys/${s.id}/publish`)).body.version).toBe(1);
  });

  it('lists the missing texts beside the changes to confirm, so one confirmation covers both', async () => {
    const s = await create();
    expect((await researcher.post(`/api/surveys/${s.id}/publish`)).status).toBe(200);
    const versionId = (await researcher.get(`/api/surveys/${s.id}`)).body.versions[0].id;
    await new Agent(t.app).post(`/api/public/s/${s.slug}/responses`, {
      clientId: 'respondent-1',
      versionId,
      complete: true,
      answers: { sat: 4, nps: 9, visit: 'look' },
    });
    const def = bilingual();
    q(def, 1, 0).options = [
      { id: 'buy', label: { en: 'To buy' } },
      { id: 'other', label: { en: 'Other' } },
    ];
    await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def });
    const r = await researcher.post(`/api/surveys/${s.id}/publish`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('confirm-changes');
    // What the app words in the user's language: the kind of change, the option's label, how many answers.
    expect(r.body.error.details).toEqual([
      expect.objectContaining({ questionId: 'visit', kind: 'option', optionId: 'look', label: 'To look', count: 1 }),
    ]);
    expect(r.body.error.params.missing[0].language).toBe('zh-Hans');
    expect(r.body.error.params.missing[0].paths).toHaveLength(5);
    expect((await researcher.post(`/api/surveys/${s.id}/publish?confirm=1`)).body.version).toBe(2);
  });
});

describe('the open link and the survey list', () => {
  it('follows the title until the first publication, then stays', async () => {
    const blank = smallSurvey() as Def;
    blank.title = { en: 'Untitled survey' };
    const s = await create(blank);
    expect(s.slug).toMatch(/^untitled-survey-[a-z0-9]{6}$/);
    const tail = s.slug.slice(-6);
    const def = smallSurvey() as Def;
    def.title = { en: 'Hotel stay, spring 2027' };
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).body.slug).toBe(
      `hotel-stay-spring-2027-${tail}`,
    );
    // A title with no Latin letters keeps the random tail alone.
    def.title = { en: '酒店住宿' };
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).body.slug).toBe(`s-${tail}`);
    def.title = { en: 'Hotel stay' };
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).body.slug).toBe(
      `hotel-stay-${tail}`,
    );
    expect((await researcher.post(`/api/surveys/${s.id}/publish`)).status).toBe(200);
    def.title = { en: 'Hotel stay, autumn' };
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).body.slug).toBe(
      `hotel-stay-${tail}`,
    );
  });

  it('keeps a link the researcher chose', async () => {
    const s = await create(smallSurvey(), 'spring-visit');
    const def = smallSurvey() as Def;
    def.title = { en: 'Autumn visit' };
    expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: def })).body.slug).toBe('spring-visit');
    const custom = await create();
    expect((await researcher.patch(`/api/surveys/${custom.id}`, { slug: 'my-own-link' })).status).toBe(200);
    expect((await researcher.put(`/api/surveys/${custom.id}/draft`, { definition: def })).body.slug).toBe(
      'my-own-link',
    );
  });

  it('numbers a title another survey already has, in every language, so the list tells them apart', async () => {
    const nps = () => ({
      ...smallSurvey(),
      title: { en: 'A quick question', it: 'Una domanda veloce' },
      languages: ['en', 'it'],
    });
    expect((await create(nps())).title).toEqual({ en: 'A quick question', it: 'Una domanda veloce' });
    expect((await create(nps())).title).toEqual({ en: 'A quick question (2)', it: 'Una domanda veloce (2)' });
    expect((await create(nps())).title).toEqual({ en: 'A quick question (3)', it: 'Una domanda veloce (3)' });
    const titles = (await researcher.get('/api/surveys')).body.map((s: { title: { en: string } }) => s.title.en);
    expect(new Set(titles).size).toBe(3);
  });
});

describe('errors carry a code from the shared list and its params', () => {
  it('names the thing not found, the slug taken and the wrong value', async () => {
    const missing = await researcher.get('/api/surveys/nope');
    expect(missing.body.error).toMatchObject({ code: 'not-found', params: { what: 'survey' } });
    await create(smallSurvey(), 'spring-visit');
    const taken = await researcher.post('/api/surveys', { definition: smallSurvey(), slug: 'spring-visit' });
    expect(taken.body.error).toMatchObject({ code: 'slug-taken', params: { slug: 'spring-visit' } });
    const bad = await researcher.post('/api/surveys', { definition: smallSurvey(), slug: 'A B' });
    expect(bad.body.error).toMatchObject({ code: 'invalid', params: { field: 'slug', rule: 'format' } });
    const json = await researcher.request('POST', '/api/surveys', '{"definition":', {
      'content-type': 'application/json',
    });
    expect(json.body.error).toMatchObject({ code: 'invalid-json', params: {} });
  });

  it("gives an imported file's fault as a detail of invalid-import", async () => {
    const r = await researcher.post('/api/surveys/convert', {
      content: JSON.stringify({ ...smallSurvey(), defaultLanguage: 'en', title: 5 }),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-import');
    expect(r.body.error.params.detail).toContain('title');
    // Our own format: the field and the rule, which the app words in the user's language.
    expect(r.body.error.params).toMatchObject({ field: 'title', rule: 'type' });
  });
});
