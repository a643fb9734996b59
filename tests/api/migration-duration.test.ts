import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeTestApp } from '../support/api';
import { responseDuration } from '../../server/report/coded-answers';

/**
 * Migration 0008 fills `duration` in for responses that ended before the column existed, in SQL;
 * new ones get it from responseDuration in code. The two must agree.
 */
const migration = readFileSync(new URL('../../drizzle/0008_response_duration.sql', import.meta.url), 'utf8');
const backfill = migration
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .find((s) => /UPDATE `responses`/.test(s))!;

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.cleanup());

describe('the duration backfill of migration 0008', () => {
  it('gives what responseDuration gives: page times summed, else first save to end; nothing for partials', () => {
    t = makeTestApp();
    const c = t.db.$client;
    c.prepare(
      `insert into surveys (id, slug, status, draft, current_wave, created_at, updated_at) values ('s1', 's1', 'open', '{}', 1, 0, 0)`,
    ).run();
    c.prepare(
      `insert into survey_versions (survey_id, version, definition, published_at) values ('s1', 1, '{}', 0)`,
    ).run();
    const cases: [string | null, number, number | null][] = [
      ['{"p1":30000,"p2":1500.5}', 1000, 100_000],
      ['{}', 1000, 61_000],
      [null, 5000, 65_000],
      ['{"p1":"fast","p2":2000}', 0, 10_000],
      ['{"p1":1000}', 0, null],
    ];
    const insert =
      c.prepare(`insert into responses (survey_id, version_id, client_id, status, answers, page_times, started_at, updated_at, completed_at)
      values ('s1', 1, ?, ?, '{}', ?, ?, ?, ?)`);
    cases.forEach(([pageTimes, startedAt, completedAt], i) => {
      insert.run(
        `client-${i}-xyz`,
        completedAt === null ? 'partial' : 'complete',
        pageTimes,
        startedAt,
        completedAt ?? startedAt,
        completedAt,
      );
    });
    c.exec(backfill);
    const got = c.prepare('select duration from responses order by id').pluck().all();
    const expected = cases.map(([pageTimes, startedAt, completedAt]) =>
      completedAt === null
        ? null
        : responseDuration(
            pageTimes === null ? null : (JSON.parse(pageTimes) as Record<string, unknown>),
            completedAt - startedAt,
          ),
    );
    // By hand: 31,500.5 ms of pages; no pages → 60 s and 60 s elapsed; only the number counts → 2 s; a partial has none.
    expect(expected).toEqual([31_500.5, 60_000, 60_000, 2000, null]);
    expect(got).toEqual(expected);
  });
});
