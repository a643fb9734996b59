/**
 * The report's columns on two nodes of one database: each node keeps its own in memory, and each
 * read takes what was completed since that node's last read, whichever node stored it and in
 * whatever order the commits landed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import * as v from 'valibot';
import { DIALECT } from '../../server/db/dialect';
import { q, type Store } from '../../server/db/store';
import { responses, surveyVersions } from '../../server/db/tables';
import { codedAnswers } from '../../server/report/coded-answers';
import { prepareReport, reportSelection } from '../../server/report/service';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.cleanup());

const T0 = Date.UTC(2026, 10, 23, 9);
const NO_QUERY = { filter: undefined, weight: 'none' as const, exclude: [] };

interface Published {
  surveyId: string;
  versionId: number;
  def: SurveyDefinition;
  researcher: Agent;
}

async function publishedSurvey(): Promise<Published> {
  const { researcher } = await signedInAgents(t.app);
  const survey = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
  const published = await researcher.post(`/api/surveys/${survey.id}/publish?confirm=1`);
  expect(published.status).toBe(200);
  const versionId = published.body.versions[0].id as number;
  const [version] = await t.store.db.select().from(surveyVersions).where(eq(surveyVersions.id, versionId));
  return { surveyId: survey.id, versionId, def: v.parse(SurveyDefinitionSchema, version.definition), researcher };
}

/** A completed response's row as collection stores it: JSON answers and their coded form. */
function completedRow(s: Published, clientId: string, sat: number, completedAt: number) {
  const answers = { sat, nps: 9, visit: 'buy' };
  return {
    surveyId: s.surveyId,
    versionId: s.versionId,
    clientId,
    status: 'complete' as const,
    answers: JSON.stringify(answers),
    coded: codedAnswers(s.def, s.versionId, answers, null),
    startedAt: completedAt - 60_000,
    updatedAt: completedAt,
    completedAt,
  };
}

function complete(store: Store, s: Published, clientId: string, sat: number, completedAt: number) {
  return store.transaction(function* (tx) {
    yield* q(tx.insert(responses).values(completedRow(s, clientId, sat, completedAt)));
  });
}

/** The ids and overall-satisfaction points a node's report columns hold, by id. */
async function columnsOn(store: Store, s: Published) {
  const { cols } = await reportSelection(store, s.surveyId, NO_QUERY);
  const sat = cols.ints.get('sat')!;
  return Array.from({ length: cols.n }, (_, i) => [cols.id[i], sat[i]]).sort((a, b) => a[0] - b[0]);
}

const idOf = async (clientId: string) =>
  Number(await t.value('select id from responses where client_id = ?', clientId));

describe(`report columns on two nodes of one ${DIALECT} database`, () => {
  it('show on node B what node A stored after B built its columns, each response once', async () => {
    const s = await publishedSurvey();
    const b = t.anotherNodeDeps().store;
    await complete(t.store, s, 'a-1', 5, T0);
    await complete(t.store, s, 'a-2', 4, T0 + 1000);
    expect(await columnsOn(b, s)).toEqual([
      [await idOf('a-1'), 5],
      [await idOf('a-2'), 4],
    ]);
    // Node A's own columns are built too, then both nodes take the newer rows from the table.
    expect((await columnsOn(t.store, s)).length).toBe(2);
    await complete(t.store, s, 'a-3', 3, T0 + 2000);
    await complete(b, s, 'b-1', 2, T0 + 3000);
    const expected = [
      [await idOf('a-1'), 5],
      [await idOf('a-2'), 4],
      [await idOf('a-3'), 3],
      [await idOf('b-1'), 2],
    ];
    expect(await columnsOn(b, s)).toEqual(expected);
    expect(await columnsOn(t.store, s)).toEqual(expected);
    // Reading again finds nothing new and takes nothing twice.
    expect(await columnsOn(b, s)).toEqual(expected);
  });

  it('take a response whose commit landed after a later one was read', async () => {
    const s = await publishedSurvey();
    const b = t.anotherNodeDeps().store;
    await complete(t.store, s, 'first', 5, T0);
    expect((await columnsOn(b, s)).length).toBe(1);
    if (DIALECT === 'pg') {
      // Node A's transaction completes a response and stays open while a later one commits and
      // node B reads; then it commits. Its row is older in every order but the commit's.
      const client = await (t.store.db as unknown as { $client: pg.Pool }).$client.connect();
      try {
        await client.query('begin');
        const row = completedRow(s, 'slow', 1, T0 + 1000);
        await client.query(
          `insert into responses (survey_id, version_id, client_id, status, answers, coded, started_at, updated_at, completed_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            row.surveyId,
            row.versionId,
            row.clientId,
            row.status,
            row.answers,
            row.coded,
            row.startedAt,
            row.updatedAt,
            row.completedAt,
          ],
        );
        await complete(t.store, s, 'fast', 3, T0 + 2000);
        expect((await columnsOn(b, s)).map(([, sat]) => sat)).toEqual([5, 3]);
        await client.query('commit');
      } finally {
        client.release();
      }
    } else {
      // One process writes SQLite, but two requests can commit out of their completion order.
      await complete(t.store, s, 'fast', 3, T0 + 2000);
      expect((await columnsOn(b, s)).map(([, sat]) => sat)).toEqual([5, 3]);
      await complete(t.store, s, 'slow', 1, T0 + 1000);
    }
    const all = [
      [await idOf('first'), 5],
      [await idOf('fast'), 3],
      [await idOf('slow'), 1],
    ].sort((x, y) => x[0] - y[0]);
    expect(await columnsOn(b, s)).toEqual(all);
    expect(await columnsOn(b, s)).toHaveLength(3);
  });

  it("answer a report link opened on node B (cross-tab and report) with what node A stored since B's last answer", async () => {
    const s = await publishedSurvey();
    const share = await s.researcher.post(`/api/surveys/${s.surveyId}/shares`, { lang: 'en' });
    expect(share.status).toBe(201);
    const reader = new Agent(t.anotherNode());
    const crosstab = async () => {
      const r = await reader.get(`/api/public/reports/${share.body.token}/report/crosstab?rows=sat&columns=visit`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.total.n as number;
    };
    await complete(t.store, s, 'a-1', 5, T0);
    expect(await crosstab()).toBe(1);
    await complete(t.store, s, 'a-2', 4, T0 + 1000);
    await complete(t.store, s, 'a-3', 4, T0 + 2000);
    expect(await crosstab()).toBe(3);
    const report = await reader.get(`/api/public/reports/${share.body.token}/report`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.completes).toBe(3);
    // Revoked on node A, the link is closed on node B too.
    const revoked = await s.researcher.delete(`/api/surveys/${s.surveyId}/shares/${share.body.id}`);
    expect(revoked.status).toBe(200);
    const closed = await reader.get(`/api/public/reports/${share.body.token}/report/crosstab?rows=sat&columns=visit`);
    expect(closed.status).toBe(404);
  });

  // One process writes a SQLite file, and drops its own columns when it changes rows (dataset.ts).
  it.skipIf(DIALECT === 'sqlite')(
    "build node B's columns again when node A changes or deletes rows B had read",
    async () => {
      const s = await publishedSurvey();
      const b = t.anotherNodeDeps().store;
      await complete(t.store, s, 'kept', 5, T0);
      await complete(t.store, s, 'erased', 4, T0 + 1000);
      await complete(t.store, s, 'deleted', 3, T0 + 2000);
      expect((await columnsOn(b, s)).map(([, sat]) => sat)).toEqual([5, 4, 3]);
      // As erasing a customer's answers does: the answers emptied, the coded form with them.
      await t.store.transaction(function* (tx) {
        yield* q(
          tx
            .update(responses)
            .set({ answers: '{}', coded: codedAnswers(s.def, s.versionId, {}, null) })
            .where(eq(responses.clientId, 'erased')),
        );
        yield* q(tx.delete(responses).where(eq(responses.clientId, 'deleted')));
      });
      expect(await columnsOn(b, s)).toEqual([
        [await idOf('kept'), 5],
        [await idOf('erased'), -1],
      ]);
      // Counted once: the next read takes nothing again.
      await complete(t.store, s, 'later', 2, T0 + 3000);
      expect((await columnsOn(b, s)).map(([, sat]) => sat)).toEqual([5, -1, 2]);
    },
  );

  it("build a large survey's first columns on node B in worker threads, exactly as one pass on node A does", async () => {
    const s = await publishedSurvey();
    for (let i = 0; i < 600; i++) await complete(t.store, s, `r-${i}`, 1 + (i % 5), T0 + i * 1000);
    const b = t.anotherNodeDeps().store;
    expect(await prepareReport(b, s.surveyId, 500)).toBe('parallel');
    const one = await columnsOn(t.store, s);
    expect(one).toHaveLength(600);
    expect(await columnsOn(b, s)).toEqual(one);
    // And the columns built in parts take the next rows like any others.
    await complete(t.store, s, 'next', 2, T0 + 700_000);
    expect(await columnsOn(b, s)).toHaveLength(601);
  });
});
