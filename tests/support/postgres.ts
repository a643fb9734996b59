import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePg } from '../../server/db/pg-store';

/** The database every test database is copied from: migrated once, so each test starts in milliseconds. */
export const TEMPLATE_DB = 'yardstick_template';

/** The newest PostgreSQL server installed from Debian's `postgresql` package. */
function serverBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) {
    throw new Error('The PostgreSQL tests need a PostgreSQL server: apt-get install postgresql (.ci/run does)');
  }
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

/** PostgreSQL refuses to run as root: its tools run as the `postgres` user when the tests run as root. */
function asPostgres(bin: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

/**
 * Vitest global setup of the PostgreSQL test project: a real server of its own (data directory in
 * a temp folder, a free port on 127.0.0.1, fsync off since the cluster is thrown away), a template
 * database migrated once, and the server's address handed to the tests. Stopped at the end.
 */
export default async function setup(project: TestProject) {
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  asPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);

  const url = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const template = new pg.Pool({ connectionString: `${url}/${TEMPLATE_DB}`, max: 1 });
  await migratePg(template);
  await template.end();
  project.provide('postgresUrl', url);
  project.provide('postgresBin', bin);

  return () => {
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresBin: string;
  }
}
