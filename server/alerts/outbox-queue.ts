/**
 * Writing to the outbox: the transaction that makes an event true also writes the message, so a
 * crash can never send a message for an event that was rolled back, nor lose one that committed.
 * The worker that delivers them (outbox.ts) registers to be woken when a message is written.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { preparedStatements } from '../db/statements';

export const newDeliveryId = () => randomBytes(12).toString('base64url');

const insert = preparedStatements((c) =>
  c.prepare(`insert into outbox (id, kind, survey_id, webhook_id, recipient, event, body, status,
      attempts, next_attempt_at, created_at)
      values (@id, @kind, @surveyId, @webhookId, @recipient, @event, @body, 'pending', 0, @now, @now)`),
);
const wakers = new WeakMap<Db, () => void>();

/** The worker of `db` calls this once, to be woken whenever a message is written. */
export function onEnqueue(db: Db, wake: () => void) {
  wakers.set(db, wake);
}

/** Writes a message to the outbox; call inside the transaction that makes the event true. */
export function enqueue(
  db: Db,
  m: {
    kind: 'webhook' | 'email';
    surveyId: string;
    webhookId?: string;
    recipient?: string;
    event: string;
    body: string;
    now: number;
    id?: string;
  },
) {
  insert(db).run({ webhookId: null, recipient: null, ...m, id: m.id ?? newDeliveryId() });
  wakers.get(db)?.();
}
