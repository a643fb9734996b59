import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let survey: { id: string; slug: string; versionId: number };
const anon = () => new Agent(t.app);

beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
  const def = { ...smallSurvey(), hiddenFields: ['tier'] };
  const created = (await researcher.post('/api/surveys', { definition: def })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(() => t.cleanup());

const snapshot = () => t.rows('select * from responses order by id');
const post = (body: unknown, a = anon()) => a.post(`/api/public/s/${survey.slug}/responses`, body);
const valid = (over: Record<string, unknown> = {}) => ({
  clientId: 'client-0001',
  versionId: survey.versionId,
  complete: true,
  answers: { sat: 4, nps: 10, visit: 'buy', why: 'Friendly staff' },
  hidden: { tier: 'gold', utm: 'x' },
  lang: 'en',
  ...over,
});

describe('a valid submission', () => {
  it('is stored once with its answers, declared hidden fields and page times', async () => {
    const r = await post(valid({ pageTimes: { p1: 5300, p2: 2100 } }));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ status: 'complete' });
    const [row] = (await snapshot()) as Record<string, unknown>[];
    expect(JSON.parse(row.answers as string)).toEqual({ sat: 4, nps: 10, visit: 'buy', why: 'Friendly staff' });
    expect(JSON.parse(row.hidden as string)).toEqual({ tier: 'gold' });
    expect(JSON.parse(row.page_times as string)).toEqual({ p1: 5300, p2: 2100 });
    expect(row.status).toBe('complete');
  });

  it('saves partial progress page by page, then completes the same row', async () => {
    const first = await post(valid({ complete: false, page: 1, answers: { sat: 2, nps: 3 } }));
    expect(first.status).toBe(201);
    expect(await snapshot()).toMatchObject([{ status: 'partial', page: 1 }]);
    const key = first.headers.get('x-resume-key')!;
    const resume = await anon().request('GET', `/api/public/s/${survey.slug}/responses/client-0001`, undefined, {
      'x-resume-key': key,
    });
    expect(resume.body).toEqual({
      versionId: survey.versionId,
      status: 'partial',
      page: 1,
      answers: { sat: 2, nps: 3 },
    });
    expect((await post(valid())).status).toBe(200);
    expect(await snapshot()).toMatchObject([{ status: 'complete' }]);
  });

  it('is stored once when retried or double-tapped', async () => {
    const results = await Promise.all([post(valid()), post(valid()), post(valid())]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(results.filter((r) => r.body.duplicate)).toHaveLength(2);
    // A late retry with different answers changes nothing either.
    await post(valid({ answers: { sat: 1, nps: 0 } }));
    expect(await snapshot()).toHaveLength(1);
    expect(JSON.parse(((await snapshot())[0] as { answers: string }).answers).sat).toBe(4);
  });

  it('stores the valid ones of submissions committed together, refusing only the invalid one', async () => {
    // Sent at once, these share one group commit (server/collect/group-commit.ts).
    const [a, b, c] = await Promise.all([
      post(valid({ clientId: 'together-a' })),
      post(valid({ clientId: 'together-b', answers: { sat: 9, nps: 9 } })),
      post(valid({ clientId: 'together-c' })),
    ]);
    expect([a.status, b.status, c.status]).toEqual([201, 400, 201]);
    expect(b.body.error.path).toBe('answers.sat');
    expect(((await snapshot()) as { client_id: string }[]).map((r) => r.client_id)).toEqual([
      'together-a',
      'together-c',
    ]);
  });

  it('is swallowed without storage when the honeypot is filled', async () => {
    expect((await post(valid({ website: 'http://spam.example' }))).status).toBe(201);
    expect(await snapshot()).toEqual([]);
  });
});

describe('an invalid submission is refused with a 4xx naming the fault, and nothing stored changes', () => {
  const cases: [string, () => unknown, number, string | RegExp][] = [
    ['an unknown question', () => valid({ answers: { sat: 4, nps: 9, color: 'red' } }), 400, 'answers.color'],
    ['a wrong type', () => valid({ answers: { sat: 'four', nps: 9 } }), 400, 'answers.sat'],
    ['a rating out of range', () => valid({ answers: { sat: 6, nps: 9 } }), 400, 'answers.sat'],
    ['an NPS with a fraction', () => valid({ answers: { sat: 3, nps: 9.5 } }), 400, 'answers.nps'],
    ['an unknown option', () => valid({ answers: { sat: 3, nps: 9, visit: 'steal' } }), 400, 'answers.visit'],
    ['a missing required answer', () => valid({ answers: { sat: 3 } }), 400, 'answers.nps'],
    [
      'a text over its maximum length',
      () => valid({ answers: { sat: 3, nps: 9, why: 'x'.repeat(51) } }),
      400,
      'answers.why',
    ],
    ['a version of another survey', () => valid({ versionId: 999 }), 400, 'versionId'],
    ['a malformed client id', () => valid({ clientId: 'a b' }), 400, 'clientId'],
    ['answers that are not an object', () => valid({ answers: [1, 2] }), 400, 'answers'],
    [
      'complete missing',
      () => {
        const { complete: _c, ...rest } = valid();
        return rest;
      },
      400,
      'complete',
    ],
  ];
  for (const [what, body, status, path] of cases) {
    it(what, async () => {
      await post(valid({ clientId: 'existing-01' }));
      const before = await snapshot();
      const r = await post(body());
      expect(r.status).toBe(status);
      expect(r.body.error.path).toMatch(path);
      expect(r.body.error.message.length).toBeGreaterThan(5);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('malformed JSON and an oversized body', async () => {
    await post(valid({ clientId: 'existing-01' }));
    const before = await snapshot();
    const a = anon();
    const bad = await a.request('POST', `/api/public/s/${survey.slug}/responses`, '{"clientId":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-json');
    const big = await post(valid({ answers: { sat: 3, nps: 9, why: 'x'.repeat(1_100_000) } }));
    expect(big.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('a closed survey, and an unknown one', async () => {
    await researcher.patch(`/api/surveys/${survey.id}`, { status: 'closed' });
    const closed = await post(valid());
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('survey-closed');
    const unknown = await anon().post('/api/public/s/no-such-survey/responses', valid());
    expect(unknown.status).toBe(404);
    expect(await snapshot()).toEqual([]);
  });
});

describe('the respondent page', () => {
  it('refuses to serve before the client is built, with a JSON 503', async () => {
    const r = await anon().get(`/s/${survey.slug}`);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('not-built');
  });

  it('rate-limits public endpoints per IP when configured', async () => {
    const limited = makeTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const a = new Agent(limited.app);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await a.get('/api/public/s/anything')).status);
      expect(codes).toEqual([404, 404, 404, 429]);
    } finally {
      limited.cleanup();
    }
  });
});
