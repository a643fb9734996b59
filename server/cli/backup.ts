import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../config';
import { pgTool } from '../ops/pg-tools';

/**
 * Usage: npm run backup [-- target-file]
 * SQLite: copies the live database with SQLite's online backup API, consistent even while the
 * server writes, and checks the copy's integrity. PostgreSQL (DATABASE_URL): pg_dump's custom
 * format, one consistent snapshot while the nodes go on serving, checked by pg_restore reading
 * its table of contents; restore it with pg_restore (README, "Backups").
 */
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (config.DATABASE_URL) {
  const target = resolve(process.argv[2] ?? `./data/backups/yardstick-${stamp}.dump`);
  mkdirSync(dirname(target), { recursive: true });
  try {
    execFileSync(pgTool('pg_dump'), ['--format=custom', `--file=${target}`, `--dbname=${config.DATABASE_URL}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    fail(`pg_dump failed: ${(e as { stderr?: Buffer }).stderr?.toString().trim() || String(e)}`);
  }
  let contents: string;
  try {
    contents = execFileSync(pgTool('pg_restore'), ['--list', target], { encoding: 'utf8' });
  } catch {
    fail(`Backup written to ${target} but pg_restore cannot read it`);
  }
  const tables = contents.split('\n').filter((line) => line.includes(' TABLE DATA ')).length;
  console.log(`Backup written to ${target} (pg_restore reads it: ${tables} tables)`);
} else {
  const target = resolve(process.argv[2] ?? `./data/backups/yardstick-${stamp}.db`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(config.DATABASE_PATH, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  await db.backup(target);
  db.close();
  const check = new Database(target, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') fail(`Backup written to ${target} but its integrity check said: ${ok}`);
  console.log(`Backup written to ${target} (integrity ok)`);
}
