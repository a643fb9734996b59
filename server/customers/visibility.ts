/**
 * Who sees a customer's contact details: researchers and admins always; a viewer (a manager) only
 * for customers they own a case with, so the account manager of a case can call the customer back
 * while other viewers read the register without names, e-mail addresses or phone numbers.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { cases, responses } from '../db/tables';
import type { Role } from '../../shared/api/auth';

/** Whether `user` sees the contact details of a customer, by the customer's id. */
export function* seesContactsOf(db: Sql, user: { id: string; role: Role }): Work<(customerId: string) => boolean> {
  if (user.role !== 'viewer') return () => true;
  // The customers the viewer owns a case with (through the case's response).
  const rows = yield* q(
    db
      .selectDistinct({ id: responses.customerId })
      .from(cases)
      .innerJoin(responses, eq(responses.id, cases.responseId))
      .where(and(eq(cases.ownerId, user.id), isNotNull(responses.customerId))),
  );
  const own = new Set(rows.map((r) => r.id));
  return (id) => own.has(id);
}
