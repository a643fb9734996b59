/**
 * The customer register's figures in `npm run bench` (bench/customers.ts, 100,000 customers and
 * 1,000,000 transactions): on SQLite, then on PostgreSQL (a server of its own with durable
 * defaults) unless left out. Each in a process of its own, since a process talks to one dialect.
 */
import { spawn } from 'node:child_process';
import { startPostgres } from '../tests/support/pg-server';

function run(root: string, env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/customers.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/customers.ts exited ${code}`))));
  });
}

export async function customerFigures(root: string, postgres: boolean) {
  // DATABASE_URL left empty: the child chooses SQLite whatever the caller's environment names.
  await run(root, { DATABASE_URL: '' });
  if (!postgres) return;
  const server = await startPostgres({ durable: true });
  try {
    await run(root, { DATABASE_URL: `${server.url}/postgres` });
  } finally {
    server.stop();
  }
}
