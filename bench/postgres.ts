/**
 * Figures on PostgreSQL, beside their references in the same run: completed submissions through
 * HTTP on one node, on two nodes sharing the database (the combined figure), and a bare Hono +
 * node-postgres insert of the same payload. The server is Debian's PostgreSQL on this machine with
 * its durable defaults (fsync and synchronous commit on), started in a temp directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { load } from './load';
import { serverBin, startPostgres } from '../tests/support/pg-server';
import { firstAdmin, publishedSurvey } from '../tests/support/http-agent';
import { hotelDefinition } from '../server/demo/hotel';

type Start = (args: string[], env: Record<string, string>) => Promise<{ child: ChildProcess; port: number }>;
type Print = (name: string, value: number, unit: string, digits?: number) => void;

export function postgresInstalled(): boolean {
  try {
    serverBin();
    return true;
  } catch {
    return false;
  }
}

async function createDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return `${url}/${name}`;
}

export async function postgresSubmissions(
  start: Start,
  print: Print,
  payload: (versionId: number) => (i: number, prefix: string) => string,
  seconds: number,
) {
  const server = await startPostgres({ durable: true });
  const nodes: ChildProcess[] = [];
  try {
    const url = await createDatabase(server.url, 'yardstick');
    const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '0' };
    const a = await start(['dist/server/cli/start.js'], env);
    nodes.push(a.child);
    const admin = await firstAdmin(`http://127.0.0.1:${a.port}`);
    const body = payload((await publishedSurvey(admin, hotelDefinition, 'demo')).versionId);
    const path = '/api/public/s/demo/responses';

    await load({ port: a.port, path, body: (i) => body(i, 'warm-a'), seconds: 1, concurrency: 16 });
    const one = await load({ port: a.port, path, body: (i) => body(i, 'one'), seconds, concurrency: 32 });

    const b = await start(['dist/server/cli/start.js'], env);
    nodes.push(b.child);
    await load({ port: b.port, path, body: (i) => body(i, 'warm-b'), seconds: 1, concurrency: 16 });
    const [onA, onB] = await Promise.all([
      load({ port: a.port, path, body: (i) => body(i, 'two-a'), seconds, concurrency: 16 }),
      load({ port: b.port, path, body: (i) => body(i, 'two-b'), seconds, concurrency: 16 }),
    ]);
    for (const n of nodes.splice(0)) n.kill('SIGTERM');

    const bare = await start(['bench/bare-server-pg.ts', await createDatabase(server.url, 'bare')], {});
    nodes.push(bare.child);
    await load({ port: bare.port, path: '/r', body: (i) => body(i, 'warm'), seconds: 1, concurrency: 16 });
    const ref = await load({ port: bare.port, path: '/r', body: (i) => body(i, 'sub'), seconds, concurrency: 32 });

    print('pg_submissions_per_s', one.perSecond, 'req/s');
    print('pg_submissions_p99', one.p99, 'ms', 1);
    print('pg_submissions_errors', one.errors, 'count');
    print('pg_two_nodes_submissions_per_s', onA.perSecond + onB.perSecond, 'req/s');
    print('pg_two_nodes_submissions_p99', Math.max(onA.p99, onB.p99), 'ms', 1);
    print('pg_two_nodes_submissions_errors', onA.errors + onB.errors, 'count');
    print('reference_bare_hono_pg_per_s', ref.perSecond, 'req/s');
    print('reference_bare_hono_pg_p99', ref.p99, 'ms', 1);
  } finally {
    for (const n of nodes) n.kill('SIGTERM');
    server.stop();
  }
}

/**
 * The report's figures on PostgreSQL (bench/report-pg.ts), printed beside SQLite's: in a process
 * of its own, since a process talks to one dialect, on a server of its own with durable defaults.
 */
export async function postgresReports(root: string, sizes: number[]) {
  const server = await startPostgres({ durable: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/report-pg.ts', ...sizes.map(String)], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `${server.url}/postgres` },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/report-pg.ts exited ${code}`))));
    });
  } finally {
    server.stop();
  }
}
