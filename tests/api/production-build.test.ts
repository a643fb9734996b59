import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../server/cli/build.mjs';
import { openDb } from '../../server/db/client';
import { loadDemo } from '../../server/demo/service';
import { ADMIN } from '../support/api';
import { startServerProcess } from '../support/process';

/**
 * The compiled server (dist/server on plain node, no TypeScript loader) is what production runs:
 * these tests build it and run it as a process. The client build is the browser tests' concern.
 */
const dir = mkdtempSync(join(tmpdir(), 'yardstick-prod-'));
beforeAll(() => buildServer(), 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoDb = (name: string, responses: number) => {
  const path = join(dir, name);
  const db = openDb(path);
  const survey = loadDemo(db, Date.UTC(2026, 10, 23), null, responses);
  db.$client.close();
  return { path, survey };
};

describe('the compiled server', () => {
  it('runs on plain node, serves the API, and builds a large report in worker threads loaded from the build', async () => {
    const { path, survey } = demoDb('workers.db', 1_200);
    // Workers from 1,000 responses, so this survey's first report is built in them.
    const server = await startServerProcess({ DATABASE_PATH: path, REPORT_WORKERS_FROM: '1000' }, { compiled: true });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      const setup = await fetch(`${base}/api/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify(ADMIN),
      });
      expect(setup.status).toBe(201);
      const cookie = setup.headers.get('set-cookie')!.split(';')[0];
      const report = await fetch(`${base}/api/surveys/${survey.id}/report`, { headers: { cookie } });
      expect(report.status).toBe(200);
      expect((await report.json()).completes).toBe(1_200);
      // A questionnaire file over 4 KB is read in the import worker, which must load from the build too.
      const csrf = (await setup.clone().json()).csrf as string;
      const elements = Array.from({ length: 60 }, (_, i) => ({
        type: 'radiogroup',
        name: `q${i}`,
        title: `Question number ${i}`,
        choices: ['Yes', 'No', 'Maybe'],
      }));
      const content = JSON.stringify({ title: 'Big', pages: [{ name: 'p1', elements }] });
      expect(content.length).toBeGreaterThan(4096);
      const converted = await fetch(`${base}/api/surveys/convert`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: base, 'x-csrf-token': csrf },
        body: JSON.stringify({ content }),
      });
      expect(converted.status).toBe(200);
      expect((await converted.json()).definition.pages[0].questions).toHaveLength(60);
      // A worker that failed to load (a TypeScript path, a missing file) falls back to one pass with this warning.
      expect(server.output()).not.toContain('parallel build failed');
      expect(server.output()).toContain('Yardstick is running at');
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);

  it('stops gracefully on SIGTERM under submission load: every acknowledged response stored once, the database closed', async () => {
    const { path, survey } = demoDb('sigterm.db', 0);
    const versionId = survey.versions[0].id;
    const server = await startServerProcess({ DATABASE_PATH: path }, { compiled: true });
    const acknowledged: string[] = [];
    const failed: string[] = [];
    let stopped = false;
    const body = (clientId: string) =>
      JSON.stringify({
        clientId,
        versionId,
        complete: true,
        answers: {
          osat: 4,
          nps: 9,
          return: 'probably',
          attrs: { checkin: 4, room: 5, cleanliness: 5, staff: 4, breakfast: 3, value: 4 },
          purpose: 'leisure',
        },
      });
    const worker = async (w: number) => {
      for (let i = 0; !stopped && i < 10_000; i++) {
        const clientId = `term-${w}-${i.toString().padStart(6, '0')}`;
        try {
          const r = await fetch(`http://127.0.0.1:${server.port}/api/public/s/demo/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(clientId),
          });
          if (r.status === 201 || r.status === 200) acknowledged.push(clientId);
          else failed.push(`${clientId}: ${r.status}`);
        } catch {
          return; // refused: the server has stopped listening
        }
      }
    };
    const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    const workers = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGTERM');
    const code = await exited;
    stopped = true;
    await workers;

    expect(code).toBe(0);
    expect(server.output()).toContain('Stopped:');
    expect(failed).toEqual([]);
    // Closed, not killed: the last connection's close checkpoints the write-ahead log and removes it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const check = new Database(path, { readonly: true });
    const rows = check
      .prepare("select client_id as id, count(*) as n from responses where status = 'complete' group by client_id")
      .all() as { id: string; n: number }[];
    check.close();
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    expect(acknowledged.filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
  }, 60_000);
});
