/**
 * The hook collection calls when a response completes, inside the unit of work that stores it: it
 * opens the cases the survey's rules call for and writes their notifications to the outbox, so a
 * matching response can't be stored without its case. It runs on every completion, so a survey's
 * rules and webhooks are kept in the database's memo while the survey's rules stamp stays the same
 * (server/collect/memo.ts): a save on any node changes the stamp.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { runNow, sqlOf } from '../db/sqlite-store';
import { q, type Sql, type Work } from '../db/store';
import { webhooks } from '../db/tables';
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
import { derived, rulesChanged } from '../collect/memo';
import type { SubmitStatements } from '../collect/statements';
import { codeWords } from '../coding/code-words';

type Rule = { id: string; name: string; spec: AlertRuleSpec };
interface Plan {
  rules: CompiledRule<Rule>[];
  settings: AlertSettings;
  hooks: Record<WebhookEvent, string[]>;
}

/** Stored settings, or the defaults; unreadable ones count as defaults rather than breaking collection. */
export function readAlertSettings(raw: unknown): AlertSettings {
  const parsed = v.safeParse(AlertSettingsSchema, typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {}));
  return parsed.success ? parsed.output : v.parse(AlertSettingsSchema, {});
}

function* load(ops: SubmitStatements, surveyId: string): Work<Plan | null> {
  const specs = (yield* ops.alertRules(surveyId)).flatMap((r) => {
    const spec = v.safeParse(AlertRuleSchema, { ...(r.spec as object), name: r.name });
    return spec.success ? [{ id: r.id, name: r.name, spec: spec.output }] : [];
  });
  const codes = specs.flatMap((r) => r.spec.when.conditions.flatMap((c) => (c.op === 'matchesCode' ? [c.code] : [])));
  const words = codes.length > 0 ? yield* codeWords(ops.tx, codes) : new Map<string, string[]>();
  const rules = specs.map((r) => compileRule(r, words));
  const hooks: Plan['hooks'] = { 'case.opened': [], 'case.updated': [], 'case.overdue': [], 'response.completed': [] };
  for (const h of yield* ops.webhooks(surveyId)) {
    for (const e of h.events as WebhookEvent[]) hooks[e]?.push(h.id);
  }
  if (rules.length === 0 && hooks['response.completed'].length === 0) return null;
  return { rules, hooks, settings: readAlertSettings(yield* ops.alertSettings(surveyId)) };
}

/**
 * Marks a survey's rules and webhooks as changed; call after changing either. Units of work call
 * `rulesChanged` (server/collect/memo.ts) themselves.
 */
export function invalidateAlerts(db: Db, surveyId: string) {
  runNow(rulesChanged(sqlOf(db), surveyId));
}

/** The webhooks of a survey listening to `event` (for case updates made in the app). */
export function* webhooksListening(tx: Sql, surveyId: string, event: WebhookEvent): Work<string[]> {
  const rows = yield* q(
    tx
      .select({ id: webhooks.id, events: webhooks.events })
      .from(webhooks)
      .where(and(eq(webhooks.surveyId, surveyId), eq(webhooks.enabled, true))),
  );
  return rows
    .filter((h) => (typeof h.events === 'string' ? (JSON.parse(h.events) as string[]) : h.events).includes(event))
    .map((h) => h.id);
}

/** webhooksListening for the areas still on the SQLite database. */
export const webhooksFor = (db: Db, surveyId: string, event: WebhookEvent): string[] =>
  runNow(webhooksListening(sqlOf(db), surveyId, event));

/**
 * Opens a case for each rule the response meets (at most one per response and rule: the unique
 * index turns a repeat into a no-op) and queues the notifications. Call inside the completing
 * unit of work; test responses should not come here. With the survey's `rulesStamp` (read with its
 * row), the rules are kept between completions; without it they are read each time.
 */
export function* onResponseCompleted(ops: SubmitStatements, r: ResponseFacts, rulesStamp?: number): Work<void> {
  const plan =
    rulesStamp === undefined
      ? yield* load(ops, r.surveyId)
      : yield* derived(ops.memo, 'alerts', r.surveyId, rulesStamp, () => load(ops, r.surveyId));
  if (!plan) return;
  const facts = { answers: r.answers, hidden: r.hidden };
  for (const { rule, test } of plan.rules) {
    if (!test(facts)) continue;
    const wanted = ownerFor(rule.spec.owner, r.hidden);
    // A deleted user can't own a case; the case still opens, unassigned, rather than losing the response.
    const owner = wanted ? ((yield* ops.user(wanted)) ?? null) : null;
    const id = randomBytes(12).toString('base64url');
    const hours =
      rule.spec.dueHours ?? plan.settings.dueHours[rule.spec.priority] ?? DEFAULT_DUE_HOURS[rule.spec.priority];
    const dueAt = r.completedAt + Math.round(hours * 3_600_000);
    const opened = yield* ops.openCase({
      id,
      surveyId: r.surveyId,
      ruleId: rule.id,
      ruleName: rule.name,
      responseId: r.responseId,
      ownerId: owner?.id ?? null,
      priority: rule.spec.priority,
      complaintType: rule.spec.complaintType,
      severity: rule.spec.severity,
      dueAt,
      now: r.completedAt,
    });
    if (!opened) continue;
    yield* ops.caseOpened(id, { rule: rule.name, ownerId: owner?.id ?? null }, r.completedAt);
    const summary = {
      id,
      status: 'open',
      priority: rule.spec.priority,
      dueAt,
      openedAt: r.completedAt,
      resolvedAt: null,
      complaintType: rule.spec.complaintType,
      severity: rule.spec.severity,
      rule: { id: rule.id, name: rule.name },
      owner,
    };
    for (const webhookId of plan.hooks['case.opened']) {
      const deliveryId = newDeliveryId();
      yield* enqueue(ops.tx, {
        id: deliveryId,
        kind: 'webhook',
        surveyId: r.surveyId,
        webhookId,
        event: 'case.opened',
        body: caseOpenedBody(deliveryId, r, summary),
        now: r.completedAt,
      });
    }
    if (plan.settings.emailOwners && owner?.email) {
      yield* enqueue(ops.tx, {
        kind: 'email',
        surveyId: r.surveyId,
        recipient: owner.email,
        event: 'case.opened',
        body: JSON.stringify({ caseId: id }),
        now: r.completedAt,
      });
    }
  }
  for (const webhookId of plan.hooks['response.completed']) {
    const deliveryId = newDeliveryId();
    yield* enqueue(ops.tx, {
      id: deliveryId,
      kind: 'webhook',
      surveyId: r.surveyId,
      webhookId,
      event: 'response.completed',
      body: responseCompletedBody(deliveryId, r),
      now: r.completedAt,
    });
  }
}
