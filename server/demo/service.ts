import { runNow, sqlOf } from '../db/sqlite-store';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { responses, surveys } from '../db/schema';
import { conflict } from '../http/errors';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { cellOf, PlanSchema } from '../../shared/plan';
import { createSurvey, publish } from '../survey/service';
import { savePlan } from '../plan/service';
import { hotelDefinition, hotelRespondent, seeded } from './hotel';
import { hotelPlan } from './hotel-plan';
import { coffeeDefinition, coffeeRespondent } from './coffee';
import { hotelAlertRules, resolveOlderCases } from './alerts';
import { loadDemoRegister } from './customers';
import { onResponseCompleted } from '../alerts/hook';
import { sqliteSubmitStatements } from '../collect/statements.sqlite';
import { codedAnswers, responseDuration, storedAnswers } from '../report/coded-answers';

export const DEMO_SLUG = 'demo';
export const COFFEE_DEMO_SLUG = 'demo-coffee';

const exists = (db: Db, slug: string) =>
  db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)).get() !== undefined;

/**
 * Both demo studies: the hotel (satisfaction, loyalty, priorities, quotas) and the office-coffee
 * supplier (SERVQUAL, price, competitors), so every report section has data, and the hotel's
 * customer register (./customers.ts) linked to its responses. Answers the hotel's.
 */
export function loadDemos(db: Db, now: number, userId: string | null) {
  if (exists(db, DEMO_SLUG) || exists(db, COFFEE_DEMO_SLUG))
    throw conflict('demo-exists', 'the demo studies already exist at /s/demo and /s/demo-coffee');
  return db.transaction(() => {
    const hotel = loadDemo(db, now, userId);
    loadCoffeeDemo(db, now, userId);
    // A register of the organisation's own is left as it is: the demo's goes only into an empty one.
    if (!db.$client.prepare('select 1 from customers limit 1').get()) loadDemoRegister(db, hotel.id, now, userId);
    return hotel;
  });
}

/** The office-coffee study at /s/demo-coffee with `count` synthetic completes over the last 30 days. */
export function loadCoffeeDemo(db: Db, now: number, userId: string | null, count = 300) {
  const def = v.parse(SurveyDefinitionSchema, coffeeDefinition);
  const survey = runNow(createSurvey(sqlOf(db), def, userId, now, COFFEE_DEMO_SLUG));
  const published = runNow(publish(sqlOf(db), survey.id, userId, now));
  const versionId = published.versions[0].id;
  const rand = seeded(20261124);
  const pageIds = def.pages.map((p) => p.id);
  db.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      const { answers, hidden, lang } = coffeeRespondent(rand);
      const startedAt = now - Math.floor(rand() * 30 * 86_400_000);
      const perPage = 20_000 + Math.floor(rand() * 40_000);
      const pageTimes = Object.fromEntries(pageIds.map((id) => [id, perPage]));
      const duration = responseDuration(pageTimes, perPage * pageIds.length);
      tx.insert(responses)
        .values({
          surveyId: survey.id,
          versionId,
          clientId: `demo-coffee-${i.toString().padStart(6, '0')}`,
          status: 'complete',
          quotaCell: null,
          ...storedAnswers(answers, pageTimes),
          coded: codedAnswers(def, versionId, answers, duration),
          duration,
          hidden: JSON.stringify(hidden),
          lang,
          page: pageIds.length - 1,
          startedAt,
          updatedAt: startedAt + perPage * pageIds.length,
          completedAt: startedAt + perPage * pageIds.length,
        })
        .run();
    }
  });
  return published;
}

/**
 * Creates the demo study at /s/demo, with its plan, and `count` synthetic completed responses
 * spread over the last 30 days, plus a few abandoned partials so completion rates are realistic.
 * Guests whose tier is already full are kept as over-quota, as collection would; once every cell
 * is full (only a benchmark asks for that many) the rest count as completes, so reports still get
 * `count` of them.
 */
export function loadDemo(db: Db, now: number, userId: string | null, count = 400) {
  if (exists(db, DEMO_SLUG)) {
    throw conflict('demo-exists', 'the demo study already exists at /s/demo');
  }
  const def = v.parse(SurveyDefinitionSchema, hotelDefinition);
  const survey = runNow(createSurvey(sqlOf(db), def, userId, now, DEMO_SLUG));
  const published = runNow(publish(sqlOf(db), survey.id, userId, now));
  const quotas = runNow(savePlan(sqlOf(db), survey.id, v.parse(PlanSchema, hotelPlan(now)), userId, now)).plan!.quotas!;
  const room = new Map(quotas.cells!.map((c) => [c.key, c.target]));
  let cellsOpen = room.size;
  const versionId = published.versions[0].id;
  const rand = seeded(20261123);
  hotelAlertRules(db, survey.id, userId, now);
  db.transaction((tx) => {
    let completes = 0;
    let partials = 0;
    for (let i = 0; completes < count || partials < Math.round(count / 12); i++) {
      const { answers, hidden, lang } = hotelRespondent(rand);
      const cell = cellOf(quotas, answers, hidden);
      const left = cell === null ? undefined : room.get(cell);
      const status = left === 0 && cellsOpen > 0 ? 'over-quota' : completes < count ? 'complete' : 'partial';
      if (status === 'complete') {
        completes++;
        if (left !== undefined && left > 0) {
          room.set(cell!, left - 1);
          if (left === 1) cellsOpen--;
        }
      } else if (status === 'partial') partials++;
      const startedAt = now - Math.floor(rand() * 30 * 86_400_000);
      const duration = 60_000 + Math.floor(rand() * 180_000);
      const finished = status !== 'partial';
      const pageTimes = { overall: duration / 3, attributes: duration / 2, comments: duration / 6 };
      const took = finished ? responseDuration(pageTimes, duration) : null;
      const inserted = tx
        .insert(responses)
        .values({
          surveyId: survey.id,
          versionId,
          clientId: `demo-${i.toString().padStart(6, '0')}`,
          status,
          quotaCell: cell,
          ...storedAnswers(finished ? answers : { osat: answers.osat }, pageTimes),
          duration: took,
          coded: status === 'complete' ? codedAnswers(def, versionId, answers, took) : null,
          hidden: JSON.stringify(hidden),
          lang,
          page: finished ? 2 : 1,
          startedAt,
          updatedAt: startedAt + duration,
          completedAt: finished ? startedAt + duration : null,
        })
        .run();
      if (status === 'complete') {
        runNow(
          onResponseCompleted(sqliteSubmitStatements(db), {
            surveyId: survey.id,
            slug: DEMO_SLUG,
            responseId: Number(inserted.lastInsertRowid),
            def,
            answers,
            hidden,
            lang,
            completedAt: startedAt + duration,
          }),
        );
      }
    }
    resolveOlderCases(db, survey.id, userId, now, rand);
  });
  return published;
}
