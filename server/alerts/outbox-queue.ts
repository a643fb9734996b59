/**
 * Writing to the outbox: the transaction that makes an event true also writes the message, so a
 * crash can never send a message for an event that was rolled back, nor lose one that committed.
 * The workers that deliver them (outbox.ts) register to be woken when a message is written here;
 * a worker on another node finds it at its next sweep.
 */
import { outbox } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import { orderedId } from './ordered-id';

/** The delivery id receivers drop duplicates by; it sorts in the order deliveries were written. */
export const newDeliveryId = () => orderedId();

export interface OutboxMessage {
  kind: 'webhook' | 'email';
  surveyId: string;
  webhookId?: string;
  recipient?: string;
  event: string;
  body: string;
  now: number;
  id?: string;
}

const wakers = new Set<() => void>();

/**
 * A worker calls this once, to be woken whenever a message is written in this process; the
 * returned function unregisters it. Waking a worker of another database costs it one empty sweep.
 */
export function onEnqueue(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/** Writes a message to the outbox, as part of the unit of work that makes the event true. */
export function* enqueue(tx: Sql, m: OutboxMessage): Work<void> {
  yield* q(
    tx.insert(outbox).values({
      id: m.id ?? newDeliveryId(),
      kind: m.kind,
      surveyId: m.surveyId,
      webhookId: m.webhookId ?? null,
      recipient: m.recipient ?? null,
      event: m.event,
      body: m.body,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: m.now,
      createdAt: m.now,
    }),
  );
  // Woken before the commit, a worker may sweep too early; its next sweep or the next wake finds it.
  queueMicrotask(() => {
    for (const wake of wakers) wake();
  });
}
