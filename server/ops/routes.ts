import { count, eq, min } from 'drizzle-orm';
import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { mailJobs, outbox, users } from '../db/tables';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { exposeMetrics } from './metrics';

const same = (a: string, b: string) => {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Readiness: answers 200 only when the database answers a query (a load balancer's check). */
export const readyRoute = new Hono<AppEnv>().get('/', async (c) => {
  try {
    // A table of the schema rather than `select 1`: a database not yet migrated is not ready either.
    await c.var.deps.store.db.select({ id: users.id }).from(users).limit(1);
    return c.json({ ready: true });
  } catch {
    return c.json(
      { ready: false, error: { code: 'database-unavailable', message: 'the database does not answer' } },
      503,
    );
  }
});

/**
 * Prometheus metrics, only with METRICS_TOKEN set (404 otherwise, as if absent) and only to a
 * scraper that sends it as a bearer token.
 */
export const metricsRoute = new Hono<AppEnv>().get('/', async (c) => {
  const token = c.var.deps.config.METRICS_TOKEN;
  if (!token) throw new AppError(404, 'not-found', 'metrics are off: set METRICS_TOKEN to expose them');
  const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (!sent || !same(sent, token))
    throw new AppError(401, 'unauthenticated', 'metrics need the METRICS_TOKEN as a bearer token');
  const { db } = c.var.deps.store;
  const [[backlog], [mail]] = await Promise.all([
    db
      .select({ n: count(), oldest: min(outbox.createdAt) })
      .from(outbox)
      .where(eq(outbox.status, 'pending')),
    db.select({ n: count() }).from(mailJobs).where(eq(mailJobs.status, 'running')),
  ]);
  const now = c.var.deps.clock.now();
  const text = exposeMetrics([
    { name: 'yardstick_outbox_pending', help: 'Webhook posts and e-mails waiting to be delivered.', value: backlog.n },
    {
      name: 'yardstick_outbox_oldest_pending_seconds',
      help: 'Age of the oldest message waiting in the outbox.',
      value: backlog.oldest === null ? 0 : Math.max(0, (now - backlog.oldest) / 1000),
    },
    { name: 'yardstick_mail_jobs_active', help: 'Invitation and reminder mailings still sending.', value: mail.n },
  ]);
  return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
});
