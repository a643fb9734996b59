import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root, found by walking up to the folder that holds `drizzle/` and
 * `package.json`: the same answer whether this module runs from `server/` as TypeScript or
 * bundled into a chunk under `dist/server/`, where a fixed `../..` would point elsewhere.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'drizzle'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No Yardstick checkout (package.json beside drizzle/) above ${from}`);
  }
}

const here = fileURLToPath(import.meta.url);

export const ROOT = findRoot(dirname(here));

/** True when the server runs from the compiled build in `dist/server`, false under a TypeScript loader. */
export const COMPILED = !here.endsWith('.ts');

export const CLIENT_DIR = resolve(ROOT, 'dist/client');
export const SERVER_DIST = resolve(ROOT, 'dist/server');
export const MIGRATIONS_DIR = resolve(ROOT, 'drizzle');
export const PG_MIGRATIONS_DIR = resolve(ROOT, 'drizzle-pg');
