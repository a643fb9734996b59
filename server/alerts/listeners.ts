/** Which of a survey's webhooks listen to an event, read inside a unit of work on either database. */
import { and, eq } from 'drizzle-orm';
import { webhooks } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import type { WebhookEvent } from '../../shared/api/alerts';

export function* webhooksListening(db: Sql, surveyId: string, event: WebhookEvent): Work<string[]> {
  const hooks = yield* q(
    db
      .select({ id: webhooks.id, events: webhooks.events })
      .from(webhooks)
      .where(and(eq(webhooks.surveyId, surveyId), eq(webhooks.enabled, true))),
  );
  return hooks.filter((h) => h.events.includes(event)).map((h) => h.id);
}
