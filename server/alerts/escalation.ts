/**
 * Escalation: a case still open or in progress at its due time is marked once (an `escalated`
 * event) and told to the survey's case.overdue webhooks and, when the survey mails owners, to its
 * owner. Run by the outbox worker on every pass, so it survives restarts like the deliveries.
 */
import { runNow, sqlOf } from '../db/sqlite-store';
import type { Db } from '../db/client';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { enqueue, newDeliveryId } from './outbox-queue';
import { readAlertSettings, webhooksFor } from './hook';
import { caseUpdatedBody } from './payload';
import { preparedStatements } from '../db/statements';

type Overdue = {
  id: string;
  surveyId: string;
  slug: string;
  draft: string;
  ruleId: string | null;
  ruleName: string;
  status: string;
  priority: string;
  dueAt: number;
  openedAt: number;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  settings: string | null;
};

const overdueCases = preparedStatements((c) =>
  c.prepare(`select c.id, c.survey_id as surveyId, s.slug, s.draft, c.rule_id as ruleId, c.rule_name as ruleName, c.status, c.priority,
      c.due_at as dueAt, c.opened_at as openedAt, c.owner_id as ownerId, u.name as ownerName, u.email as ownerEmail, a.data as settings
    from cases c join surveys s on s.id = c.survey_id left join users u on u.id = c.owner_id left join alert_settings a on a.survey_id = c.survey_id
    where c.status in ('open', 'in-progress') and c.due_at < ?
      and not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'escalated')
    limit 200`),
);

/** Escalates the cases that became overdue by `now`; returns how many. */
export function escalateOverdue(db: Db, now: number): number {
  const due = overdueCases(db).all(now) as Overdue[];
  if (due.length === 0) return 0;
  const event = db.$client.prepare(
    `insert into case_events (case_id, user_id, kind, data, at) values (?, null, 'escalated', ?, ?)`,
  );
  db.$client.transaction(() => {
    for (const c of due) {
      event.run(c.id, JSON.stringify({ dueAt: c.dueAt }), now);
      const owner = c.ownerId ? { id: c.ownerId, name: c.ownerName ?? '', email: c.ownerEmail ?? '' } : null;
      const facts = {
        id: c.id,
        status: c.status,
        priority: c.priority,
        dueAt: c.dueAt,
        openedAt: c.openedAt,
        resolvedAt: null,
        rule: { id: c.ruleId, name: c.ruleName },
        owner,
      };
      const survey = { surveyId: c.surveyId, slug: c.slug, def: JSON.parse(c.draft) as SurveyDefinition };
      for (const webhookId of webhooksFor(db, c.surveyId, 'case.overdue')) {
        const deliveryId = newDeliveryId();
        const body = caseUpdatedBody(
          deliveryId,
          now,
          survey,
          facts,
          { by: null, kind: 'escalated', data: { dueAt: new Date(c.dueAt).toISOString() } },
          'case.overdue',
        );
        runNow(
          enqueue(sqlOf(db), {
            id: deliveryId,
            kind: 'webhook',
            surveyId: c.surveyId,
            webhookId,
            event: 'case.overdue',
            body,
            now,
          }),
        );
      }
      if (owner?.email && readAlertSettings(c.settings).emailOwners) {
        runNow(
          enqueue(sqlOf(db), {
            kind: 'email',
            surveyId: c.surveyId,
            recipient: owner.email,
            event: 'case.overdue',
            body: JSON.stringify({ caseId: c.id, overdue: true }),
            now,
          }),
        );
      }
    }
  })();
  return due.length;
}
