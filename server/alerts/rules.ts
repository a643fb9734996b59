/** Alert rules and the survey's closing-the-loop settings: stored, checked against the questionnaire. */
import { hiddenFieldsOf } from '../../shared/customers/fields';
import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { alertRules, alertSettings, surveys, users } from '../db/tables';
import { affected, q, type Sql, type Work } from '../db/store';
import { badRequest, notFound } from '../http/errors';
import { surveyRow } from '../survey/service';
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import { AlertRuleSchema, type AlertRuleDto, type AlertRuleSpec, type AlertSettings } from '../../shared/api/alerts';
import { readAlertSettings } from './hook';
import { rulesChanged } from '../collect/memo';
import { insertionOrder } from './dialect-sql';
import { orderedId } from './ordered-id';
import { ruleCodeProblem } from '../coding/code-words';

/**
 * Conditions must read questions and hidden fields the survey has, `contains` only text answers,
 * `matchesCode` a code with words in the codeframe of an open question,
 * segment limits and routing only hidden fields, owners must be users: a rule that can never fire
 * is refused when saved, naming the field, instead of failing silently later.
 */
function* check(db: Sql, surveyId: string, def: SurveyDefinition, spec: AlertRuleSpec): Work<void> {
  const questions = new Map(allQuestions(def).map((q) => [q.id, q]));
  const hidden = new Set(hiddenFieldsOf(def));
  for (const [i, c] of spec.when.conditions.entries()) {
    if (c.op !== 'matchesCode') continue;
    const q = questions.get(c.source);
    const path = `when.conditions[${i}].source`;
    if (q?.type !== 'text' || q.role === 'contact')
      throw badRequest(`${path}: "${c.source}" is not an open question of this survey`, path);
    const problem = yield* ruleCodeProblem(db, surveyId, c.source, c.code);
    if (problem) throw badRequest(`when.conditions[${i}].code: ${problem}`, `when.conditions[${i}].code`);
  }
  spec.when.conditions.forEach((c, i) => {
    const path = `when.conditions[${i}].source`;
    const [qid, item] = c.source.split('.');
    const q = questions.get(qid);
    if (c.op === 'matchesCode') return;
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
  const owners: { id: string; path: string }[] = [];
  const o = spec.owner;
  if (o.kind === 'user') owners.push({ id: o.userId, path: 'owner.userId' });
  if (o.kind === 'route') {
    if (!hidden.has(o.field))
      throw badRequest(`owner.field: "${o.field}" is not a hidden field of this survey`, 'owner.field');
    o.routes.forEach((r, i) => {
      owners.push({ id: r.userId, path: `owner.routes[${i}].userId` });
    });
    if (o.fallbackUserId) owners.push({ id: o.fallbackUserId, path: 'owner.fallbackUserId' });
  }
  for (const { id, path } of owners) {
    const [found] = yield* q(db.select({ id: users.id }).from(users).where(eq(users.id, id)));
    if (!found) throw badRequest(`${path}: no such user`, path);
  }
}

const toDto = (r: typeof alertRules.$inferSelect): AlertRuleDto => ({
  ...v.parse(AlertRuleSchema, { ...(r.spec as object), name: r.name, enabled: r.enabled }),
  id: r.id,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function* listRules(db: Sql, surveyId: string): Work<AlertRuleDto[]> {
  yield* surveyRow(db, surveyId);
  const rows = yield* q(
    db
      .select()
      .from(alertRules)
      .where(eq(alertRules.surveyId, surveyId))
      .orderBy(asc(alertRules.createdAt), insertionOrder(alertRules)),
  );
  return rows.map(toDto);
}

/** Each change below is a unit of work that marks the survey's rules as changed, for every node's next submission. */
export function* createRule(
  tx: Sql,
  surveyId: string,
  spec: AlertRuleSpec,
  userId: string | null,
  now: number,
): Work<AlertRuleDto> {
  const survey = yield* surveyRow(tx, surveyId);
  yield* check(tx, surveyId, survey.draft as SurveyDefinition, spec);
  const { name, enabled, ...rest } = spec;
  const id = orderedId();
  const [row] = yield* q(
    tx
      .insert(alertRules)
      .values({ id, surveyId, name, enabled, spec: rest, createdBy: userId, createdAt: now, updatedAt: now })
      .returning(),
  );
  yield* rulesChanged(tx, surveyId);
  return toDto(row);
}

export function* updateRule(
  tx: Sql,
  surveyId: string,
  ruleId: string,
  spec: AlertRuleSpec,
  now: number,
): Work<AlertRuleDto> {
  const survey = yield* surveyRow(tx, surveyId);
  const where = and(eq(alertRules.id, ruleId), eq(alertRules.surveyId, surveyId));
  const [found] = yield* q(tx.select({ id: alertRules.id }).from(alertRules).where(where));
  if (!found) throw notFound('alert rule');
  yield* check(tx, surveyId, survey.draft as SurveyDefinition, spec);
  const { name, enabled, ...rest } = spec;
  const [row] = yield* q(
    tx.update(alertRules).set({ name, enabled, spec: rest, updatedAt: now }).where(where).returning(),
  );
  yield* rulesChanged(tx, surveyId);
  return toDto(row);
}

export function* deleteRule(tx: Sql, surveyId: string, ruleId: string): Work<void> {
  yield* surveyRow(tx, surveyId);
  const done = yield* q(tx.delete(alertRules).where(and(eq(alertRules.id, ruleId), eq(alertRules.surveyId, surveyId))));
  if (affected(done) === 0) throw notFound('alert rule');
  yield* rulesChanged(tx, surveyId);
}

export function* getAlertSettings(db: Sql, surveyId: string): Work<AlertSettings> {
  yield* surveyRow(db, surveyId);
  const [row] = yield* q(db.select().from(alertSettings).where(eq(alertSettings.surveyId, surveyId)));
  return readAlertSettings(row?.data);
}

export function* saveAlertSettings(tx: Sql, surveyId: string, input: AlertSettings, now: number): Work<AlertSettings> {
  yield* surveyRow(tx, surveyId);
  if (input.followUpSurveyId !== null) {
    if (input.followUpSurveyId === surveyId)
      throw badRequest('followUpSurveyId: a survey cannot be its own follow-up', 'followUpSurveyId');
    const [f] = yield* q(
      tx.select({ draft: surveys.draft }).from(surveys).where(eq(surveys.id, input.followUpSurveyId)),
    );
    if (!f) throw badRequest('followUpSurveyId: no such survey', 'followUpSurveyId');
    if (!(f.draft as SurveyDefinition).hiddenFields.includes('case')) {
      throw badRequest(
        'followUpSurveyId: the follow-up survey needs a hidden field named "case" to carry the case id',
        'followUpSurveyId',
      );
    }
  }
  yield* q(
    tx
      .insert(alertSettings)
      .values({ surveyId, data: input, updatedAt: now })
      .onConflictDoUpdate({ target: alertSettings.surveyId, set: { data: input, updatedAt: now } }),
  );
  yield* rulesChanged(tx, surveyId);
  return input;
}
