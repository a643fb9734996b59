/**
 * Keeping every customer's value current: the figures (from transactions, or given ready-made),
 * RFM scores, segment and pyramid tier, recomputed for the whole register at once because scores
 * are ranks. One aggregate read, the pure functions of shared/customers/value.ts, then updates in
 * batches with a turn of the event loop between them, so a large register doesn't hold the server.
 * The scores are derived data: a reader in between sees some customers rescored and others not
 * yet, never anything imported only in part.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '../db/store';
import { pyramidTiers, quintileScores, recencyFigure, segmentOf } from '../../shared/customers/value';
import { clearStale, isStale, markFiguresStale, takeFiguresStale, valueSettings } from './settings';
import { statements } from './statements';

const running = new WeakMap<Store, Promise<void>>();

async function recompute(store: Store, now: number) {
  // Cleared first: a change made while this runs marks the register stale again, for the next read.
  await store.run(clearStale);
  const aggregate = await store.run(takeFiguresStale);
  try {
    await score(store, aggregate, now);
  } catch (err) {
    if (aggregate) await store.run((db) => markFiguresStale(db, now));
    throw err;
  }
}

/**
 * Scores every customer. Their figures are aggregated from the transactions only when transactions
 * came in since the last time; otherwise (a customer added, the cut points changed) the figures
 * stored then are ranked again, which at 1,000,000 transactions is several times faster.
 */
async function score(store: Store, aggregate: boolean, now: number) {
  const rows = await statements.figures(store, aggregate);
  // Each dimension in a turn of its own.
  const r = quintileScores(rows.map(recencyFigure));
  await nextTurn();
  const f = quintileScores(rows.map((x) => x.frequency));
  await nextTurn();
  const m = quintileScores(rows.map((x) => x.monetary));
  await nextTurn();
  const { cuts } = await store.run(valueSettings);
  const tiers = pyramidTiers(
    rows.map((x) => x.monetary),
    cuts,
  );
  await nextTurn();
  const segments = rows.map((_, i) => segmentOf({ r: r[i], f: f[i], m: m[i] }));
  await statements.writeValues(store, rows, { r, f, m, segments, tiers }, now);
}

/**
 * Recomputes every customer's value, and records in their history each value that changed at
 * `now`; a call while one runs waits for it and then runs once more.
 * Nodes sharing a database may recompute at once: each writes the same values from the same rows,
 * and a change one of them misses leaves the register stale for the next read.
 */
export async function recomputeValues(store: Store, now: number): Promise<void> {
  const before = running.get(store);
  const next = (before ?? Promise.resolve()).catch(() => undefined).then(() => recompute(store, now));
  running.set(store, next);
  try {
    await next;
  } finally {
    if (running.get(store) === next) running.delete(store);
  }
}

/** Before a read: recompute when customers changed since the last computation. */
export async function ensureValues(store: Store, now: number): Promise<void> {
  if (await store.run(isStale)) await recomputeValues(store, now);
}
