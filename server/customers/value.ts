/**
 * Keeping every customer's value current: the figures (from transactions, or given ready-made),
 * RFM scores, segment and pyramid tier, recomputed for the whole register at once because scores
 * are ranks. One aggregate query, the pure functions of shared/customers/value.ts, then updates in
 * batches with a turn of the event loop between them, so a large register doesn't hold the server.
 * The scores are derived data: a reader in between sees some customers rescored and others not
 * yet, never anything imported only in part.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/client';
import { pyramidTiers, rfmScores, segmentOf } from '../../shared/customers/value';
import { clearStale, isStale, valueSettings } from './settings';

const BATCH = 5_000;
/** Transactions count once their import is done (server/customers/import-transactions.ts). */
export const COUNTED_IMPORT = `import_id in (select id from customer_imports where status = 'done')`;

const running = new WeakMap<Db, Promise<void>>();

async function recompute(db: Db) {
  // Cleared first: a change made while this runs marks the register stale again, for the next read.
  clearStale(db);
  const sqlite = db.$client;
  const rows = sqlite
    .prepare(`
    select c.id as id,
      coalesce(c.given_last_at, max(t.at)) as lastAt,
      coalesce(c.given_frequency, count(t.id)) as frequency,
      coalesce(c.given_monetary, sum(t.amount), 0) as monetary
    from customers c left join customer_transactions t on t.customer_id = c.id and t.${COUNTED_IMPORT}
    group by c.id, c.given_last_at, c.given_frequency, c.given_monetary`)
    .all() as { id: string; lastAt: number | null; frequency: number; monetary: number }[];
  const scores = rfmScores(rows);
  const tiers = pyramidTiers(
    rows.map((r) => r.monetary),
    valueSettings(db).cuts,
  );
  const update = sqlite.prepare(`update customers set last_purchase_at = ?, frequency = ?, monetary = ?,
    r_score = ?, f_score = ?, m_score = ?, segment = ?, tier = ? where id = ?`);
  for (let start = 0; start < rows.length; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(rows.length, start + BATCH); i++) {
        const r = rows[i];
        const s = scores[i];
        update.run(r.lastAt, r.frequency, r.monetary, s.r, s.f, s.m, segmentOf(s), tiers[i], r.id);
      }
    });
    if (start + BATCH < rows.length) await nextTurn();
  }
}

/** Recomputes every customer's value; a call while one runs waits for it and then runs once more. */
export async function recomputeValues(db: Db): Promise<void> {
  const before = running.get(db);
  const next = (before ?? Promise.resolve()).catch(() => undefined).then(() => recompute(db));
  running.set(db, next);
  try {
    await next;
  } finally {
    if (running.get(db) === next) running.delete(db);
  }
}

/** Before a read: recompute when customers changed since the last computation. */
export async function ensureValues(db: Db): Promise<void> {
  if (isStale(db)) await recomputeValues(db);
}
