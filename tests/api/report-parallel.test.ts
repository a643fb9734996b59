import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/db/client';
import { sqliteStore } from '../../server/db/sqlite-store';
import { loadDemo } from '../../server/demo/service';
import { buildReport, prepareReport } from '../../server/report/service';

// Workers start from PARALLEL_MIN responses (150,000); seeding that many through the demo would
// take a minute, so this test lowers the threshold and seeds a tenth.
const PARALLEL_FROM = 12_000;

const dir = mkdtempSync(join(tmpdir(), 'yardstick-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the first build of a large survey's report columns in worker threads", () => {
  it('gives exactly the report one synchronous pass gives, and is shared by concurrent requests', async () => {
    const path = join(dir, 'big.db');
    const seed = openDb(path);
    const survey = loadDemo(seed, Date.UTC(2026, 10, 23), null, PARALLEL_FROM + 2_000);
    seed.$client.close();

    // One pass on the main thread, on a handle of its own; its snapshot is removed so the
    // next handle has nothing on disk to start from.
    const single = openDb(path);
    const expected = await buildReport(sqliteStore(single), survey.id);
    single.$client.close();
    rmSync(`${path}-reports`, { recursive: true, force: true });

    const parallel = openDb(path);
    const store = sqliteStore(parallel);
    const [a, b] = await Promise.all([
      prepareReport(store, survey.id, PARALLEL_FROM),
      prepareReport(store, survey.id, PARALLEL_FROM),
    ]);
    expect([a, b]).toEqual(['parallel', 'parallel']);
    expect(await prepareReport(store, survey.id, PARALLEL_FROM)).toBe('ready');
    const got = await buildReport(store, survey.id);
    expect(got.completes).toBe(PARALLEL_FROM + 2_000);
    expect(got).toEqual(expected);
    parallel.$client.close();
  }, 120_000);
});
