/**
 * Keeping every customer's value current: the figures (from transactions, or given ready-made),
 * RFM scores, segment and pyramid tier, recomputed for the whole register at once because scores
 * are ranks. One aggregate query, the pure functions of shared/customers/value.ts, and one
 * transaction of updates.
 */
import type { Db } from '../db/client';
import { pyramidTiers, rfmScores, segmentOf } from '../../shared/customers/value';
import { clearStale, isStale, valueSettings } from './settings';

export function recomputeValues(db: Db) {
  const sqlite = db.$client;
  const rows = sqlite.prepare(`
    select c.id as id,
      coalesce(c.given_last_at, max(t.at)) as lastAt,
      coalesce(c.given_frequency, count(t.id)) as frequency,
      coalesce(c.given_monetary, sum(t.amount), 0) as monetary
    from customers c left join customer_transactions t on t.customer_id = c.id
    group by c.id, c.given_last_at, c.given_frequency, c.given_monetary`).all() as { id: string; lastAt: number | null; frequency: number; monetary: number }[];
  const scores = rfmScores(rows);
  const tiers = pyramidTiers(rows.map((r) => r.monetary), valueSettings(db).cuts);
  const update = sqlite.prepare(`update customers set last_purchase_at = ?, frequency = ?, monetary = ?,
    r_score = ?, f_score = ?, m_score = ?, segment = ?, tier = ? where id = ?`);
  db.transaction(() => {
    rows.forEach((r, i) => {
      const s = scores[i];
      update.run(r.lastAt, r.frequency, r.monetary, s.r, s.f, s.m, segmentOf(s), tiers[i], r.id);
    });
    clearStale(db);
  });
}

/** Before a read: recompute when customers changed since the last computation. */
export function ensureValues(db: Db) {
  if (isStale(db)) recomputeValues(db);
}
