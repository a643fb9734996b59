/**
 * Who sees a customer's contact details: researchers and admins always; a viewer (a manager) only
 * for customers they own a case with, so the account manager of a case can call the customer back
 * while other viewers read the register without names, e-mail addresses or phone numbers.
 */
import type { Db } from '../db/client';
import type { Role } from '../../shared/api/auth';

/** The customers a user owns a case with (through the case's response). */
function caseCustomers(db: Db, userId: string): Set<string> {
  const rows = db.$client
    .prepare(`select distinct r.customer_id as id from cases k join responses r on r.id = k.response_id
      where k.owner_id = ? and r.customer_id is not null`)
    .all(userId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** Whether `user` sees the contact details of a customer, by the customer's id. */
export function seesContactsOf(db: Db, user: { id: string; role: Role }): (customerId: string) => boolean {
  if (user.role !== 'viewer') return () => true;
  const own = caseCustomers(db, user.id);
  return (id) => own.has(id);
}
