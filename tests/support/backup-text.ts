import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import type { makeTestApp } from './api';

/**
 * What a backup of the test app's database made now holds, as text: the bytes of SQLite's online
 * backup of the file, or PostgreSQL's `pg_dump` of the data. For checking that erased data is gone.
 */
export async function backupText(t: ReturnType<typeof makeTestApp>): Promise<string> {
  if (DIALECT === 'sqlite') {
    const file = join(t.config.DATABASE_PATH, '..', `backup-${Date.now()}.db`);
    await t.db.$client.backup(file);
    return readFileSync(file).toString('utf8');
  }
  const url = new URL(inject('postgresUrl'));
  const database = String(await t.value('select current_database()'));
  return execFileSync(
    join(inject('postgresBin'), 'pg_dump'),
    ['-h', url.hostname, '-p', url.port, '-U', 'postgres', '--data-only', database],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}
