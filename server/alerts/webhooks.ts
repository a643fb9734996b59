/** A survey's webhooks: create (the secret shown once), change, rotate the secret, delete, and the delivery log. */
import { runNow, sqlOf } from '../db/sqlite-store';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox, outboxAttempts, webhooks } from '../db/schema';
import { notFound } from '../http/errors';
import { getRow } from '../survey/service';
import type { DeliveryDto, WebhookDto, WebhookEvent, WebhookWithSecret } from '../../shared/api/alerts';
import { invalidateAlerts } from './hook';
import { enqueue, newDeliveryId } from './outbox-queue';
import { outboxOf } from './outbox';

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export function listWebhooks(db: Db, surveyId: string): WebhookDto[] {
  getRow(db, surveyId);
  const rows = db.select().from(webhooks).where(eq(webhooks.surveyId, surveyId)).orderBy(webhooks.createdAt).all();
  return rows.map((w) => {
    const s = db
      .select({
        pending: sql<number>`coalesce(sum(${outbox.status} = 'pending'), 0)`,
        failed: sql<number>`coalesce(sum(${outbox.status} = 'failed'), 0)`,
        last: sql<number | null>`max(${outbox.deliveredAt})`,
      })
      .from(outbox)
      .where(eq(outbox.webhookId, w.id))
      .get()!;
    return {
      id: w.id,
      url: w.url,
      events: w.events as WebhookEvent[],
      enabled: w.enabled,
      createdAt: w.createdAt,
      pending: s.pending,
      failed: s.failed,
      lastDeliveredAt: s.last,
    };
  });
}

function one(db: Db, surveyId: string, id: string) {
  const w = listWebhooks(db, surveyId).find((x) => x.id === id);
  if (!w) throw notFound('webhook');
  return w;
}

export function createWebhook(
  db: Db,
  surveyId: string,
  input: { url: string; events: WebhookEvent[] },
  userId: string,
  now: number,
): WebhookWithSecret {
  getRow(db, surveyId);
  const id = randomBytes(9).toString('base64url');
  const secret = newSecret();
  db.insert(webhooks)
    .values({
      id,
      surveyId,
      url: input.url,
      events: [...new Set(input.events)],
      secret,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  invalidateAlerts(db, surveyId);
  return { webhook: one(db, surveyId, id), secret };
}

export function updateWebhook(
  db: Db,
  surveyId: string,
  id: string,
  input: { url?: string; events?: WebhookEvent[]; enabled?: boolean },
  now: number,
): WebhookDto {
  one(db, surveyId, id);
  const set = { ...input, ...(input.events ? { events: [...new Set(input.events)] } : {}), updatedAt: now };
  db.update(webhooks).set(set).where(eq(webhooks.id, id)).run();
  invalidateAlerts(db, surveyId);
  return one(db, surveyId, id);
}

/** A new secret; deliveries still waiting are signed with it when they go. */
export function rotateSecret(db: Db, surveyId: string, id: string, now: number): WebhookWithSecret {
  one(db, surveyId, id);
  const secret = newSecret();
  db.update(webhooks).set({ secret, updatedAt: now }).where(eq(webhooks.id, id)).run();
  return { webhook: one(db, surveyId, id), secret };
}

export function deleteWebhook(db: Db, surveyId: string, id: string) {
  one(db, surveyId, id);
  db.delete(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.surveyId, surveyId)))
    .run();
  invalidateAlerts(db, surveyId);
}

/** Queues a `ping` so the receiver's address, signature check and answer can be tried before real events flow. */
export function pingWebhook(db: Db, surveyId: string, id: string, now: number): DeliveryDto {
  one(db, surveyId, id);
  const deliveryId = newDeliveryId();
  const body = JSON.stringify({
    event: 'ping',
    deliveryId,
    occurredAt: new Date(now).toISOString(),
    webhook: { id },
    survey: { id: surveyId },
  });
  runNow(enqueue(sqlOf(db), { id: deliveryId, kind: 'webhook', surveyId, webhookId: id, event: 'ping', body, now }));
  return deliveries(db, surveyId, id).find((d) => d.id === deliveryId)!;
}

/** Sends a delivery again now, with the same id and body (a receiver that dropped it, or one that gave up). */
export function redeliver(db: Db, surveyId: string, id: string, deliveryId: string, now: number): DeliveryDto {
  one(db, surveyId, id);
  const done = db
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(and(eq(outbox.id, deliveryId), eq(outbox.webhookId, id)))
    .run();
  if (done.changes === 0) throw notFound('delivery');
  outboxOf(db)?.kick();
  return deliveries(db, surveyId, id).find((d) => d.id === deliveryId)!;
}

/** The latest deliveries of a webhook with every attempt's result. */
export function deliveries(db: Db, surveyId: string, id: string, limit = 50): DeliveryDto[] {
  one(db, surveyId, id);
  const rows = db
    .select()
    .from(outbox)
    .where(eq(outbox.webhookId, id))
    .orderBy(desc(outbox.createdAt), desc(sql`rowid`))
    .limit(limit)
    .all();
  const attempts =
    rows.length === 0
      ? []
      : db
          .select()
          .from(outboxAttempts)
          .where(
            inArray(
              outboxAttempts.outboxId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(outboxAttempts.id)
          .all();
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
