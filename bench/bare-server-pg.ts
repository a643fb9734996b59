/**
 * The PostgreSQL reference: bare Hono + node-postgres storing the same payload as one JSON row per
 * request, one pool of the size Yardstick uses. What Yardstick adds on PostgreSQL (validation,
 * idempotency, quotas, version lookup) is the difference between the two figures.
 */
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 10 });
await pool.query(
  'create table if not exists r (id bigserial primary key, client_id text unique, body text not null, at bigint not null)',
);
const app = new Hono().post('/r', async (c) => {
  const body = await c.req.json<{ clientId: string }>();
  await pool.query('insert into r (client_id, body, at) values ($1, $2, $3)', [
    body.clientId,
    JSON.stringify(body),
    Date.now(),
  ]);
  return c.json({ ok: true }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
