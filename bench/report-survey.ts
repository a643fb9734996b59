/**
 * The report benchmark's study: 30 questions (overall satisfaction, NPS, loyalty, two segments,
 * a 10-item attribute battery and its 10-item importance battery, 12 rated attributes, a multiple
 * choice, an open question) and n synthetic completes inserted straight into the table, since
 * going through HTTP would measure ingestion, not the report.
 */
import { runNow, sqlOf } from '../server/db/sqlite-store';
import * as v from 'valibot';
import type pg from 'pg';
import type { Db } from '../server/db/client';
import type { Store } from '../server/db/store';
import { createSurvey, publish } from '../server/survey/service';
import { SurveyDefinitionSchema, type SurveyDefinition, type SurveyDefinitionInput } from '../shared/survey/schema';
import { seeded } from '../server/demo/hotel';
import { codedAnswers, responseDuration, storedAnswers } from '../server/report/coded-answers';

const en = (s: string) => ({ en: s });
const scale = { min: 1, max: 5 };
const BATTERY = Array.from({ length: 10 }, (_, k) => `b${k}`);
const RATED = Array.from({ length: 12 }, (_, k) => `r${k}`);

const definition: SurveyDefinitionInput = {
  title: en('Report benchmark'),
  hiddenFields: ['tier', 'region'],
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'osat', type: 'rating', role: 'overall-satisfaction', scale, text: en('Overall') },
        { id: 'nps', type: 'nps', role: 'recommend', text: en('Recommend') },
        {
          id: 'again',
          type: 'single',
          role: 'loyalty',
          text: en('Again'),
          options: ['yes', 'maybe', 'no'].map((id) => ({ id, label: en(id) })),
        },
        {
          id: 'purpose',
          type: 'single',
          role: 'segment',
          text: en('Purpose'),
          options: ['business', 'leisure', 'event'].map((id) => ({ id, label: en(id) })),
        },
        {
          id: 'age',
          type: 'single',
          role: 'segment',
          text: en('Age'),
          options: ['a18', 'a35', 'a55'].map((id) => ({ id, label: en(id) })),
        },
        {
          id: 'battery',
          type: 'matrix',
          role: 'attribute',
          scale,
          text: en('Battery'),
          items: BATTERY.map((id) => ({ id, label: en(id) })),
        },
        {
          id: 'imp',
          type: 'matrix',
          role: 'importance',
          scale,
          text: en('Importance'),
          items: BATTERY.map((id) => ({ id, label: en(id) })),
        },
        ...RATED.map((id) => ({ id, type: 'rating' as const, role: 'attribute' as const, scale, text: en(id) })),
        {
          id: 'used',
          type: 'multiple',
          text: en('Used'),
          options: ['x', 'y', 'z', 'w'].map((id) => ({ id, label: en(id) })),
        },
        { id: 'comment', type: 'text', role: 'open-feedback', text: en('Comment') },
      ],
    },
  ],
};

/** The n synthetic completes of the study's version `versionId`, over 60 days in two waves, as stored. */
function* benchRows(n: number, def: SurveyDefinition, versionId: number, now: number) {
  const rand = seeded(n);
  const point = (q: number) => Math.max(1, Math.min(5, Math.round(1 + 4 * (q + (rand() - 0.5) * 0.5))));
  for (let i = 0; i < n; i++) {
    const quality = rand();
    const answers: Record<string, unknown> = {
      osat: point(quality),
      nps: Math.min(10, Math.floor(quality * 11)),
      again: ['yes', 'maybe', 'no'][Math.floor(rand() * 3)],
      purpose: ['business', 'leisure', 'event'][Math.floor(rand() * 3)],
      age: ['a18', 'a35', 'a55'][Math.floor(rand() * 3)],
      battery: Object.fromEntries(BATTERY.map((id) => [id, point(quality)])),
      imp: Object.fromEntries(BATTERY.map((id) => [id, point(rand())])),
      used: ['x', 'y'].filter(() => rand() < 0.5),
    };
    for (const id of RATED) answers[id] = point(quality);
    if (rand() < 0.2) answers.comment = `comment ${i % 97}`;
    const tier = ['gold', 'silver', 'bronze'][Math.floor(rand() * 3)];
    const completedAt = now - Math.floor(rand() * 60 * 86_400_000);
    const duration = 30_000 + Math.floor(rand() * 240_000);
    // Stored as the submission path stores a completed response, coded form included.
    const stored = storedAnswers(answers, { p1: duration });
    const took = responseDuration({ p1: duration }, duration);
    yield [
      `b${i}`,
      stored.answers,
      codedAnswers(def, versionId, answers, took),
      JSON.stringify({ tier, region: ['north', 'south'][i % 2] }),
      stored.pageTimes,
      took,
      completedAt < now - 30 * 86_400_000 ? 1 : 2,
      tier,
      completedAt - duration,
      completedAt,
      completedAt,
    ] as const;
  }
}

const COLUMNS =
  'survey_id, version_id, client_id, answers, coded, hidden, page_times, duration, wave, quota_cell, started_at, updated_at, completed_at, status, page, is_test';

/** Creates the study and inserts n completes over 60 days in two waves; returns the survey id. */
export function seedReportSurvey(db: Db, n: number, now = Date.now()): string {
  const def = v.parse(SurveyDefinitionSchema, definition);
  const survey = runNow(createSurvey(sqlOf(db), def, null, now, `bench-${n}`));
  const versionId = runNow(publish(sqlOf(db), survey.id, null, now)).versions[0].id;
  const insert = db.$client.prepare(
    `insert into responses (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete', 0, 0)`,
  );
  db.$client.transaction(() => {
    for (const row of benchRows(n, def, versionId, now)) insert.run(survey.id, versionId, ...row);
  })();
  return survey.id;
}

/** The same study on a PostgreSQL store, its completes inserted a thousand rows a statement. */
export async function seedReportSurveyPg(store: Store, n: number, now = Date.now()): Promise<string> {
  const def = v.parse(SurveyDefinitionSchema, definition);
  const survey = await store.transaction((tx) => createSurvey(tx, def, null, now, `bench-${n}`));
  const { versions } = await store.transaction((tx) => publish(tx, survey.id, null, now));
  const versionId = versions[0].id;
  const pool = (store.db as unknown as { $client: pg.Pool }).$client;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map(
      (_, r) => `(${Array.from({ length: 13 }, (_, c) => `$${r * 13 + c + 1}`).join(', ')}, 'complete', 0, false)`,
    );
    await pool.query(`insert into responses (${COLUMNS}) values ${values.join(', ')}`, batch.flat());
    batch = [];
  };
  for (const row of benchRows(n, def, versionId, now)) {
    batch.push([survey.id, versionId, ...row]);
    if (batch.length === 1000) await flush();
  }
  await flush();
  return survey.id;
}
