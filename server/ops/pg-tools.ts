import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The path of one of PostgreSQL's client programs (pg_dump, pg_restore): the newest of Debian's
 * /usr/lib/postgresql/<version>/bin, whose pg_dump can read any older server, else the PATH's.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? join(root, versions[0], 'bin', name) : name;
}
