import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/db/client';
import { loadDemo } from '../../server/demo/service';
import { buildReport } from '../../server/report/service';
import { sqliteStore } from '../../server/db/sqlite-store';
import { hotelRespondent, seeded } from '../../server/demo/hotel';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tick = () => new Promise((r) => setImmediate(r));
const NOW = Date.UTC(2026, 10, 23, 9);

/** A completed response inserted as collection stores one, `minutes` after NOW. */
function addResponse(db: Db, surveyId: string, versionId: number, clientId: string, minutes: number, osat: number) {
  const { answers, hidden } = hotelRespondent(seeded(minutes));
  const at = NOW + minutes * 60_000;
  db.$client
    .prepare(
      `insert into responses (survey_id, version_id, client_id, status, answers, hidden, page_times, wave, quota_cell, page, is_test, started_at, updated_at, completed_at)
     values (?, ?, ?, 'complete', ?, ?, '{}', 1, null, 2, 0, ?, ?, ?)`,
    )
    .run(
      surveyId,
      versionId,
      clientId,
      JSON.stringify({ ...answers, osat }),
      JSON.stringify(hidden),
      at - 60_000,
      at,
      at,
    );
}

/** The report as a node on `db` builds it. */
const reportOn = (db: Db, id: string) => buildReport(sqliteStore(db), id);

type Osat = { n: number; counts: { count: number }[] };
const osatOf = async (db: Db, id: string) => (await reportOn(db, id)).questions.find((q) => q.id === 'osat') as Osat;

describe('report columns kept on disk', () => {
  it('writes a snapshot after the first report, answers a restarted process from it plus the newer rows, and drops it when it no longer matches the table', async () => {
    const path = join(dir, 'snap.db');
    const first = openDb(path);
    const survey = loadDemo(first, NOW, null, 1200);
    const versionId = survey.versions[0].id;
    const before = await reportOn(first, survey.id);
    expect(before.completes).toBe(1200);
    await tick();
    expect(readdirSync(`${path}-reports`)).toEqual([`${survey.id}.v8`]);
    first.$client.close();

    // A "restart": a new handle has no columns in memory. Change one stored answer behind the
    // cache's back: a report built from the snapshot still shows the old value, which proves the
    // snapshot was read rather than the table.
    const second = openDb(path);
    const row = second.$client
      .prepare(`select id, answers from responses where survey_id = ? and status = 'complete' limit 1`)
      .get(survey.id) as { id: number; answers: string };
    const old = JSON.parse(row.answers).osat as number;
    const changed = old === 5 ? 1 : 5;
    second.$client
      .prepare('update responses set answers = ? where id = ?')
      .run(JSON.stringify({ ...JSON.parse(row.answers), osat: changed }), row.id);
    addResponse(second, survey.id, versionId, 'late-1', 10, 3);
    addResponse(second, survey.id, versionId, 'late-2', 11, 3);
    const restarted = await reportOn(second, survey.id);
    expect(restarted.completes).toBe(1202);
    const counts = (r: Osat) => r.counts.map((c) => c.count);
    const expected = counts(before.questions.find((q) => q.id === 'osat') as Osat);
    expected[3 - 1] += 2; // the two new responses, both osat 3
    expect(counts(await osatOf(second, survey.id))).toEqual(expected);
    second.$client.prepare('update responses set answers = ? where id = ?').run(row.answers, row.id);
    second.$client.close();

    // Delete a response: the snapshot's count no longer matches, so it is ignored and rebuilt.
    const third = openDb(path);
    third.$client.prepare('delete from responses where id = ?').run(row.id);
    const rebuilt = await reportOn(third, survey.id);
    expect(rebuilt.completes).toBe(1201);
    const direct = third.$client
      .prepare(
        `select json_extract(answers, '$.osat') as o, count(*) as n from responses where survey_id = ? and status = 'complete' group by o order by o`,
      )
      .all(survey.id) as { o: number; n: number }[];
    expect(counts(await osatOf(third, survey.id))).toEqual(
      [1, 2, 3, 4, 5].map((p) => direct.find((d) => d.o === p)?.n ?? 0),
    );
    third.$client.close();
  });

  it('keeps no snapshot for an in-memory database', async () => {
    const db = openDb(':memory:');
    const survey = loadDemo(db, NOW, null, 1200);
    expect((await reportOn(db, survey.id)).completes).toBe(1200);
    await tick();
    expect(existsSync(':memory:-reports')).toBe(false);
    db.$client.close();
  });
});
