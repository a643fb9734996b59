/**
 * The reference for the coding screen's pages: bare Hono + better-sqlite3 answering a page of
 * open answers by offset from one table of (id, text, lang, score), with the same pragmas as
 * Yardstick and the same JSON shape. What Yardstick adds (the session, the report's columns, the
 * coder's codes) is the difference between the two figures.
 */
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const total = (db.prepare('select count(*) as n from a').get() as { n: number }).n;
const page = db.prepare('select id as responseId, text, lang, score from a order by id limit ? offset ?');
const app = new Hono().get('/a', (c) => {
  const offset = Number(c.req.query('offset') ?? 0);
  const limit = Number(c.req.query('limit') ?? 100);
  const items = (page.all(limit, offset) as object[]).map((row) => ({ ...row, codes: [] }));
  return c.json({ total, offset, items });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
