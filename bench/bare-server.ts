/**
 * The reference: bare Hono + better-sqlite3 storing the same payload as one JSON row per
 * request, with the same pragmas as Yardstick. What Yardstick adds (validation, idempotency,
 * version lookup) is the difference between the two figures.
 */
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'create table if not exists r (id integer primary key, client_id text unique, body text not null, at integer not null)',
);
const insert = db.prepare('insert into r (client_id, body, at) values (?, ?, ?)');
const app = new Hono().post('/r', async (c) => {
  const body = await c.req.json<{ clientId: string }>();
  insert.run(body.clientId, JSON.stringify(body), Date.now());
  return c.json({ ok: true }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
