import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { runNow, sqlOf } from '../db/sqlite-store';
import { q, type Sql, type Store, type Work } from '../db/store';
import { customers, responses, surveys } from '../db/tables';
import { conflict } from '../http/errors';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { cellOf, PlanSchema } from '../../shared/plan';
import { createSurvey, publish } from '../survey/service';
import { savePlan } from '../plan/service';
import { hotelDefinition, hotelRespondent, seeded } from './hotel';
import { hotelPlan } from './hotel-plan';
import { coffeeDefinition, coffeeRespondent } from './coffee';
import { hotelAlertRules, resolveOlderCases } from './alerts';
import { demoRegister } from './customers';
import { FOLLOW_UP_DEMO_SLUG, followUpDemo } from './followup';
import { onResponseCompleted } from '../alerts/hook';
import { statementsIn } from '../collect/unit';
import type { ResponseFacts } from '../alerts/payload';
import { codedAnswers, responseDuration, storedAnswers } from '../report/coded-answers';

export const DEMO_SLUG = 'demo';
export const COFFEE_DEMO_SLUG = 'demo-coffee';

/** Rows of generated responses written by one statement: few statements, each well within both databases' limits. */
const BATCH = 500;

type NewResponse = typeof responses.$inferInsert;

/**
 * Where the demo writes: everything through the store; the collection statements of the hook
 * that opens cases are made with the SQLite database too (server/collect/unit.ts).
 */
export interface DemoDeps {
  db: Db;
  store: Store;
}

function* exists(db: Sql, slug: string): Work<boolean> {
  return (yield* q(db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)))).length > 0;
}

/** Writes generated responses a batch at a time, answering each batch's ids by client id. */
function* insertResponses(tx: Sql, rows: NewResponse[]): Work<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const made = yield* q(
      tx
        .insert(responses)
        .values(rows.slice(i, i + BATCH))
        .returning({ id: responses.id, clientId: responses.clientId }),
    );
    for (const r of made) ids.set(r.clientId, r.id);
  }
  return ids;
}

/**
 * The three demo studies: the hotel (satisfaction, loyalty, priorities, quotas), the office-coffee
 * supplier (SERVQUAL, price, competitors), so every report section has data, and the hotel's
 * follow-up of resolved cases (./followup.ts), with the hotel's customer register (./customers.ts)
 * linked to its responses, in one transaction. Answers the hotel's.
 */
export function loadDemos(deps: DemoDeps, now: number, userId: string | null, count = 400) {
  return deps.store.transaction(function* (tx) {
    for (const slug of [DEMO_SLUG, COFFEE_DEMO_SLUG, FOLLOW_UP_DEMO_SLUG])
      if (yield* exists(tx, slug))
        throw conflict('demo-exists', 'the demo studies already exist at /s/demo, /s/demo-coffee and /s/demo-followup');
    const hotel = yield* hotelDemo(tx, deps.db, now, userId, count);
    yield* coffeeDemo(tx, now, userId);
    // A register of the organisation's own is left as it is: the demo's goes only into an empty one.
    const [anyone] = yield* q(tx.select({ id: customers.id }).from(customers).limit(1));
    if (!anyone) yield* demoRegister(tx, hotel.id, now, userId);
    // After the register, so each follow-up answer goes to the customer its case's guest is.
    yield* followUpDemo(tx, hotel.id, now, userId, seeded(20261206));
    return hotel;
  });
}

/** The office-coffee study at /s/demo-coffee with `count` synthetic completes over the last 30 days. */
export function* coffeeDemo(tx: Sql, now: number, userId: string | null, count = 300) {
  const def = v.parse(SurveyDefinitionSchema, coffeeDefinition);
  const survey = yield* createSurvey(tx, def, userId, now, COFFEE_DEMO_SLUG);
  const published = yield* publish(tx, survey.id, userId, now);
  const versionId = published.versions[0].id;
  const rand = seeded(20261124);
  const pageIds = def.pages.map((p) => p.id);
  const rows: NewResponse[] = [];
  for (let i = 0; i < count; i++) {
    const { answers, hidden, lang } = coffeeRespondent(rand);
    const startedAt = now - Math.floor(rand() * 30 * 86_400_000);
    const perPage = 20_000 + Math.floor(rand() * 40_000);
    const pageTimes = Object.fromEntries(pageIds.map((id) => [id, perPage]));
    const duration = responseDuration(pageTimes, perPage * pageIds.length);
    rows.push({
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
    });
  }
  yield* insertResponses(tx, rows);
  return published;
}

/**
 * The demo study at /s/demo, with its plan, and `count` synthetic completed responses spread over
 * the last 30 days, plus a few abandoned partials so completion rates are realistic. Guests whose
 * tier is already full are kept as over-quota, as collection would; once every cell is full (only
 * a benchmark asks for that many) the rest count as completes, so reports still get `count` of
 * them. `db` is the SQLite database collection's statements are made with (server/collect/unit.ts).
 */
export function* hotelDemo(tx: Sql, db: Db, now: number, userId: string | null, count = 400) {
  if (yield* exists(tx, DEMO_SLUG)) throw conflict('demo-exists', 'the demo study already exists at /s/demo');
  const def = v.parse(SurveyDefinitionSchema, hotelDefinition);
  const survey = yield* createSurvey(tx, def, userId, now, DEMO_SLUG);
  const published = yield* publish(tx, survey.id, userId, now);
  const quotas = (yield* savePlan(tx, survey.id, v.parse(PlanSchema, hotelPlan(now)), userId, now)).plan!.quotas!;
  const room = new Map(quotas.cells!.map((c) => [c.key, c.target]));
  let cellsOpen = room.size;
  const versionId = published.versions[0].id;
  const rand = seeded(20261123);
  yield* hotelAlertRules(tx, survey.id, userId, now);
  let completes = 0;
  let partials = 0;
  const batch: NewResponse[] = [];
  const facts = new Map<string, Omit<ResponseFacts, 'responseId'>>();
  // Written a batch at a time; each complete then goes through the hook collection calls, in order.
  function* flush() {
    const ids = yield* insertResponses(tx, batch);
    const statements = statementsIn(tx, db);
    for (const [clientId, fact] of facts)
      yield* onResponseCompleted(statements, { ...fact, responseId: ids.get(clientId)! });
    batch.length = 0;
    facts.clear();
  }
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
    const clientId = `demo-${i.toString().padStart(6, '0')}`;
    batch.push({
      surveyId: survey.id,
      versionId,
      clientId,
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
    });
    if (status === 'complete')
      facts.set(clientId, {
        surveyId: survey.id,
        slug: DEMO_SLUG,
        def,
        answers,
        hidden,
        lang,
        completedAt: startedAt + duration,
      });
    if (batch.length === BATCH) yield* flush();
  }
  yield* flush();
  yield* resolveOlderCases(tx, survey.id, userId, now, rand);
  return published;
}

/** The hotel study alone, for SQLite-only callers (benchmarks, report tests), in its own transaction. */
export function loadDemo(db: Db, now: number, userId: string | null, count = 400) {
  return db.$client.transaction(() => runNow(hotelDemo(sqlOf(db), db, now, userId, count)))();
}

/** The coffee study alone, for SQLite-only callers, in its own transaction. */
export function loadCoffeeDemo(db: Db, now: number, userId: string | null, count = 300) {
  return db.$client.transaction(() => runNow(coffeeDemo(sqlOf(db), now, userId, count)))();
}
