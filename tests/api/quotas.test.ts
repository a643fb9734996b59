import { runNow, sqlOf } from '../../server/db/sqlite-store';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import * as v from 'valibot';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { startServerProcess } from '../support/process';
import { basePlan, quotaSurvey, tierCells, tierVariable } from '../support/plan';
import { openDb } from '../../server/db/client';
import { DIALECT } from '../../server/db/dialect';
import { createSurvey, publish } from '../../server/survey/service';
import { savePlan } from '../../server/plan/service';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { PlanSchema } from '../../shared/plan';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let survey: { id: string; slug: string; versionId: number };

beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
  const created = (await researcher.post('/api/surveys', { definition: quotaSurvey() })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
  // Platinum 1, gold 2, iron 3, lead 4.
  const r = await researcher.put(`/api/surveys/${survey.id}/plan`, {
    plan: basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([1, 2, 3, 4]) } }),
  });
  expect(r.status).toBe(200);
});
afterEach(() => t.cleanup());

const body = (clientId: string, tier: string, over: Record<string, unknown> = {}) => ({
  clientId,
  versionId: survey.versionId,
  complete: true,
  answers: { staff: 'no', sat: 4, region: 'north' },
  hidden: { tier },
  ...over,
});
const post = (b: unknown) => new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, b);
const rows = async () =>
  (await t.rows(
    'select client_id as id, status, quota_cell as cell, completed_at as "completedAt" from responses order by id',
  )) as { id: string; status: string; cell: string | null; completedAt: number | null }[];
const row = async (id: string) => (await rows()).find((r) => r.id === id);
const cell = async (key: string) =>
  (await researcher.get(`/api/surveys/${survey.id}/plan`)).body.cells.find((c: { key: string }) => c.key === key);

describe('quota enforcement', () => {
  it('fills a cell; the next respondent in it is kept as over-quota and not counted', async () => {
    expect((await post(body('gold-0001', 'gold'))).body).toEqual({ status: 'complete' });
    expect((await post(body('gold-0002', 'gold'))).body).toEqual({ status: 'complete' });
    const third = await post(body('gold-0003', 'gold'));
    expect(third.status).toBe(201);
    expect(third.body).toEqual({ status: 'over-quota' });
    expect(await row('gold-0003')).toMatchObject({ status: 'over-quota', cell: 'gold', completedAt: t.clock.now() });
    expect(await cell('gold')).toMatchObject({ target: 2, completes: 2 });
    // A retry of the over-quota response answers the same and stores nothing new.
    expect((await post(body('gold-0003', 'gold'))).body).toEqual({ status: 'over-quota', duplicate: true });
    expect(await rows()).toHaveLength(3);
  });

  it('stops a respondent early, on a page save, once the cell is known and full', async () => {
    await post(body('plat-0001', 'platinum'));
    // Tier comes from the link, so the very first page save already knows the cell.
    const early = await post(
      body('plat-0002', 'platinum', { complete: false, page: 1, answers: { staff: 'no', sat: 5 } }),
    );
    expect(early.body).toEqual({ status: 'over-quota' });
    expect(await row('plat-0002')).toMatchObject({ status: 'over-quota', cell: 'platinum' });
    // Finishing anyway changes nothing: the response stays over-quota and uncounted.
    expect((await post(body('plat-0002', 'platinum'))).body).toEqual({ status: 'over-quota', duplicate: true });
    expect(await cell('platinum')).toMatchObject({ completes: 1 });
  });

  it('saves partials in a cell that still has room, with their cell, and lets them complete', async () => {
    expect(
      (await post(body('lead-0001', 'lead', { complete: false, page: 1, answers: { staff: 'no', sat: 3 } }))).body,
    ).toEqual({ status: 'partial' });
    expect(await row('lead-0001')).toMatchObject({ status: 'partial', cell: 'lead', completedAt: null });
    expect((await post(body('lead-0001', 'lead'))).body).toEqual({ status: 'complete' });
  });

  it('checks again at completion: a partial whose cell filled meanwhile ends over-quota', async () => {
    await post(body('plat-slow', 'platinum', { complete: false, page: 1, answers: { staff: 'no', sat: 3 } }));
    await post(body('plat-fast', 'platinum'));
    expect((await post(body('plat-slow', 'platinum'))).body).toEqual({ status: 'over-quota' });
    expect(await cell('platinum')).toMatchObject({ completes: 1 });
  });

  it('learns the cell from an answer when the quota variable is a question', async () => {
    const region = {
      source: 'region',
      unit: 'percent' as const,
      categories: [
        { value: 'north', population: 50 },
        { value: 'south', population: 50 },
      ],
    };
    await researcher.put(`/api/surveys/${survey.id}/plan`, {
      plan: basePlan({
        quotas: {
          variables: [region],
          method: 'proportional',
          cells: [
            { key: 'north', values: ['north'], target: 1 },
            { key: 'south', values: ['south'], target: 1 },
          ],
        },
      }),
    });
    await post(body('north-001', 'gold'));
    // Page 1 doesn't ask the region: not known yet, so no quota decision.
    expect(
      (await post(body('north-002', 'gold', { complete: false, page: 1, answers: { staff: 'no', sat: 3 } }))).body,
    ).toEqual({ status: 'partial' });
    expect((await row('north-002'))!.cell).toBeNull();
    // Page 2 answers it: the cell is full, the respondent stops there.
    expect(
      (
        await post(
          body('north-002', 'gold', { complete: false, page: 2, answers: { staff: 'no', sat: 3, region: 'north' } }),
        )
      ).body,
    ).toEqual({ status: 'over-quota' });
    expect((await post(body('south-001', 'gold', { answers: { staff: 'no', sat: 3, region: 'south' } }))).body).toEqual(
      { status: 'complete' },
    );
  });

  it('keeps other cells open while one is full', async () => {
    await post(body('plat-0001', 'platinum'));
    expect((await post(body('plat-0002', 'platinum'))).body.status).toBe('over-quota');
    for (const [i, tier] of ['gold', 'iron', 'lead', 'gold'].entries()) {
      expect((await post(body(`open-${tier}-${i}`, tier))).body.status).toBe('complete');
    }
  });

  it('leaves screened-out respondents screened out, even in a full cell', async () => {
    await post(body('plat-0001', 'platinum'));
    expect((await post(body('plat-staff', 'platinum', { answers: { staff: 'yes', sat: 5 } }))).body.status).toBe(
      'screened-out',
    );
  });

  it('applies no quota to respondents outside the categories or without the variable', async () => {
    expect((await post(body('bronze-001', 'bronze'))).body.status).toBe('complete');
    expect((await post(body('no-tier-001', 'gold', { hidden: {} }))).body.status).toBe('complete');
    expect((await row('bronze-001'))!.cell).toBeNull();
  });

  it('matches tiers from contact lists regardless of case', async () => {
    await post(body('gold-upper1', 'GOLD'));
    await post(body('gold-upper2', 'Gold'));
    expect((await post(body('gold-upper3', 'gold'))).body.status).toBe('over-quota');
  });

  it('gives exactly one of 20 concurrent requests the last place (app.request)', async () => {
    await post(body('gold-first', 'gold'));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(body(`race-${String(i).padStart(4, '0')}`, 'gold'))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.status === 'complete')).toHaveLength(1);
    expect(results.filter((r) => r.body.status === 'over-quota')).toHaveLength(19);
    expect(await cell('gold')).toMatchObject({ target: 2, completes: 2 });
  });
});

// Two server processes on one SQLite file; on PostgreSQL, nodes.test.ts races two nodes on one database.
describe.skipIf(DIALECT !== 'sqlite')('the race for the last place against real server processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-quota-race-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives exactly one of 20 concurrent requests the last place, with two processes writing to one database', async () => {
    const dbPath = join(dir, 'race.db');
    const db = openDb(dbPath);
    const now = Date.now();
    const created = runNow(createSurvey(sqlOf(db), v.parse(SurveyDefinitionSchema, quotaSurvey()), null, now, 'race'));
    const versionId = runNow(publish(sqlOf(db), created.id, null, now)).versions[0].id;
    runNow(
      savePlan(
        sqlOf(db),
        created.id,
        v.parse(
          PlanSchema,
          basePlan({ quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([1, 3, 1, 1]) } }),
        ),
        null,
        now,
      ),
    );
    db.$client.close();

    const servers = await Promise.all([
      startServerProcess({ DATABASE_PATH: dbPath }),
      startServerProcess({ DATABASE_PATH: dbPath }),
    ]);
    children.push(...servers.map((s) => s.child));
    const send = (port: number, clientId: string) =>
      fetch(`http://127.0.0.1:${port}/api/public/s/race/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId,
          versionId,
          complete: true,
          answers: { staff: 'no', sat: 4, region: 'south' },
          hidden: { tier: 'gold' },
        }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }));

    // Two of gold's three places taken, one through each process.
    expect((await send(servers[0].port, 'taken-0001')).body.status).toBe('complete');
    expect((await send(servers[1].port, 'taken-0002')).body.status).toBe('complete');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(servers[i % 2].port, `race-${String(i).padStart(4, '0')}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(results.filter((r) => r.body.status === 'complete')).toHaveLength(1);
    expect(results.filter((r) => r.body.status === 'over-quota')).toHaveLength(19);

    const check = openDb(dbPath);
    const counts = check.$client
      .prepare("select status, count(*) as n from responses where quota_cell = 'gold' group by status order by status")
      .all();
    check.$client.close();
    expect(counts).toEqual([
      { status: 'complete', n: 3 },
      { status: 'over-quota', n: 19 },
    ]);
  }, 60_000);
});
