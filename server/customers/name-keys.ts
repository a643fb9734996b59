/**
 * At start-up (server/customers/import-customers.ts): folds the search key of customers whose name
 * has none (stored before the key existed, or staged by a file a stop cut short), a batch at a time
 * with a turn of the event loop between batches. Every write of a name writes its key, so once
 * done this finds nothing.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { exclusive, LOCKS, q, type Store } from '../db/store';
import { customers } from '../db/tables';
import { searchKey } from '../../shared/customers/search-key';

const BATCH = 1_000;

export async function fillNameKeys(store: Store): Promise<void> {
  for (;;) {
    const done = await store.transaction(function* (tx) {
      // Bulk writes of customers take turns: two nodes filling at once would lock rows in different orders.
      yield* q(exclusive(tx, LOCKS.customerRows));
      const rows = yield* q(
        tx
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(and(isNotNull(customers.name), isNull(customers.nameKey)))
          .limit(BATCH),
      );
      for (const r of rows)
        yield* q(
          tx
            .update(customers)
            .set({ nameKey: searchKey(r.name!) })
            .where(and(eq(customers.id, r.id), eq(customers.name, r.name!))),
        );
      return rows.length < BATCH;
    });
    if (done) return;
    await nextTurn();
  }
}
