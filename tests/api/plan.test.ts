import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { basePlan, quotaSurvey, regionVariable, tierCells, tierVariable } from '../support/plan';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let survey: { id: string; slug: string; versionId: number };

beforeEach(async () => {
  t = makeTestApp();
  ({ researcher, viewer } = await signedInAgents(t.app));
  const created = (await researcher.post('/api/surveys', { definition: quotaSurvey() })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(() => t.cleanup());

const planUrl = () => `/api/surveys/${survey.id}/plan`;
const save = (plan: unknown) => researcher.put(planUrl(), { plan });
const respond = (clientId: string, over: Record<string, unknown> = {}) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete: true,
    answers: { staff: 'no', sat: 4, region: 'north' },
    hidden: { tier: 'gold' },
    ...over,
  });

describe('the plan of a survey', () => {
  it('is null until one is saved', async () => {
    const r = await viewer.get(planUrl());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      surveyId: survey.id,
      plan: null,
      figures: null,
      cells: [],
      currentWave: 1,
      updatedAt: null,
    });
  });

  it('is saved and read back with its figures: 373 completes for ±5 % of 12,000, 1,492 invitations at 25 %, the budget', async () => {
    const r = await save(basePlan({ quotas: { variables: [tierVariable()], method: 'minimum', minPerCell: 40 } }));
    expect(r.status).toBe(200);
    // 384.1459 / (1 + 383.1459/12,000) = 372.26 → 373; 373 / 0.25 = 1,492.
    expect(r.body.figures).toMatchObject({
      completesNeeded: 373,
      invitations: 1492,
      plannedCompletes: 373,
      plannedInvitations: 1492,
    });
    // 373 · (2.50 + 5.00) + 1,200.00 = 3,997.50 €
    expect(r.body.figures.budget.totals).toEqual([{ currency: 'EUR', amount: 399_750 }]);
    // Minimum 40: platinum 40, then 333 spread over 15/30/50 → 52.58, 105.16, 175.26 → 53, 105, 175.
    expect(r.body.cells.map((c: { key: string; target: number }) => [c.key, c.target])).toEqual([
      ['platinum', 40],
      ['gold', 53],
      ['iron', 105],
      ['lead', 175],
    ]);
    expect(r.body.cells[1]).toMatchObject({ labels: ['Gold'], share: 0.15, completes: 0 });
    // The total isn't stored: it follows the completes needed until the researcher sets one.
    expect(r.body.plan.quotas.total).toBeUndefined();
    expect(r.body.plan.quotas.weightToPopulation).toBe(true);
    expect(r.body.updatedAt).toBe(t.clock.now());

    const read = await viewer.get(planUrl());
    expect(read.body).toEqual(r.body);
  });

  it('keeps targets edited by hand, and plans the budget on their total', async () => {
    const r = await save(
      basePlan({
        quotas: {
          variables: [tierVariable()],
          method: 'proportional',
          total: 373,
          cells: tierCells([50, 50, 100, 200]),
        },
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.cells.map((c: { target: number }) => c.target)).toEqual([50, 50, 100, 200]);
    expect(r.body.figures.plannedCompletes).toBe(400);
    expect(r.body.figures.budget.totals).toEqual([{ currency: 'EUR', amount: 400 * 750 + 120_000 }]);
  });

  it('crosses tier with a region question into 8 cells that add up exactly to the total', async () => {
    const r = await save(
      basePlan({ quotas: { variables: [tierVariable(), regionVariable()], method: 'proportional', total: 401 } }),
    );
    expect(r.status).toBe(200);
    expect(r.body.cells).toHaveLength(8);
    expect(r.body.cells.reduce((a: number, c: { target: number }) => a + c.target, 0)).toBe(401);
    // gold × north: 0.15 × 0.40 = 0.06 of 401 = 24.06 → 24.
    expect(r.body.cells.find((c: { key: string }) => c.key === 'gold|north')).toMatchObject({
      share: expect.closeTo(0.06, 10),
      target: 24,
      labels: ['Gold', 'north'],
    });
  });

  it('replaces the previous plan, and the new targets apply to the next submission at once', async () => {
    await save(
      basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([10, 0, 10, 10]) } }),
    );
    expect((await respond('gold-0001')).body.status).toBe('over-quota');
    await save(
      basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([10, 1, 10, 10]) } }),
    );
    expect((await respond('gold-0002')).body.status).toBe('complete');
  });
});

describe('bad input is refused with a 4xx naming the field, and the stored plan is unchanged', () => {
  const quotas = (over: Record<string, unknown>) =>
    basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', ...over } as never });
  const cases: [string, () => unknown, string, RegExp][] = [
    [
      'shares adding up to 98.5 %',
      () => quotas({ variables: [tierVariable([5, 15, 30, 48.5])] }),
      'plan.quotas.variables[0].categories',
      /shares of Customer tier add up to 98.5%, not 100%/,
    ],
    [
      'a negative population share',
      () => quotas({ variables: [tierVariable([5, -15, 60, 50])] }),
      'plan.quotas.variables[0].categories[1].population',
      /must not be negative/,
    ],
    [
      'a margin of 0',
      () => basePlan({ sample: { ...basePlan().sample, margin: 0 } }),
      'plan.sample.margin',
      /greater than 0/,
    ],
    [
      'a confidence of 0.4',
      () => basePlan({ sample: { ...basePlan().sample, confidence: 0.4 } }),
      'plan.sample.confidence',
      /0\.5 to 0\.999/,
    ],
    [
      'a confidence of 1',
      () => basePlan({ sample: { ...basePlan().sample, confidence: 1 } }),
      'plan.sample.confidence',
      /0\.5 to 0\.999/,
    ],
    [
      'a negative population size',
      () => basePlan({ sample: { ...basePlan().sample, population: -12_000 } }),
      'plan.sample.population',
      /at least 1/,
    ],
    [
      'a response rate above 1',
      () => basePlan({ sample: { ...basePlan().sample, responseRate: 25 } }),
      'plan.sample.responseRate',
      /at most 1/,
    ],
    [
      'an amount of money as a float',
      () => basePlan({ budget: [{ label: 'Panel', kind: 'per-complete', amount: 2.5, currency: 'EUR' }] }),
      'plan.budget[0].amount',
      /whole number/,
    ],
    [
      'a quota source the survey does not have',
      () => quotas({ variables: [{ ...tierVariable(), source: 'segment' }] }),
      'plan.quotas.variables[0].source',
      /"segment" is neither a hidden field nor/,
    ],
    [
      'a quota on a text question',
      () => quotas({ variables: [{ ...tierVariable(), source: 'why' }] }),
      'plan.quotas.variables[0].source',
      /"why" is neither/,
    ],
    [
      'a category that is not an option of its question',
      () =>
        quotas({
          variables: [
            tierVariable(),
            {
              ...regionVariable(),
              categories: [
                { value: 'north', population: 50 },
                { value: 'east', population: 50 },
              ],
            },
          ],
        }),
      'plan.quotas.variables[1].categories[1].value',
      /"east" is not an option of question region/,
    ],
    [
      'a minimum per cell the total can not hold',
      () => quotas({ method: 'minimum', minPerCell: 40, total: 100 }),
      'plan.quotas.minPerCell',
      /a minimum of 40 per cell needs 160 completes in all, more than total \(100\)/,
    ],
    [
      'a total larger than the population counted',
      () =>
        quotas({
          total: 50,
          variables: [
            {
              ...tierVariable(),
              unit: 'count',
              categories: tierVariable().categories.map((c) => ({ ...c, population: 10 })),
            },
          ],
        }),
      'plan.quotas.total',
      /must not exceed/,
    ],
    [
      'cells that are not the categories',
      () => quotas({ cells: tierCells([1, 2, 3, 4]).slice(0, 3) }),
      'plan.quotas.cells',
      /missing lead/,
    ],
    [
      'fieldwork ending before it starts',
      () => basePlan({ fieldwork: { start: '2026-02-01', end: '2026-01-01' } }),
      'plan.fieldwork.end',
      /before the start/,
    ],
    [
      'an unknown method',
      () => basePlan({ method: 'carrier-pigeon' as never }),
      'plan.method',
      /must be online-link, kiosk, phone or mail/,
    ],
    ['no plan at all', () => undefined, 'plan', /./],
  ];
  for (const [what, plan, path, message] of cases) {
    it(what, async () => {
      await save(basePlan({ quotas: { variables: [tierVariable()], method: 'proportional' } }));
      const before = (await viewer.get(planUrl())).body;
      const r = await researcher.put(planUrl(), plan() === undefined ? {} : { plan: plan() });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.message).toMatch(message);
      expect(r.body.error.message.startsWith(`${path}: `)).toBe(true);
      expect((await viewer.get(planUrl())).body).toEqual(before);
    });
  }

  it('refuses a body that is not JSON, or not valid JSON', async () => {
    expect(
      (await researcher.request('PUT', planUrl(), 'plan=1', { 'content-type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
    const r = await researcher.request('PUT', planUrl(), '{"plan": {', { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-json');
  });

  it('answers 404 for a survey that does not exist', async () => {
    expect((await researcher.put('/api/surveys/nope/plan', { plan: basePlan() })).status).toBe(404);
    expect((await viewer.get('/api/surveys/nope/plan')).status).toBe(404);
    expect((await viewer.get('/api/surveys/nope/fieldwork')).status).toBe(404);
  });

  it('lets a viewer read but not write', async () => {
    expect((await viewer.put(planUrl(), { plan: basePlan() })).status).toBe(403);
    expect((await viewer.post(`/api/surveys/${survey.id}/waves`)).status).toBe(403);
    expect((await viewer.get(planUrl())).body.plan).toBeNull();
  });
});

describe('waves', () => {
  it('are refused without a plan, and for a one-off study', async () => {
    const none = await researcher.post(`/api/surveys/${survey.id}/waves`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no-plan');
    await save(basePlan({ frequency: 'one-off' }));
    const oneOff = await researcher.post(`/api/surveys/${survey.id}/waves`);
    expect(oneOff.status).toBe(409);
    expect(oneOff.body.error).toMatchObject({ code: 'one-off', path: 'plan.frequency' });
    expect((await viewer.get(planUrl())).body.currentWave).toBe(1);
  });

  it('open the next wave of a quarterly study; new responses carry it, quotas count again from zero, started ones keep theirs', async () => {
    await save(
      basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([5, 1, 5, 5]) } }),
    );
    expect((await respond('wave1-done')).body.status).toBe('complete');
    expect(
      (
        await respond('wave1-late', {
          complete: false,
          page: 1,
          answers: { staff: 'no', sat: 3 },
          hidden: { tier: 'lead' },
        })
      ).body.status,
    ).toBe('partial');

    const opened = await researcher.post(`/api/surveys/${survey.id}/waves`);
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({ wave: 2 });
    expect((await viewer.get(planUrl())).body.currentWave).toBe(2);

    // Gold was full in wave 1; wave 2 starts its own count.
    expect((await respond('wave2-gold')).body.status).toBe('complete');
    expect((await respond('wave1-late', { hidden: { tier: 'lead' } })).body.status).toBe('complete');
    const waves = await t.rows('select client_id as id, wave from responses order by id');
    expect(waves).toEqual([
      { id: 'wave1-done', wave: 1 },
      { id: 'wave1-late', wave: 1 },
      { id: 'wave2-gold', wave: 2 },
    ]);

    const w2 = (await viewer.get(`/api/surveys/${survey.id}/fieldwork`)).body;
    expect(w2).toMatchObject({ wave: 2, currentWave: 2, completes: 1 });
    const w1 = (await viewer.get(`/api/surveys/${survey.id}/fieldwork?wave=1`)).body;
    expect(w1).toMatchObject({ wave: 1, completes: 2 });
    expect((await researcher.post(`/api/surveys/${survey.id}/waves`)).body).toEqual({ wave: 3 });
  });

  it('fieldwork refuses a wave that does not exist, naming it', async () => {
    for (const wave of ['2', '0', 'x', '-1', '1.5']) {
      const r = await viewer.get(`/api/surveys/${survey.id}/fieldwork?wave=${wave}`);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe('wave');
    }
  });
});

describe('fieldwork figures', () => {
  it('match counts made by hand', async () => {
    await save(
      basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([5, 2, 5, 5]) } }),
    );
    const seconds = (s: number) => ({ p1: s * 400, p2: s * 400, p3: s * 200 });
    expect((await respond('c-gold-1', { pageTimes: seconds(60) })).body.status).toBe('complete');
    expect((await respond('c-gold-2', { pageTimes: seconds(90) })).body.status).toBe('complete');
    expect((await respond('c-lead-1', { pageTimes: seconds(120), hidden: { tier: 'lead' } })).body.status).toBe(
      'complete',
    );
    expect((await respond('c-none-1', { pageTimes: seconds(30), hidden: {} })).body.status).toBe('complete');
    expect((await respond('c-gold-3', { pageTimes: seconds(10) })).body.status).toBe('over-quota');
    expect((await respond('screened', { answers: { staff: 'yes', sat: 5 } })).body.status).toBe('screened-out');
    expect(
      (await respond('partial-1', { complete: false, page: 0, answers: {}, hidden: { tier: 'iron' } })).body.status,
    ).toBe('partial');
    expect(
      (
        await respond('partial-2a', {
          complete: false,
          page: 1,
          answers: { staff: 'no', sat: 2 },
          hidden: { tier: 'iron' },
        })
      ).body.status,
    ).toBe('partial');
    expect(
      (
        await respond('partial-2b', {
          complete: false,
          page: 1,
          answers: { staff: 'no', sat: 3 },
          hidden: { tier: 'lead' },
        })
      ).body.status,
    ).toBe('partial');

    const f = (await viewer.get(`/api/surveys/${survey.id}/fieldwork`)).body;
    expect(f).toMatchObject({
      wave: 1,
      target: 17,
      completes: 4,
      partials: 3,
      screenedOut: 1,
      overQuota: 1,
      outsideCells: 1,
    });
    // Completers spent 30, 60, 90 and 120 s on the pages: the median is (60 + 90) / 2 = 75 s.
    expect(f.medianSeconds).toBe(75);
    // Partials by the last page they reached: one on p1, two on p2, none on p3.
    expect(f.dropOff).toEqual([
      { page: 0, pageId: 'p1', partials: 1 },
      { page: 1, pageId: 'p2', partials: 2 },
      { page: 2, pageId: 'p3', partials: 0 },
    ]);
    // 4 completes of 12,000 at 95 %: 1.959964 · √(0.25/4) · √(11,996/11,999) = 0.489930.
    expect(f.margin.confidence).toBe(0.95);
    expect(f.margin.value).toBeCloseTo(0.48993, 5);
    expect(
      f.cells.map((c: { key: string; completes: number; target: number }) => [c.key, c.completes, c.target]),
    ).toEqual([
      ['platinum', 0, 5],
      ['gold', 2, 2],
      ['iron', 0, 5],
      ['lead', 1, 5],
    ]);
    // The plan page shows the same cells filling.
    expect((await viewer.get(planUrl())).body.cells).toEqual(f.cells);
  });

  it('work without a plan: no target, the margin at 95 % of an infinite population', async () => {
    await respond('complete-1');
    const f = (await viewer.get(`/api/surveys/${survey.id}/fieldwork`)).body;
    expect(f).toMatchObject({ target: null, completes: 1, cells: [], outsideCells: 0, margin: { confidence: 0.95 } });
    // n = 1: 1.959964 · √0.25 = 0.979982.
    expect(f.margin.value).toBeCloseTo(0.979982, 5);
  });
});
