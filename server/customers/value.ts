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
import { pyramidTiers, quintileScores, recencyFigure, segmentOf } from '../../shared/customers/value';
import { clearStale, isStale, valueSettings } from './settings';

const BATCH = 5_000;

interface Figures {
  id: string;
  lastAt: number | null;
  frequency: number;
  monetary: number;
}
/** Transactions count once their import is done (server/customers/import-transactions.ts). */
export const COUNTED_IMPORT = `import_id in (select id from customer_imports where status = 'done')`;

const running = new WeakMap<Db, Promise<void>>();

async function recompute(db: Db) {
  // Cleared first: a change made while this runs marks the register stale again, for the next read.
  clearStale(db);
  const sqlite = db.$client;
  // A page of customers (in id order) per turn of the event loop: in one query, 100,000 customers
  // with their transactions held it for a quarter of a second. The page's upper id first, then its aggregate over that id range: bounded by both ends, each
  // page costs its own customers only (a LIMIT on the grouped join re-grouped everything after the
  // lower bound, which grew with the square of the register).
  const upper = sqlite
    .prepare(`select max(id) from (select id from customers where id > ? order by id limit ${BATCH}) p`)
    .pluck();
  const page = sqlite.prepare(`
    select c.id as id,
      coalesce(c.given_last_at, max(t.at)) as lastAt,
      coalesce(c.given_frequency, count(t.id)) as frequency,
      coalesce(c.given_monetary, sum(t.amount), 0) as monetary
    from customers c left join customer_transactions t on t.customer_id = c.id and t.${COUNTED_IMPORT}
    where c.id > ? and c.id <= ?
    group by c.id, c.given_last_at, c.given_frequency, c.given_monetary
    order by c.id`);
  const rows: Figures[] = [];
  for (let after = ''; ; ) {
    const last = upper.get(after) as string | null;
    if (last === null) break;
    for (const r of page.all(after, last) as Figures[]) rows.push(r);
    after = last;
    await nextTurn();
  }
  // Each dimension in a turn of its own.
  const r = quintileScores(rows.map(recencyFigure));
  await nextTurn();
  const f = quintileScores(rows.map((x) => x.frequency));
  await nextTurn();
  const m = quintileScores(rows.map((x) => x.monetary));
  await nextTurn();
  const tiers = pyramidTiers(
    rows.map((x) => x.monetary),
    valueSettings(db).cuts,
  );
  await nextTurn();
  const update = sqlite.prepare(`update customers set last_purchase_at = ?, frequency = ?, monetary = ?,
    r_score = ?, f_score = ?, m_score = ?, segment = ?, tier = ? where id = ?`);
  for (let start = 0; start < rows.length; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(rows.length, start + BATCH); i++) {
        const x = rows[i];
        const segment = segmentOf({ r: r[i], f: f[i], m: m[i] });
        update.run(x.lastAt, x.frequency, x.monetary, r[i], f[i], m[i], segment, tiers[i], x.id);
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
