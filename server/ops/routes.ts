import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { exposeMetrics } from './metrics';

const same = (a: string, b: string) => {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Readiness: answers 200 only when the database answers a query (a load balancer's check). */
export const readyRoute = new Hono<AppEnv>().get('/', (c) => {
  try {
    c.var.deps.db.$client.prepare('select count(*) from __drizzle_migrations').pluck().get();
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
export const metricsRoute = new Hono<AppEnv>().get('/', (c) => {
  const token = c.var.deps.config.METRICS_TOKEN;
  if (!token) throw new AppError(404, 'not-found', 'metrics are off: set METRICS_TOKEN to expose them');
  const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (!sent || !same(sent, token))
    throw new AppError(401, 'unauthenticated', 'metrics need the METRICS_TOKEN as a bearer token');
  const db = c.var.deps.db.$client;
  const backlog = db
    .prepare(`select count(*) as n, min(created_at) as oldest from outbox where status = 'pending'`)
    .get() as { n: number; oldest: number | null };
  const mail = db.prepare(`select count(*) from mail_jobs where status = 'running'`).pluck().get() as number;
  const now = c.var.deps.clock.now();
  const text = exposeMetrics([
    { name: 'yardstick_outbox_pending', help: 'Webhook posts and e-mails waiting to be delivered.', value: backlog.n },
    {
      name: 'yardstick_outbox_oldest_pending_seconds',
      help: 'Age of the oldest message waiting in the outbox.',
      value: backlog.oldest === null ? 0 : Math.max(0, (now - backlog.oldest) / 1000),
    },
    { name: 'yardstick_mail_jobs_active', help: 'Invitation and reminder mailings still sending.', value: mail },
  ]);
  return c.body(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
});
