/** Alert rules and the survey's closing-the-loop settings: stored, checked against the questionnaire. */
import { hiddenFieldsOf } from '../../shared/customers/fields';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { alertRules, alertSettings, surveys, users } from '../db/schema';
import { badRequest, notFound } from '../http/errors';
import { getRow } from '../survey/service';
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import { AlertRuleSchema, type AlertRuleDto, type AlertRuleSpec, type AlertSettings } from '../../shared/api/alerts';
import { invalidateAlerts, readAlertSettings } from './hook';

/**
 * Conditions must read questions and hidden fields the survey has, `contains` only text answers,
 * segment limits and routing only hidden fields, owners must be users: a rule that can never fire
 * is refused when saved, naming the field, instead of failing silently later.
 */
function check(db: Db, def: SurveyDefinition, spec: AlertRuleSpec) {
  const questions = new Map(allQuestions(def).map((q) => [q.id, q]));
  const hidden = new Set(hiddenFieldsOf(def));
  spec.when.conditions.forEach((c, i) => {
    const path = `when.conditions[${i}].source`;
    const [qid, item] = c.source.split('.');
    const q = questions.get(qid);
    if (c.op === 'contains') {
      if (!q || !(q.type === 'text' || (q.type === 'single' && q.other)))
        throw badRequest(`${path}: "${c.source}" is not a text question of this survey`, path);
      return;
    }
    if (!q && !hidden.has(c.source))
      throw badRequest(`${path}: "${c.source}" is neither a question nor a hidden field of this survey`, path);
    if (q && item !== undefined && !(q.type === 'matrix' && q.items.some((x) => x.id === item)))
      throw badRequest(`${path}: "${c.source}" is not an item of a matrix question`, path);
  });
  spec.segment.forEach((c, i) => {
    if (!hidden.has(c.source))
      throw badRequest(
        `segment[${i}].source: "${c.source}" is not a hidden field of this survey`,
        `segment[${i}].source`,
      );
  });
  const user = (id: string, path: string) => {
    if (!db.select({ id: users.id }).from(users).where(eq(users.id, id)).get())
      throw badRequest(`${path}: no such user`, path);
  };
  const o = spec.owner;
  if (o.kind === 'user') user(o.userId, 'owner.userId');
  if (o.kind === 'route') {
    if (!hidden.has(o.field))
      throw badRequest(`owner.field: "${o.field}" is not a hidden field of this survey`, 'owner.field');
    o.routes.forEach((r, i) => {
      user(r.userId, `owner.routes[${i}].userId`);
    });
    if (o.fallbackUserId) user(o.fallbackUserId, 'owner.fallbackUserId');
  }
}

const toDto = (r: typeof alertRules.$inferSelect): AlertRuleDto => ({
  ...v.parse(AlertRuleSchema, { ...(r.spec as object), name: r.name, enabled: r.enabled }),
  id: r.id,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function listRules(db: Db, surveyId: string): AlertRuleDto[] {
  getRow(db, surveyId);
  return db
    .select()
    .from(alertRules)
    .where(eq(alertRules.surveyId, surveyId))
    .orderBy(asc(alertRules.createdAt), sql`rowid`)
    .all()
    .map(toDto);
}

export function createRule(
  db: Db,
  surveyId: string,
  spec: AlertRuleSpec,
  userId: string | null,
  now: number,
): AlertRuleDto {
  const survey = getRow(db, surveyId);
  check(db, survey.draft as SurveyDefinition, spec);
  const { name, enabled, ...rest } = spec;
  const id = randomBytes(9).toString('base64url');
  db.insert(alertRules)
    .values({ id, surveyId, name, enabled, spec: rest, createdBy: userId, createdAt: now, updatedAt: now })
    .run();
  invalidateAlerts(db, surveyId);
  return toDto(db.select().from(alertRules).where(eq(alertRules.id, id)).get()!);
}

export function updateRule(db: Db, surveyId: string, ruleId: string, spec: AlertRuleSpec, now: number): AlertRuleDto {
  const survey = getRow(db, surveyId);
  const where = and(eq(alertRules.id, ruleId), eq(alertRules.surveyId, surveyId));
  if (!db.select({ id: alertRules.id }).from(alertRules).where(where).get()) throw notFound('alert rule');
  check(db, survey.draft as SurveyDefinition, spec);
  const { name, enabled, ...rest } = spec;
  db.update(alertRules).set({ name, enabled, spec: rest, updatedAt: now }).where(where).run();
  invalidateAlerts(db, surveyId);
  return toDto(db.select().from(alertRules).where(where).get()!);
}

export function deleteRule(db: Db, surveyId: string, ruleId: string) {
  getRow(db, surveyId);
  const done = db
    .delete(alertRules)
    .where(and(eq(alertRules.id, ruleId), eq(alertRules.surveyId, surveyId)))
    .run();
  if (done.changes === 0) throw notFound('alert rule');
  invalidateAlerts(db, surveyId);
}

export function getAlertSettings(db: Db, surveyId: string): AlertSettings {
  getRow(db, surveyId);
  return readAlertSettings(db.select().from(alertSettings).where(eq(alertSettings.surveyId, surveyId)).get()?.data);
}

export function saveAlertSettings(db: Db, surveyId: string, input: AlertSettings, now: number): AlertSettings {
  getRow(db, surveyId);
  if (input.followUpSurveyId !== null) {
    if (input.followUpSurveyId === surveyId)
      throw badRequest('followUpSurveyId: a survey cannot be its own follow-up', 'followUpSurveyId');
    const f = db.select({ draft: surveys.draft }).from(surveys).where(eq(surveys.id, input.followUpSurveyId)).get();
    if (!f) throw badRequest('followUpSurveyId: no such survey', 'followUpSurveyId');
    if (!(f.draft as SurveyDefinition).hiddenFields.includes('case')) {
      throw badRequest(
        'followUpSurveyId: the follow-up survey needs a hidden field named "case" to carry the case id',
        'followUpSurveyId',
      );
    }
  }
  db.insert(alertSettings)
    .values({ surveyId, data: input, updatedAt: now })
    .onConflictDoUpdate({ target: alertSettings.surveyId, set: { data: input, updatedAt: now } })
    .run();
  invalidateAlerts(db, surveyId);
  return input;
}
