/** A customer's value history, as the customer page and the export show it. */
import { desc, eq } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { customerValueHistory } from '../db/tables';
import { VALUE_HISTORY_LIMIT, type ValueChange } from '../../shared/customers/schema';
import type { Segment } from '../../shared/customers/value';

/** The latest `limit` changes (all of them for an export), oldest first. */
export function* valueHistory(
  db: Sql,
  customerId: string,
  tierNames: readonly string[],
  limit: number | null = VALUE_HISTORY_LIMIT,
): Work<ValueChange[]> {
  const query = db
    .select()
    .from(customerValueHistory)
    .where(eq(customerValueHistory.customerId, customerId))
    .orderBy(desc(customerValueHistory.at), desc(customerValueHistory.id));
  const rows = yield* q(limit === null ? query : query.limit(limit));
  return rows.reverse().map((h) => ({
    at: h.at,
    monetary: h.monetary,
    r: h.rScore,
    f: h.fScore,
    m: h.mScore,
    segment: h.segment as Segment | null,
    tier: h.tier,
    tierName: h.tier === null ? null : (tierNames[h.tier] ?? null),
  }));
}
