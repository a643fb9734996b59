/**
 * Escalation: a case still open or in progress at its due time is marked once (an `escalated`
 * event) and told to the survey's case.overdue webhooks and, when the survey mails owners, to its
 * owner. Run by the outbox worker of every node under one database lock, so each case is escalated
 * once however many nodes sweep, and it survives restarts like the deliveries.
 */
import { and, eq, inArray, lt, notExists, sql } from 'drizzle-orm';
import { alertSettings, caseEvents, cases, surveys, users } from '../db/tables';
import { exclusive, LOCKS, q, type Sql, type Work } from '../db/store';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { enqueue, newDeliveryId } from './outbox-queue';
import { readAlertSettings, webhooksListening } from './hook';
import { caseUpdatedBody } from './payload';

/** At most this many cases a sweep; the next sweep takes the rest. */
const BATCH = 200;

/** Escalates the cases that became overdue by `now`, as one unit of work; returns how many. */
export function* escalateOverdue(tx: Sql, now: number): Work<number> {
  // The check below and the events written after it must not interleave with another node's sweep.
  yield* q(exclusive(tx, LOCKS.caseEscalation));
  const due = yield* q(
    tx
      .select({
        id: cases.id,
        surveyId: cases.surveyId,
        slug: surveys.slug,
        draft: surveys.draft,
        ruleId: cases.ruleId,
        ruleName: cases.ruleName,
        status: cases.status,
        priority: cases.priority,
        dueAt: cases.dueAt,
        openedAt: cases.openedAt,
        complaintType: cases.complaintType,
        severity: cases.severity,
        ownerId: cases.ownerId,
        ownerName: users.name,
        ownerEmail: users.email,
        settings: alertSettings.data,
      })
      .from(cases)
      .innerJoin(surveys, eq(surveys.id, cases.surveyId))
      .leftJoin(users, eq(users.id, cases.ownerId))
      .leftJoin(alertSettings, eq(alertSettings.surveyId, cases.surveyId))
      .where(
        and(
          inArray(cases.status, ['open', 'in-progress']),
          lt(cases.dueAt, now),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(caseEvents)
              .where(and(eq(caseEvents.caseId, cases.id), eq(caseEvents.kind, 'escalated'))),
          ),
        ),
      )
      .limit(BATCH),
  );
  const listening = new Map<string, string[]>();
  for (const c of due) {
    yield* q(
      tx
        .insert(caseEvents)
        .values({ caseId: c.id, userId: null, kind: 'escalated', data: { dueAt: c.dueAt }, at: now }),
    );
    const owner = c.ownerId ? { id: c.ownerId, name: c.ownerName ?? '', email: c.ownerEmail ?? '' } : null;
    const facts = {
      id: c.id,
      status: c.status,
      priority: c.priority,
      dueAt: c.dueAt,
      openedAt: c.openedAt,
      resolvedAt: null,
      complaintType: c.complaintType,
      severity: c.severity,
      rule: { id: c.ruleId, name: c.ruleName },
      owner,
    };
    const survey = { surveyId: c.surveyId, slug: c.slug, def: c.draft as SurveyDefinition };
    let hooks = listening.get(c.surveyId);
    if (!hooks) listening.set(c.surveyId, (hooks = yield* webhooksListening(tx, c.surveyId, 'case.overdue')));
    for (const webhookId of hooks) {
      const deliveryId = newDeliveryId();
      const body = caseUpdatedBody(
        deliveryId,
        now,
        survey,
        facts,
        { by: null, kind: 'escalated', data: { dueAt: new Date(c.dueAt).toISOString() } },
        'case.overdue',
      );
      yield* enqueue(tx, {
        id: deliveryId,
        kind: 'webhook',
        surveyId: c.surveyId,
        webhookId,
        event: 'case.overdue',
        body,
        now,
      });
    }
    if (owner?.email && readAlertSettings(c.settings).emailOwners) {
      yield* enqueue(tx, {
        kind: 'email',
        surveyId: c.surveyId,
        recipient: owner.email,
        event: 'case.overdue',
        body: JSON.stringify({ caseId: c.id, overdue: true }),
        now,
      });
    }
  }
  return due.length;
}
