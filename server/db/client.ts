import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { MIGRATIONS_DIR } from '../paths';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file and applies pending migrations.
 * WAL lets report reads run beside submission writes; synchronous=NORMAL in WAL mode keeps every
 * committed transaction across a process crash (only an OS crash or power loss can drop the last
 * few), at a fraction of FULL's fsync cost — see README, "Durability".
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted and rewritten rows are overwritten, not left in free space: an erased customer
  // (server/customers/privacy.ts) must not survive in the file or a backup of it.
  sqlite.pragma('secure_delete = ON');
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}
