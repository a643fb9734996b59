/**
 * The submission path's queries on PostgreSQL, yielded to the store's transaction: each
 * submission is its own transaction, and what SQLite gets from its one writer is taken here with
 * locks (the invitation's and the response's rows, a transaction lock per quota cell and wave).
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { forUpdate, q, type Sql } from '../db/store';
import {
  alertRules,
  alertSettings,
  caseEvents,
  cases,
  customers,
  customerSettings,
  invitations,
  plans,
  responses,
  surveys,
  surveyVersions,
  users,
  webhooks,
} from '../db/tables';
import { tierAtOpening } from '../customers/case-tier';
import type { Memo } from './memo';
import type { ExistingResponse, SubmitStatements, SurveyRow } from './statements';

/**
 * The three queries every submission makes, as named statements on the transaction's connection:
 * PostgreSQL parses and plans each once per connection, and no query is built per submission
 * (building them through Drizzle cost most of a submission's time on the node).
 */
const HOT = {
  survey: {
    name: 'ys_submit_survey',
    text: `select id, slug, status, current_version_id as "currentVersionId", current_wave as "currentWave",
      settings, rules_stamp as "rulesStamp" from surveys where slug = $1`,
  },
  existing: {
    name: 'ys_submit_existing',
    text: `select id, status, wave, started_at as "startedAt" from responses
      where survey_id = $1 and client_id = $2 for update`,
  },
  insert: {
    name: 'ys_submit_insert',
    text: `insert into responses (survey_id, client_id, is_test, started_at, wave, version_id, status, answers,
      coded, hidden, lang, page_times, page, quota_cell, updated_at, completed_at, duration, resume_key_hash, customer_id)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
      on conflict (survey_id, client_id) do nothing returning id`,
  },
} as const;

type Client = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
/** The pool connection a Drizzle node-postgres transaction runs on (its session's client). */
const clientOf = (tx: Sql) => (tx as unknown as { session: { client: Client } }).session.client;

function* named<T>(tx: Sql, query: { name: string; text: string }, values: unknown[]) {
  const result = yield* q(clientOf(tx).query({ ...query, values }));
  return result.rows as T[];
}

const counted = (surveyId: string) =>
  and(eq(responses.surveyId, surveyId), eq(responses.status, 'complete'), eq(responses.isTest, false));

/** The submission's statements inside one PostgreSQL transaction `tx`; `memo` is the store's. */
export function pgSubmitStatements(tx: Sql, memo: Memo): SubmitStatements {
  const pg = tx as unknown as PgDatabase<PgQueryResultHKT>;
  return {
    tx,
    insertsFirst: true,
    memo,
    *survey(slug) {
      const [row] = yield* named<SurveyRow>(tx, HOT.survey, [slug]);
      return row;
    },
    *version(versionId) {
      const [row] = yield* q(
        tx
          .select({
            surveyId: surveyVersions.surveyId,
            version: surveyVersions.version,
            definition: surveyVersions.definition,
          })
          .from(surveyVersions)
          .where(eq(surveyVersions.id, versionId)),
      );
      return row;
    },
    *invitation(surveyId, token) {
      const [row] = yield* q(
        forUpdate(
          tx
            .select({
              id: invitations.id,
              status: invitations.status,
              clientId: invitations.clientId,
              hidden: invitations.hidden,
              lang: invitations.lang,
              customerId: invitations.customerId,
            })
            .from(invitations)
            .where(and(eq(invitations.surveyId, surveyId), eq(invitations.token, token))),
        ),
      );
      return row && { ...row, hidden: row.hidden as Record<string, string> };
    },
    *existing(surveyId, clientId) {
      const [row] = yield* named<ExistingResponse>(tx, HOT.existing, [surveyId, clientId]);
      return row;
    },
    *completes(surveyId) {
      // Counted for a response cap: held to the end of the transaction, as a quota cell's count is.
      yield* q(pg.execute(sql`select pg_advisory_xact_lock(hashtext(${`${surveyId}|cap`}))`));
      const [row] = yield* q(tx.select({ n: count() }).from(responses).where(counted(surveyId)));
      return row.n;
    },
    *cellCompletes(surveyId, cell, wave) {
      // Held to the end of the transaction: the next racer for this cell counts after this one commits.
      yield* q(pg.execute(sql`select pg_advisory_xact_lock(hashtext(${`${surveyId}|${cell}|${wave}`}))`));
      const [row] = yield* q(
        tx
          .select({ n: count() })
          .from(responses)
          .where(and(counted(surveyId), eq(responses.quotaCell, cell), eq(responses.wave, wave))),
      );
      return row.n;
    },
    *insert(r) {
      const [created] = yield* named<{ id: number }>(tx, HOT.insert, [
        r.surveyId,
        r.clientId,
        r.isTest,
        r.startedAt,
        r.wave,
        r.versionId,
        r.status,
        r.answers,
        r.coded,
        r.hidden,
        r.lang,
        r.pageTimes,
        r.page,
        r.quotaCell,
        r.updatedAt,
        r.completedAt,
        r.duration,
        r.resumeKeyHash,
        r.customerId,
      ]);
      return created?.id ?? null;
    },
    *update(id, row) {
      yield* q(tx.update(responses).set(row).where(eq(responses.id, id)));
    },
    *followInvitation(id, status, clientId, now) {
      yield* q(tx.update(invitations).set({ status, clientId, updatedAt: now }).where(eq(invitations.id, id)));
    },
    *plan(surveyId) {
      const [row] = yield* q(tx.select({ data: plans.data }).from(plans).where(eq(plans.surveyId, surveyId)));
      return row?.data;
    },
    *customer(externalId) {
      const [row] = yield* q(
        tx
          .select({
            id: customers.id,
            externalId: customers.externalId,
            tier: customers.tier,
            segment: customers.segment,
          })
          .from(customers)
          .where(eq(customers.externalId, externalId)),
      );
      return row;
    },
    *valueSettings() {
      const [row] = yield* q(
        tx.select({ data: customerSettings.data }).from(customerSettings).where(eq(customerSettings.id, 1)),
      );
      return row?.data;
    },
    *alertRules(surveyId) {
      return yield* q(
        tx
          .select({ id: alertRules.id, name: alertRules.name, spec: alertRules.spec })
          .from(alertRules)
          .where(and(eq(alertRules.surveyId, surveyId), eq(alertRules.enabled, true)))
          .orderBy(asc(alertRules.createdAt), asc(alertRules.id)),
      );
    },
    *webhooks(surveyId) {
      const rows = yield* q(
        tx
          .select({ id: webhooks.id, events: webhooks.events })
          .from(webhooks)
          .where(and(eq(webhooks.surveyId, surveyId), eq(webhooks.enabled, true))),
      );
      return rows.map((h) => ({ id: h.id, events: h.events as string[] }));
    },
    *alertSettings(surveyId) {
      const [row] = yield* q(
        tx.select({ data: alertSettings.data }).from(alertSettings).where(eq(alertSettings.surveyId, surveyId)),
      );
      return row?.data;
    },
    *user(id) {
      const [row] = yield* q(
        tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)),
      );
      return row;
    },
    *openCase(c) {
      const opened = yield* q(
        tx
          .insert(cases)
          .values({
            id: c.id,
            surveyId: c.surveyId,
            ruleId: c.ruleId,
            ruleName: c.ruleName,
            responseId: c.responseId,
            ownerId: c.ownerId,
            status: 'open',
            priority: c.priority,
            complaintType: c.complaintType,
            severity: c.severity,
            customerTier: tierAtOpening(c.responseId),
            dueAt: c.dueAt,
            openedAt: c.now,
            updatedAt: c.now,
          })
          .onConflictDoNothing()
          .returning({ id: cases.id }),
      );
      return opened.length > 0;
    },
    *caseOpened(caseId, data, at) {
      yield* q(tx.insert(caseEvents).values({ caseId, userId: null, kind: 'opened', data, at }));
    },
  };
}
