/**
 * The hook collection calls when a response completes, inside the transaction that stores it: it
 * opens the cases the survey's rules call for and writes their notifications to the outbox, so a
 * matching response can't be stored without its case. It runs on every completion, so a survey's
 * rules and webhooks are read once and kept until they change (invalidateAlerts).
 */
import { runNow, sqlOf } from '../db/sqlite-store';
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import type { Db } from '../db/client';
import {
  AlertRuleSchema,
  AlertSettingsSchema,
  DEFAULT_DUE_HOURS,
  type AlertRuleSpec,
  type AlertSettings,
  type WebhookEvent,
} from '../../shared/api/alerts';
import { compileRule, ownerFor, type CompiledRule } from '../../shared/alerts/conditions';
import { enqueue, newDeliveryId } from './outbox-queue';
import { caseOpenedBody, responseCompletedBody, type ResponseFacts } from './payload';
import { preparedStatements } from '../db/statements';

type Rule = { id: string; name: string; spec: AlertRuleSpec };
interface Plan {
  rules: CompiledRule<Rule>[];
  settings: AlertSettings;
  hooks: Record<WebhookEvent, string[]>;
}

const plans = new WeakMap<Db, Map<string, Plan | null>>();
const statements = preparedStatements((c) => ({
  rules: c.prepare(
    'select id, name, spec from alert_rules where survey_id = ? and enabled = 1 order by created_at, rowid',
  ),
  hooks: c.prepare('select id, events from webhooks where survey_id = ? and enabled = 1'),
  settings: c.prepare('select data from alert_settings where survey_id = ?').pluck(),
  user: c.prepare('select id, name, email from users where id = ?'),
  insertCase:
    c.prepare(`insert or ignore into cases (id, survey_id, rule_id, rule_name, response_id, owner_id, status, priority, due_at, opened_at, updated_at)
      values (@id, @surveyId, @ruleId, @ruleName, @responseId, @ownerId, 'open', @priority, @dueAt, @now, @now)`),
  event: c.prepare('insert into case_events (case_id, user_id, kind, data, at) values (?, ?, ?, ?, ?)'),
}));

/** Stored settings, or the defaults; unreadable ones count as defaults rather than breaking collection. */
export function readAlertSettings(raw: unknown): AlertSettings {
  const parsed = v.safeParse(AlertSettingsSchema, typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {}));
  return parsed.success ? parsed.output : v.parse(AlertSettingsSchema, {});
}

function load(db: Db, surveyId: string): Plan | null {
  const st = statements(db);
  const rules = (st.rules.all(surveyId) as { id: string; name: string; spec: string }[]).flatMap((r) => {
    const spec = v.safeParse(AlertRuleSchema, { ...JSON.parse(r.spec), name: r.name });
    return spec.success ? [compileRule({ id: r.id, name: r.name, spec: spec.output })] : [];
  });
  const hooks: Plan['hooks'] = { 'case.opened': [], 'case.updated': [], 'case.overdue': [], 'response.completed': [] };
  for (const h of st.hooks.all(surveyId) as { id: string; events: string }[]) {
    for (const e of JSON.parse(h.events) as WebhookEvent[]) hooks[e]?.push(h.id);
  }
  if (rules.length === 0 && hooks['response.completed'].length === 0) return null;
  return { rules, hooks, settings: readAlertSettings(st.settings.get(surveyId)) };
}

function planFor(db: Db, surveyId: string): Plan | null {
  let cache = plans.get(db);
  if (!cache) plans.set(db, (cache = new Map()));
  let plan = cache.get(surveyId);
  if (plan === undefined) cache.set(surveyId, (plan = load(db, surveyId)));
  return plan;
}

/** Forget a survey's cached rules and webhooks; call after changing either. */
export function invalidateAlerts(db: Db, surveyId: string) {
  plans.get(db)?.delete(surveyId);
}

/** The webhooks of a survey listening to `event` (for case updates made in the app). */
export function webhooksFor(db: Db, surveyId: string, event: WebhookEvent): string[] {
  const plan = planFor(db, surveyId);
  if (plan) return plan.hooks[event];
  return (statements(db).hooks.all(surveyId) as { id: string; events: string }[])
    .filter((h) => (JSON.parse(h.events) as string[]).includes(event))
    .map((h) => h.id);
}

/**
 * Opens a case for each rule the response meets (at most one per response and rule: the unique
 * index turns a repeat into a no-op) and queues the notifications. Call inside the completing
 * transaction; test responses should not come here.
 */
export function onResponseCompleted(db: Db, r: ResponseFacts): void {
  const plan = planFor(db, r.surveyId);
  if (!plan) return;
  const st = statements(db);
  const facts = { answers: r.answers, hidden: r.hidden };
  for (const { rule, test } of plan.rules) {
    if (!test(facts)) continue;
    const wanted = ownerFor(rule.spec.owner, r.hidden);
    // A deleted user can't own a case; the case still opens, unassigned, rather than losing the response.
    const owner = wanted
      ? ((st.user.get(wanted) as { id: string; name: string; email: string } | undefined) ?? null)
      : null;
    const id = randomBytes(12).toString('base64url');
    const hours =
      rule.spec.dueHours ?? plan.settings.dueHours[rule.spec.priority] ?? DEFAULT_DUE_HOURS[rule.spec.priority];
    const dueAt = r.completedAt + Math.round(hours * 3_600_000);
    const inserted = st.insertCase.run({
      id,
      surveyId: r.surveyId,
      ruleId: rule.id,
      ruleName: rule.name,
      responseId: r.responseId,
      ownerId: owner?.id ?? null,
      priority: rule.spec.priority,
      dueAt,
      now: r.completedAt,
    });
    if (inserted.changes === 0) continue;
    st.event.run(id, null, 'opened', JSON.stringify({ rule: rule.name, ownerId: owner?.id ?? null }), r.completedAt);
    const opened = {
      id,
      status: 'open',
      priority: rule.spec.priority,
      dueAt,
      openedAt: r.completedAt,
      resolvedAt: null,
      rule: { id: rule.id, name: rule.name },
      owner,
    };
    for (const webhookId of plan.hooks['case.opened']) {
      const deliveryId = newDeliveryId();
      runNow(
        enqueue(sqlOf(db), {
          id: deliveryId,
          kind: 'webhook',
          surveyId: r.surveyId,
          webhookId,
          event: 'case.opened',
          body: caseOpenedBody(deliveryId, r, opened),
          now: r.completedAt,
        }),
      );
    }
    if (plan.settings.emailOwners && owner?.email) {
      runNow(
        enqueue(sqlOf(db), {
          kind: 'email',
          surveyId: r.surveyId,
          recipient: owner.email,
          event: 'case.opened',
          body: JSON.stringify({ caseId: id }),
          now: r.completedAt,
        }),
      );
    }
  }
  for (const webhookId of plan.hooks['response.completed']) {
    const deliveryId = newDeliveryId();
    runNow(
      enqueue(sqlOf(db), {
        id: deliveryId,
        kind: 'webhook',
        surveyId: r.surveyId,
        webhookId,
        event: 'response.completed',
        body: responseCompletedBody(deliveryId, r),
        now: r.completedAt,
      }),
    );
  }
}
