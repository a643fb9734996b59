/**
 * The suppression list: customers erased on request, kept as keyed hashes (HMAC-SHA256) of their
 * lower-cased e-mail and of their CRM id, never the values. The key is made at the first erasure
 * and kept in the register's settings, so every node hashes alike: whoever holds a backup can test
 * whether a given address was erased, but cannot read the list back. A customer file or CRM upsert
 * naming an erased person is refused (the file by line, with nothing imported), and no survey
 * e-mail is sent to a suppressed address.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { customerSettings, customerSuppressions } from '../db/tables';
import { AppError } from '../http/errors';
import type { LiftResult, LiftSuppression } from '../../shared/customers/schema';

type Kind = 'email' | 'id';

const hashOf = (key: string, kind: Kind, value: string) =>
  createHmac('sha256', key)
    .update(`${kind}:${kind === 'email' ? value.trim().toLowerCase() : value}`)
    .digest('hex');

function* storedKey(db: Sql): Work<string | null> {
  const [row] = yield* q(
    db.select({ key: customerSettings.suppressionKey }).from(customerSettings).where(eq(customerSettings.id, 1)),
  );
  return row?.key ?? null;
}

/** Adds an erased customer's e-mail and CRM id to the list; the caller's transaction erases them. */
export function* suppress(tx: Sql, person: { email: string | null; externalId: string }, now: number): Work<void> {
  yield* q(tx.insert(customerSettings).values({ id: 1, updatedAt: now }).onConflictDoNothing());
  // Two first erasures at once on two nodes: one key wins, the other reads it.
  yield* q(
    tx
      .update(customerSettings)
      .set({ suppressionKey: randomBytes(32).toString('base64url') })
      .where(and(eq(customerSettings.id, 1), isNull(customerSettings.suppressionKey))),
  );
  const key = (yield* storedKey(tx))!;
  const hashes = [hashOf(key, 'id', person.externalId)];
  if (person.email) hashes.push(hashOf(key, 'email', person.email));
  yield* q(
    tx
      .insert(customerSuppressions)
      .values(hashes.map((hash) => ({ hash, createdAt: now })))
      .onConflictDoNothing(),
  );
}

/** Tells whether an e-mail or CRM id is an erased person's. */
export type Suppressed = (kind: Kind, value: string) => boolean;

/**
 * The list as a test, read once for a whole import (the list holds two hashes per erasure, far
 * fewer than a register); null when nobody was ever erased, so imports hash nothing.
 */
export function* suppressionList(db: Sql): Work<Suppressed | null> {
  const key = yield* storedKey(db);
  if (key === null) return null;
  const hashes = new Set(
    (yield* q(db.select({ hash: customerSuppressions.hash }).from(customerSuppressions))).map((r) => r.hash),
  );
  if (!hashes.size) return null;
  return (kind, value) => value !== '' && hashes.has(hashOf(key, kind, value));
}

/** Whether one address or id is suppressed: one lookup, for a single upsert or e-mail. */
export function* isSuppressed(db: Sql, kind: Kind, value: string): Work<boolean> {
  const key = yield* storedKey(db);
  if (key === null || value === '') return false;
  const [found] = yield* q(
    db
      .select({ hash: customerSuppressions.hash })
      .from(customerSuppressions)
      .where(eq(customerSuppressions.hash, hashOf(key, kind, value))),
  );
  return found !== undefined;
}

/** A CRM upsert of an erased person: refused, nothing stored. */
export function* refuseSuppressed(db: Sql, externalId: string, email: string | null | undefined): Work<void> {
  const byId = yield* isSuppressed(db, 'id', externalId);
  const byEmail = !byId && !!email && (yield* isSuppressed(db, 'email', email));
  if (byId || byEmail)
    throw new AppError(
      409,
      'erased-customer',
      byId
        ? `customer ${externalId} was erased on request and cannot be added again`
        : 'this e-mail address belongs to a customer erased on request and cannot be added again',
      byId ? 'externalId' : 'email',
    );
}

/**
 * Takes a person off the list when they consent again: the values given are hashed as at the
 * erasure, and each listed hash goes; 404 when none was listed (nothing changed). An e-mail and a
 * CRM id are listed apart, so lifting one leaves the other refused.
 */
export function* liftSuppression(tx: Sql, person: LiftSuppression): Work<LiftResult> {
  const key = yield* storedKey(tx);
  const hashes: string[] = [];
  if (key !== null) {
    if (person.externalId !== undefined) hashes.push(hashOf(key, 'id', person.externalId));
    if (person.email !== undefined) hashes.push(hashOf(key, 'email', person.email));
  }
  const lifted = hashes.length
    ? yield* q(
        tx
          .delete(customerSuppressions)
          .where(inArray(customerSuppressions.hash, hashes))
          .returning({ hash: customerSuppressions.hash }),
      )
    : [];
  if (!lifted.length)
    throw new AppError(
      404,
      'not-found',
      'no erased customer has this e-mail address or customer id',
      person.externalId !== undefined ? 'externalId' : 'email',
      undefined,
      { what: 'customer' },
    );
  return { lifted: lifted.length };
}
