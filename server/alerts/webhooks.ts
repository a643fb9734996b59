/** A survey's webhooks: create (the secret shown once), change, rotate the secret, delete, and the delivery log. */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { outbox, outboxAttempts, webhooks } from '../db/tables';
import { affected, q, type Sql, type Work } from '../db/store';
import { notFound } from '../http/errors';
import { surveyRow } from '../survey/service';
import type { DeliveryDto, WebhookDto, WebhookEvent, WebhookWithSecret } from '../../shared/api/alerts';
import { enqueue, newDeliveryId } from './outbox-queue';
import { rulesChanged } from '../collect/memo';
import { insertionOrder } from './dialect-sql';
import { orderedId } from './ordered-id';

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export function* listWebhooks(db: Sql, surveyId: string): Work<WebhookDto[]> {
  yield* surveyRow(db, surveyId);
  const rows = yield* q(
    db
      .select()
      .from(webhooks)
      .where(eq(webhooks.surveyId, surveyId))
      .orderBy(webhooks.createdAt, insertionOrder(webhooks)),
  );
  const out: WebhookDto[] = [];
  for (const w of rows) {
    const [s] = yield* q(
      db
        .select({
          pending: sql<number>`count(case when ${outbox.status} = 'pending' then 1 end)`.mapWith(Number),
          failed: sql<number>`count(case when ${outbox.status} = 'failed' then 1 end)`.mapWith(Number),
          last: sql<number | null>`max(${outbox.deliveredAt})`.mapWith(Number),
        })
        .from(outbox)
        .where(eq(outbox.webhookId, w.id)),
    );
    out.push({
      id: w.id,
      url: w.url,
      events: w.events as WebhookEvent[],
      enabled: w.enabled,
      createdAt: w.createdAt,
      pending: s.pending,
      failed: s.failed,
      lastDeliveredAt: s.last,
    });
  }
  return out;
}

function* one(db: Sql, surveyId: string, id: string): Work<WebhookDto> {
  const w = (yield* listWebhooks(db, surveyId)).find((x) => x.id === id);
  if (!w) throw notFound('webhook');
  return w;
}

export function* createWebhook(
  tx: Sql,
  surveyId: string,
  input: { url: string; events: WebhookEvent[] },
  userId: string,
  now: number,
): Work<WebhookWithSecret> {
  yield* surveyRow(tx, surveyId);
  const id = orderedId();
  const secret = newSecret();
  yield* q(
    tx.insert(webhooks).values({
      id,
      surveyId,
      url: input.url,
      events: [...new Set(input.events)],
      secret,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    }),
  );
  yield* rulesChanged(tx, surveyId);
  return { webhook: yield* one(tx, surveyId, id), secret };
}

export function* updateWebhook(
  tx: Sql,
  surveyId: string,
  id: string,
  input: { url?: string; events?: WebhookEvent[]; enabled?: boolean },
  now: number,
): Work<WebhookDto> {
  yield* one(tx, surveyId, id);
  const set = { ...input, ...(input.events ? { events: [...new Set(input.events)] } : {}), updatedAt: now };
  yield* q(tx.update(webhooks).set(set).where(eq(webhooks.id, id)));
  yield* rulesChanged(tx, surveyId);
  return yield* one(tx, surveyId, id);
}

/** A new secret; deliveries still waiting are signed with it when they go. */
export function* rotateSecret(tx: Sql, surveyId: string, id: string, now: number): Work<WebhookWithSecret> {
  yield* one(tx, surveyId, id);
  const secret = newSecret();
  yield* q(tx.update(webhooks).set({ secret, updatedAt: now }).where(eq(webhooks.id, id)));
  return { webhook: yield* one(tx, surveyId, id), secret };
}

export function* deleteWebhook(tx: Sql, surveyId: string, id: string): Work<void> {
  yield* one(tx, surveyId, id);
  yield* q(tx.delete(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.surveyId, surveyId))));
  yield* rulesChanged(tx, surveyId);
}

/** Queues a `ping` so the receiver's address, signature check and answer can be tried before real events flow. */
export function* pingWebhook(tx: Sql, surveyId: string, id: string, now: number): Work<DeliveryDto> {
  yield* one(tx, surveyId, id);
  const deliveryId = newDeliveryId();
  const body = JSON.stringify({
    event: 'ping',
    deliveryId,
    occurredAt: new Date(now).toISOString(),
    webhook: { id },
    survey: { id: surveyId },
  });
  yield* enqueue(tx, { id: deliveryId, kind: 'webhook', surveyId, webhookId: id, event: 'ping', body, now });
  return (yield* deliveries(tx, surveyId, id)).find((d) => d.id === deliveryId)!;
}

/**
 * Sends a delivery again now, with the same id and body (a receiver that dropped it, or one that
 * gave up). The caller wakes the worker once this has committed.
 */
export function* redeliver(tx: Sql, surveyId: string, id: string, deliveryId: string, now: number): Work<DeliveryDto> {
  yield* one(tx, surveyId, id);
  const done = yield* q(
    tx
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: now })
      .where(and(eq(outbox.id, deliveryId), eq(outbox.webhookId, id))),
  );
  if (affected(done) === 0) throw notFound('delivery');
  return (yield* deliveries(tx, surveyId, id)).find((d) => d.id === deliveryId)!;
}

/** The latest deliveries of a webhook with every attempt's result. */
export function* deliveries(db: Sql, surveyId: string, id: string, limit = 50): Work<DeliveryDto[]> {
  yield* one(db, surveyId, id);
  const rows = yield* q(
    db
      .select()
      .from(outbox)
      .where(eq(outbox.webhookId, id))
      .orderBy(desc(outbox.createdAt), desc(insertionOrder(outbox)))
      .limit(limit),
  );
  const attempts =
    rows.length === 0
      ? []
      : yield* q(
          db
            .select()
            .from(outboxAttempts)
            .where(
              inArray(
                outboxAttempts.outboxId,
                rows.map((r) => r.id),
              ),
            )
            .orderBy(outboxAttempts.id),
        );
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    createdAt: r.createdAt,
    deliveredAt: r.deliveredAt,
    log: attempts
      .filter((a) => a.outboxId === r.id)
      .map((a) => ({ at: a.at, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}
