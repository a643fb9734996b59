import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Migration 0009 on a database as 0008 left it: coded rows of the first format (a format byte and
 * the slots, open answers in `extra`) can't be read end to end, so they are cleared and read from
 * their JSON until server/report/recode.ts codes them again; `extra` goes; the report's partial
 * index is made, and the report's read uses it.
 */
const dir = new URL('../../drizzle/', import.meta.url);
const statements = (file: string) =>
  readFileSync(new URL(file, dir), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
const files = readdirSync(dir)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();

let c: Database.Database;
afterEach(() => c.close());

describe('migration 0009', () => {
  it('clears the first format of coded rows, drops extra and indexes what the report reads, keeping every answer', () => {
    c = new Database(':memory:');
    for (const f of files.filter((f) => f < '0009')) for (const s of statements(f)) c.exec(s);
    c.prepare(
      `insert into surveys (id, slug, status, draft, current_wave, created_at, updated_at) values ('s1', 's1', 'open', '{}', 1, 0, 0)`,
    ).run();
    c.prepare(
      `insert into survey_versions (survey_id, version, definition, published_at) values ('s1', 1, '{}', 0)`,
    ).run();
    const insert =
      c.prepare(`insert into responses (survey_id, version_id, client_id, status, answers, coded, extra, started_at, updated_at, completed_at)
      values ('s1', 1, ?, ?, ?, ?, ?, 0, 0, ?)`);
    insert.run('client-1-abc', 'complete', '{"sat":4,"why":"Fine"}', Buffer.from([1, 4, 0]), '{"why":"Fine"}', 1000);
    insert.run('client-2-abc', 'partial', '{"sat":2}', null, null, null);
    const before = c.prepare('select id, status, answers from responses order by id').all();

    expect(files.filter((f) => f >= '0009')[0]).toBe('0009_report_index.sql');
    for (const s of statements('0009_report_index.sql')) c.exec(s);

    expect(c.prepare('select id, status, answers from responses order by id').all()).toEqual(before);
    expect(c.prepare('select count(*) from responses where coded is not null').pluck().get()).toBe(0);
    expect(
      (c.prepare('pragma table_info(responses)').all() as { name: string }[]).map((col) => col.name),
    ).not.toContain('extra');
    const plan = c
      .prepare(`explain query plan select id, completed_at, version_id, wave, quota_cell, hidden, coded from responses
      where survey_id = 's1' and status = 'complete' and is_test = 0 and id between 1 and 10`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([expect.stringContaining('USING COVERING INDEX responses_report_idx')]);
  });
});
