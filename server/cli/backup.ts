import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../config';

/**
 * Copies the live database with SQLite's online backup API: consistent even while the server
 * writes, and the server never has to stop. Usage: npm run backup [-- target-file]
 */
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? `./data/backups/yardstick-${stamp}.db`);
mkdirSync(dirname(target), { recursive: true });
const db = new Database(config.DATABASE_PATH, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const ok = check.pragma('integrity_check', { simple: true });
check.close();
if (ok !== 'ok') {
  console.error(`Backup written to ${target} but its integrity check said: ${ok}`);
  process.exit(1);
}
console.log(`Backup written to ${target} (integrity ok)`);
