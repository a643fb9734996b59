import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { researchSurvey } from '../fixtures/research-survey';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

type Def = ReturnType<typeof researchSurvey>;
// Question n of page p, typed loosely: each case below breaks one field of one type.
const q = (d: Def, p: number, n: number) => d.pages[p].questions[n] as Record<string, unknown>;

describe('definitions with the research types', () => {
  it('accepts the fixture with one question of each type', async () => {
    expect((await researcher.post('/api/surveys', { definition: researchSurvey() })).status).toBe(201);
  });

  const invalid: [string, (d: Def) => void, string][] = [
    [
      'a SERVQUAL item without a known dimension',
      (d) => {
        (q(d, 1, 0).items as { dimension: string }[])[1].dimension = 'price';
      },
      'definition.pages[1].questions[0].items[1].dimension',
    ],
    [
      'a price ladder out of order',
      (d) => {
        q(d, 2, 1).prices = [49, 89, 69];
      },
      'definition.pages[2].questions[1].prices',
    ],
    [
      'a currency that is not an ISO code',
      (d) => {
        q(d, 2, 0).currency = '€';
      },
      'definition.pages[2].questions[0].currency',
    ],
    [
      'an own brand that is not among the brands',
      (d) => {
        q(d, 3, 0).ownBrand = 'b9';
      },
      'definition.pages[3].questions[0].ownBrand',
    ],
    [
      'a ranking of one option',
      (d) => {
        (q(d, 0, 1).options as unknown[]).splice(1);
      },
      'definition.pages[0].questions[1].options',
    ],
    [
      'piping from a later question',
      (d) => {
        q(d, 0, 0).text = { en: 'Where did you buy it, {{gg}}?' };
      },
      'definition.pages[0].questions[0].text.en',
    ],
  ];
  for (const [what, mutate, path] of invalid) {
    it(`refuses ${what} with a 400 naming ${path}`, async () => {
      const def = researchSurvey();
      mutate(def);
      const r = await researcher.post('/api/surveys', { definition: def });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    });
  }
});

describe('answers to the research types, checked again by the server', () => {
  let slug: string;
  let versionId: number;
  beforeEach(async () => {
    const created = (await researcher.post('/api/surveys', { definition: researchSurvey() })).body;
    versionId = (await researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    slug = created.slug;
  });
  const good = () => ({
    where: 'o1',
    rank: ['o2', 'o1', 'o3'],
    sq: { t1: { e: 7, p: 5 }, r1: { e: 6, p: 6 } },
    imp: { i1: 40, i2: 40, i3: 20 },
    vw: { tooCheap: 20, cheap: 40, expensive: 80, tooExpensive: 120, likelyCheap: 4, likelyExpensive: 2 },
    gg: {
      path: [
        { price: 89, buy: false },
        { price: 69, buy: true },
      ],
      highest: 69,
    },
    comp: { known: ['b1'], ratings: { b1: { a1: 5, a2: 3 } } },
    contact: { email: 'ana@example.com', consent: true },
  });
  const submit = (answers: Record<string, unknown>, clientId = 'client-0001') =>
    new Agent(t.app).post(`/api/public/s/${slug}/responses`, { clientId, versionId, complete: true, answers });
  const count = () => t.value('select count(*) from responses');

  it('stores a complete, valid set', async () => {
    expect((await submit(good())).status).toBe(201);
    expect(await count()).toBe(1);
  });

  const wrong: [string, Record<string, unknown>, string, string][] = [
    [
      'prices out of order',
      { vw: { tooCheap: 20, cheap: 40, expensive: 30, tooExpensive: 120, likelyCheap: 4, likelyExpensive: 2 } },
      'answers.vw',
      'price-order',
    ],
    ['points that do not add up to 100', { imp: { i1: 40, i2: 40, i3: 10 } }, 'answers.imp', 'constant-sum'],
    [
      'a ladder that skips a price',
      {
        gg: {
          path: [
            { price: 89, buy: false },
            { price: 49, buy: true },
          ],
          highest: 49,
        },
      },
      'answers.gg',
      'ladder',
    ],
    [
      'a rating of a brand not known',
      { comp: { known: ['b1'], ratings: { b1: { a1: 5, a2: 3 }, b2: { a1: 1 } } } },
      'answers.comp',
      'unknown-option',
    ],
    ['an e-mail without a domain', { contact: { email: 'ana@', consent: true } }, 'answers.contact', 'email'],
  ];
  for (const [what, change, path, code] of wrong) {
    it(`refuses ${what} with a 400 naming ${path}, storing nothing`, async () => {
      const r = await submit({ ...good(), ...change });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.details[0].code).toBe(code);
      expect(await count()).toBe(0);
    });
  }
});

describe('the versioning guard', () => {
  const base = () => ({
    title: { en: 'Visit' },
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'visit',
            type: 'single',
            text: { en: 'Why?' },
            options: [
              { id: 'buy', label: { en: 'To buy' } },
              { id: 'look', label: { en: 'To look' } },
              { id: 'meet', label: { en: 'To meet' } },
            ],
          },
          { id: 'sat', type: 'rating', text: { en: 'Satisfied?' }, scale: { min: 1, max: 5 } },
        ],
      },
    ],
  });

  it('asks to confirm a type change or a removed option that has answers, and keeps old answers with their version', async () => {
    const created = (await researcher.post('/api/surveys', { definition: base() })).body;
    const v1 = (await researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    const respond = (clientId: string, answers: Record<string, unknown>, versionId = v1) =>
      new Agent(t.app).post(`/api/public/s/${created.slug}/responses`, {
        clientId,
        versionId,
        complete: true,
        answers,
      });
    expect((await respond('respondent-1', { visit: 'buy', sat: 4 })).status).toBe(201);
    expect((await respond('respondent-2', { visit: 'buy', sat: 5 })).status).toBe(201);

    // Removing "meet" (never chosen) and relabelling are harmless; removing "buy" (chosen twice)
    // and turning "sat" into a number question (answered twice) are not.
    const def = base();
    def.pages[0].questions[0].options = [{ id: 'look', label: { en: 'Just looking' } }];
    def.pages[0].questions[0].options.push({ id: 'other', label: { en: 'Something else' } });
    (def.pages[0].questions[1] as Record<string, unknown>).type = 'number';
    delete (def.pages[0].questions[1] as Record<string, unknown>).scale;
    expect((await researcher.put(`/api/surveys/${created.id}/draft`, { definition: def })).status).toBe(200);

    const refused = await researcher.post(`/api/surveys/${created.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('confirm-changes');
    expect(refused.body.error.details).toEqual([
      {
        questionId: 'visit',
        kind: 'option',
        optionId: 'buy',
        label: 'To buy',
        count: 2,
        message: 'visit: option "buy" is removed, but 2 answers chose it',
      },
      {
        questionId: 'sat',
        kind: 'type',
        from: 'rating',
        to: 'number',
        count: 2,
        message: 'sat: its type changes from rating to number; 2 answers given as rating stay with the earlier version',
      },
    ]);
    expect((await researcher.get(`/api/surveys/${created.id}`)).body.version).toBe(1);

    const confirmed = await researcher.post(`/api/surveys/${created.id}/publish?confirm=1`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.version).toBe(2);
    const v2 = confirmed.body.versions[0].id;
    expect((await respond('respondent-3', { visit: 'look', sat: 12.5 }, v2)).status).toBe(201);
    const rows = await t.rows('select client_id, version_id, answers from responses order by id');
    expect(rows).toEqual([
      { client_id: 'respondent-1', version_id: v1, answers: JSON.stringify({ visit: 'buy', sat: 4 }) },
      { client_id: 'respondent-2', version_id: v1, answers: JSON.stringify({ visit: 'buy', sat: 5 }) },
      { client_id: 'respondent-3', version_id: v2, answers: JSON.stringify({ visit: 'look', sat: 12.5 }) },
    ]);
  });

  it('does not count test responses', async () => {
    const created = (await researcher.post('/api/surveys', { definition: base() })).body;
    const v1 = (await researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    await new Agent(t.app).post(`/api/public/s/${created.slug}/responses`, {
      clientId: 'respondent-1',
      versionId: v1,
      complete: true,
      answers: { visit: 'meet' },
    });
    await t.rows('update responses set is_test = true returning id');
    const def = base();
    (def.pages[0].questions[0].options as unknown[]).pop();
    await researcher.put(`/api/surveys/${created.id}/draft`, { definition: def });
    expect((await researcher.post(`/api/surveys/${created.id}/publish`)).status).toBe(200);
  });
});
