import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, Agent } from '../support/api';
import { DIALECT } from '../../server/db/dialect';
import { invalidate } from '../../server/report/dataset';
import { buildReport } from '../../server/report/service';
import { rowsByIds, rowsCompletedSince } from '../../server/report/stored-rows.sqlite';
import { storedRows } from '../../server/report/stored-rows';
import { recodeInBackground, recodeSome, type RecodeCursor } from '../../server/report/recode';
import { codedDuration, codedLength, codedVersion, keptAnswers, layoutOf } from '../../server/report/coded-answers';
import * as v from 'valibot';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';

/**
 * Completed responses are stored twice: the JSON answers (the record) and a coded form the report
 * reads fast (server/report/coded-answers.ts). These tests build the report from the coded rows,
 * then again from the JSON alone (coded form wiped, as in rows stored before it existed), and
 * expect the same report, across versions that reorder, drop and add options and items.
 */
let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
const respondent = () => new Agent(t.app);
const en = (s: string) => ({ en: s });
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: en(id) }));

function definition(version: 1 | 2 | 3) {
  return {
    title: en('Coded answers'),
    hiddenFields: ['tier'],
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'sat',
            type: 'rating',
            role: 'overall-satisfaction',
            text: en('Satisfied?'),
            scale: { min: 1, max: 5 },
            notApplicable: true,
          },
          { id: 'nps', type: 'nps', role: 'recommend', text: en('Recommend?') },
          // Version 2 reorders the options, drops "gift" and adds "work"; "other" stays.
          {
            id: 'visit',
            type: 'single',
            role: 'segment',
            text: en('Why?'),
            other: true,
            options: version === 1 ? opts('buy', 'look', 'gift') : opts('work', 'look', 'buy'),
          },
          {
            id: 'attrs',
            type: 'matrix',
            role: 'attribute',
            text: en('Rate'),
            scale: { min: 1, max: 5 },
            notApplicable: true,
            items: version === 1 ? opts('a', 'b', 'c') : opts('c', 'd', 'a'),
          },
          {
            id: 'used',
            type: 'multiple',
            text: en('Used'),
            options: version === 1 ? opts('x', 'y', 'z') : opts('z', 'w', 'x'),
          },
          // Version 3 turns the number into a rating: versions 1 and 2 no longer fit its columns.
          version === 3
            ? { id: 'spend', type: 'rating', text: en('Spend'), scale: { min: 1, max: 5 } }
            : { id: 'spend', type: 'number', text: en('Spend'), min: 0, max: 1000 },
          { id: 'why', type: 'text', role: 'open-feedback', text: en('Anything else?') },
          { id: 'rank', type: 'ranking', text: en('Rank'), options: opts('r1', 'r2', 'r3') },
          { id: 'contact', type: 'contact', text: en('Contact'), consent: en('You may contact me') },
        ],
      },
    ],
  };
}

const answers1 = [
  {
    sat: 5,
    nps: 10,
    visit: 'buy',
    attrs: { a: 5, b: 4, c: 'na' },
    used: ['x', 'z'],
    spend: 120.5,
    why: 'Lovely',
    rank: ['r2', 'r1', 'r3'],
    contact: { consent: true, name: 'Ann', email: 'ann@example.com' },
  },
  { sat: 'na', nps: 3, visit: 'gift', attrs: { a: 2, b: 2, c: 1 }, used: [], spend: 0 },
  { sat: 2, nps: 6, visit: { other: 'a friend sent me' }, attrs: { b: 3 }, used: ['y'], why: 'Slow' },
  { sat: 4, nps: 9, visit: 'look', rank: ['r1', 'r2', 'r3'] },
];
const answers2 = [
  { sat: 3, nps: 7, visit: 'work', attrs: { a: 4, c: 5, d: 1 }, used: ['w', 'x'], spend: 99 },
  { sat: 1, nps: 0, visit: 'buy', attrs: { d: 'na' }, used: ['z'], why: 'Never again' },
  { sat: 5, nps: 10, visit: { other: 'passing by' }, spend: 12.25 },
];
const answers3 = [{ sat: 4, nps: 8, visit: 'look', attrs: { a: 3, c: 3, d: 3 }, spend: 4, why: 'Fine' }];

async function publish(id: string, version: 1 | 2 | 3) {
  if (version > 1)
    expect((await researcher.put(`/api/surveys/${id}/draft`, { definition: definition(version) })).status).toBe(200);
  const r = await researcher.post(`/api/surveys/${id}/publish?confirm=1`);
  expect(r.status).toBe(200);
  return r.body.versions[0].id as number;
}

async function answer(slug: string, versionId: number, list: Record<string, unknown>[], tag: string) {
  const a = respondent();
  for (const [i, answers] of list.entries()) {
    const r = await a.post(`/api/public/s/${slug}/responses`, {
      clientId: `${tag}-resp-${i.toString().padStart(4, '0')}`,
      versionId,
      complete: true,
      answers,
      hidden: { tier: i % 2 ? 'gold' : 'iron' },
      pageTimes: { p1: 30_000 + i * 1000 },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
}

/** The report as read from the JSON answers alone. */
async function reportFromJson(surveyId: string) {
  await t.rows('update responses set coded = null where survey_id = ? returning id', surveyId);
  invalidate(t.store.db, surveyId);
  return buildReport(t.store, surveyId);
}

let survey: { id: string; slug: string };
let firstVersion: number;

beforeEach(async () => {
  t = makeTestApp();
  researcher = (await signedInAgents(t.app)).researcher;
  survey = (await researcher.post('/api/surveys', { definition: definition(1) })).body;
  firstVersion = await publish(survey.id, 1);
  await answer(survey.slug, firstVersion, answers1, 'v1');
});
afterEach(() => t.cleanup());

describe('the report read from coded answers', () => {
  it('stores the coded form with completed responses only, and never the contact details', async () => {
    const partial = await respondent().post(`/api/public/s/${survey.slug}/responses`, {
      clientId: 'partial-0001',
      versionId: firstVersion,
      complete: false,
      answers: { sat: 3 },
    });
    expect(partial.status).toBe(201);
    const rows = (await t.rows('select status, coded from responses where survey_id = ? order by id', survey.id)) as {
      status: string;
      coded: Buffer | null;
    }[];
    expect(rows.map((r) => [r.status, r.coded === null])).toEqual([
      ['complete', false],
      ['complete', false],
      ['complete', false],
      ['complete', false],
      ['partial', true],
    ]);
    // Each row says its own length, version and duration (page times 30 s, 31 s…).
    expect(
      rows
        .slice(0, 4)
        .map((r) => [
          codedLength(r.coded!, 0) === r.coded!.length,
          codedVersion(r.coded!, 0),
          codedDuration(r.coded!, 0),
        ]),
    ).toEqual([0, 1, 2, 3].map((i) => [true, firstVersion, 30_000 + i * 1000]));
    // The first respondent's open and ranking answers are kept as they are; the contact is not.
    const layout = layoutOf(v.parse(SurveyDefinitionSchema, definition(1)));
    expect(keptAnswers(rows[0].coded!, 0, rows[0].coded!.length, layout)).toEqual({
      why: 'Lovely',
      rank: ['r2', 'r1', 'r3'],
    });
    expect(rows[0].coded!.includes('ann@example.com')).toBe(false);
    expect(keptAnswers(rows[1].coded!, 0, rows[1].coded!.length, layout)).toBeNull();
  });

  it('gives the report the JSON gives, with one version', async () => {
    const coded = await buildReport(t.store, survey.id);
    const sat = coded.questions.find((q) => q.id === 'sat');
    expect(sat && sat.type === 'rating' ? [sat.n, sat.notApplicable] : null).toEqual([3, 1]);
    expect(await reportFromJson(survey.id)).toEqual(coded);
  });

  it('lines a later version up by option and item id, as the JSON does', async () => {
    await answer(survey.slug, await publish(survey.id, 2), answers2, 'v2');
    const coded = await buildReport(t.store, survey.id);
    // Laid out by version 2: work, look, buy (+ other); version 1's "gift" has no column now.
    const visit = coded.questions.find((q) => q.id === 'visit');
    expect(visit && visit.type === 'single' ? visit.counts.map((c) => [c.value, c.count]) : null).toEqual([
      ['work', 1],
      ['look', 1],
      ['buy', 2],
    ]);
    const used = coded.questions.find((q) => q.id === 'used');
    expect(used && used.type === 'multiple' ? used.counts.map((c) => [c.value, c.count]) : null).toEqual([
      ['z', 2],
      ['w', 1],
      ['x', 2],
    ]);
    expect(await reportFromJson(survey.id)).toEqual(coded);
  });

  it('reads versions whose questions changed type from their JSON', async () => {
    await answer(survey.slug, await publish(survey.id, 2), answers2, 'v2');
    await answer(survey.slug, await publish(survey.id, 3), answers3, 'v3');
    const coded = await buildReport(t.store, survey.id);
    // "spend" is a rating now: the numbers answered under versions 1 and 2 aren't scale points.
    const spend = coded.questions.find((q) => q.id === 'spend');
    expect(spend && spend.type === 'rating' ? spend.counts.map((c) => c.count) : null).toEqual([0, 0, 0, 1, 0]);
    expect(await reportFromJson(survey.id)).toEqual(coded);
  });
});

describe('reading stored rows in batches', () => {
  // SQLite's own batch reads (stored-rows.sqlite.ts); PostgreSQL's are report-nodes.test.ts's.
  it.runIf(DIALECT === 'sqlite')(
    'takes every completed response once, across batch boundaries and equal completion times',
    async () => {
      // The test clock stands still: all four completes share one completion time, so the batches
      // by completion time must also go by id.
      const ids = t.db.$client
        .prepare("select id from responses where survey_id = ? and status = 'complete' order by id")
        .pluck()
        .all(survey.id) as number[];
      expect(ids).toHaveLength(4);
      expect(
        t.db.$client
          .prepare('select count(distinct completed_at) from responses where survey_id = ?')
          .pluck()
          .get(survey.id),
      ).toBe(1);
      const byTime = [...rowsCompletedSince(t.db.$client, survey.id, [], 0, 3)];
      expect(byTime.map((b) => b.n)).toEqual([3, 1]);
      expect(byTime.flatMap((b) => b.id)).toEqual(ids);
      const byId = [...rowsByIds(t.db.$client, survey.id, [], ids[0], ids[3], 2)];
      expect(byId.flatMap((b) => b.id)).toEqual(ids);
      // All coded: none read from JSON, and the blobs of each batch are its rows end to end.
      expect(byId.flatMap((b) => b.plain)).toEqual([]);
      const stored = t.db.$client
        .prepare("select coded from responses where survey_id = ? and status = 'complete' order by id")
        .pluck()
        .all(survey.id) as Buffer[];
      expect(byId.map((b) => b.coded)).toEqual([Buffer.concat(stored.slice(0, 2)), Buffer.concat(stored.slice(2))]);
    },
  );
});

describe('reading a survey larger than a batch', () => {
  it('takes every counted row once, in id order, with its hidden fields and its coded form whole', async () => {
    // Each of the four completes copied 17,000 times: 68,004 rows, past a batch on either database
    // (SQLite's 65,536 ids, PostgreSQL's 16,384 rows, each asked for while the one before is taken).
    await t.exec(`with recursive g(n) as (select 1 union all select n + 1 from g where n < 17000)
      insert into responses (survey_id, version_id, client_id, status, answers, coded, hidden, page_times, duration,
        wave, quota_cell, page, is_test, started_at, updated_at, completed_at)
      select r.survey_id, r.version_id, r.client_id || '-' || g.n, r.status, r.answers, r.coded, r.hidden,
        r.page_times, r.duration, r.wave, r.quota_cell, r.page, r.is_test, r.started_at, r.updated_at, r.completed_at
      from responses r, g where r.survey_id = '${survey.id}' and r.status = 'complete'`);
    const stored = await t.rows(
      "select id, hidden from responses where survey_id = ? and status = 'complete' order by id",
      survey.id,
    );
    const bytes = Number(await t.value('select sum(length(coded)) from responses where survey_id = ?', survey.id));
    expect(stored).toHaveLength(68_004);
    const sizes: number[] = [];
    const ids: number[] = [];
    const hidden: (string | null)[] = [];
    let coded = 0;
    let plain = 0;
    await storedRows.readAll(t.store.db, survey.id, [], (batch) => {
      sizes.push(batch.n);
      ids.push(...batch.id);
      hidden.push(...batch.hidden);
      coded += batch.coded.length;
      plain += batch.plain.length;
      expect([batch.id.length, batch.hidden.length, batch.wave.length]).toEqual([batch.n, batch.n, batch.n]);
    });
    expect(sizes.length).toBeGreaterThan(1);
    expect(ids).toEqual(stored.map((r) => Number(r.id)));
    expect(hidden).toEqual(stored.map((r) => r.hidden));
    expect(coded).toBe(bytes);
    expect(plain).toBe(0);
  }, 60_000);
});

describe('coding again the rows that have no coded form', () => {
  const coded = async () =>
    (await t.rows('select id, coded from responses where survey_id = ? order by id', survey.id)).map((r) => ({
      id: Number(r.id),
      coded: r.coded as Buffer | null,
    }));
  /** How many changes to completed rows PostgreSQL has counted for the survey (none on SQLite, which has no such count). */
  const changesCounted = () =>
    DIALECT === 'pg'
      ? t.value('select changes from report_changes where survey_id = ?', survey.id).then(Number)
      : Promise.resolve(0);

  it('codes every counted response as the submission did, and the report stays the same', async () => {
    await answer(survey.slug, await publish(survey.id, 2), answers2, 'v2');
    expect(
      (
        await respondent().post(`/api/public/s/${survey.slug}/responses`, {
          clientId: 'partial-0001',
          versionId: firstVersion,
          complete: false,
          answers: { sat: 3 },
        })
      ).status,
    ).toBe(201);
    const asSubmitted = await coded();
    const report = await buildReport(t.store, survey.id);
    // As after migration 0009, which clears the first format's rows, or rows moved from such a file.
    await t.rows('update responses set coded = null returning id');
    invalidate(t.store.db, survey.id);
    expect(await buildReport(t.store, survey.id)).toEqual(report);
    const changes = await changesCounted();
    // Batches of three: the seven completes take three passes, and a fourth finds none left.
    const cursors: (RecodeCursor | null)[] = [];
    let cursor: RecodeCursor | null = { surveyId: '', id: 0 };
    while (cursor !== null) {
      const from: RecodeCursor = cursor;
      cursors.push((cursor = await t.store.transaction((tx) => recodeSome(tx, from, 3))));
    }
    expect(cursors).toHaveLength(4);
    expect(await coded()).toEqual(asSubmitted);
    expect(asSubmitted.filter((r) => r.coded === null)).toHaveLength(1);
    // The columns read from the JSON stay valid: recoding is not counted as a change to the rows.
    expect(await changesCounted()).toBe(changes);
    invalidate(t.store.db, survey.id);
    expect(await buildReport(t.store, survey.id)).toEqual(report);
  });

  it('codes them in the background from start-up on two nodes at once, and a change made meanwhile is still counted', async () => {
    const asSubmitted = await coded();
    await t.rows('update responses set coded = null returning id');
    const changes = await changesCounted();
    const other = t.anotherNodeDeps().store;
    const recodings = [recodeInBackground(t.store), recodeInBackground(other)];
    // An erasure's kind of change, made while the recoding runs: on PostgreSQL it must stay counted.
    const [first] = asSubmitted;
    await t.rows("update responses set hidden = '{}' where id = ? returning id", first.id);
    await Promise.all(recodings.map((r) => r.done));
    expect(await coded()).toEqual(asSubmitted);
    if (DIALECT === 'pg') expect(await changesCounted()).toBe(changes + 1);
  });

  it('passes over a row whose answers are not JSON, leaving it as it was', async () => {
    const id = Number(
      await t.value(
        "select id from responses where survey_id = ? and status = 'complete' order by id limit 1",
        survey.id,
      ),
    );
    await t.rows("update responses set coded = null, answers = 'not json' where id = ? returning id", id);
    await t.rows('update responses set coded = null where id = ? returning id', id + 1);
    expect(await t.store.transaction((tx) => recodeSome(tx))).not.toBeNull();
    const rows = await t.rows(
      'select answers, coded is null as uncoded from responses where id in (?, ?) order by id',
      id,
      id + 1,
    );
    expect(rows.map((r) => ({ answers: r.answers, uncoded: Boolean(r.uncoded) }))).toEqual([
      { answers: 'not json', uncoded: true },
      { answers: expect.stringContaining('"sat"'), uncoded: false },
    ]);
  });
});
