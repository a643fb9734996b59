import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/db/client';
import { loadDemo } from '../../server/demo/service';
import { startServerProcess } from '../support/process';

const dir = mkdtempSync(join(tmpdir(), 'yardstick-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety', () => {
  it('keeps every submission that was answered 2xx when the server is killed with SIGKILL mid-stream', async () => {
    const dbPath = join(dir, 'crash.db');
    const db = openDb(dbPath);
    const versionId = loadDemo(db, Date.now(), null, 0).versions[0].id;
    db.$client.close();

    const server = await startServerProcess({ DATABASE_PATH: dbPath });
    const acknowledged: string[] = [];
    let killed = false;
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
      for (let i = 0; !killed && i < 10_000; i++) {
        const clientId = `crash-${w}-${i.toString().padStart(6, '0')}`;
        try {
          const r = await fetch(`http://127.0.0.1:${server.port}/api/public/s/demo/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(clientId),
          });
          if (r.status === 201 || r.status === 200) acknowledged.push(clientId);
        } catch {
          return; // the server is gone
        }
      }
    };
    const exited = new Promise((r) => server.child.once('exit', r));
    const workers = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    // Kill once a few hundred have been acknowledged, while requests are in flight.
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    killed = true;
    await exited;
    await workers;

    // A restart applies the WAL and serves again; every acknowledged response is there, once.
    const again = await startServerProcess({ DATABASE_PATH: dbPath });
    const check = new Database(dbPath, { readonly: true });
    const rows = check
      .prepare("select client_id as id, count(*) as n from responses where status = 'complete' group by client_id")
      .all() as { id: string; n: number }[];
    check.close();
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    expect(acknowledged.filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    const health = await fetch(`http://127.0.0.1:${again.port}/api/health`);
    expect(health.status).toBe(200);
    again.child.kill('SIGTERM');
  }, 60_000);
});
