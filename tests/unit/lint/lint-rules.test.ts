/**
 * The lint rules `npm test` relies on really fire: an import cycle and a route that reads the tables
 * are errors under the project's own biome.jsonc (copied beside probe files, with only its file
 * selection widened to them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const biome = join(root, 'node_modules/.bin/biome');
let dir = '';

function write(path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function lint(): { code: number; out: string } {
  try {
    const out = execFileSync(biome, ['lint', '--max-diagnostics=50', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lint-probe-'));
  const config = readFileSync(join(root, 'biome.jsonc'), 'utf8')
    .replace(/"\$schema":[^\n]*\n/, '')
    .replace(/"vcs": \{[^}]*\}/, '"vcs": { "enabled": false }')
    .replace(/"includes": \[[^\]]*"server\/\*\*",[^\]]*\]/, '"includes": ["**"]');
  expect(config).toContain('"includes": ["**"]');
  write('biome.jsonc', config);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lint rules held by npm test', () => {
  it('accepts clean probe files', () => {
    write('server/area/clean.ts', 'export const one = 1;\n');
    const r = lint();
    expect(r.out).not.toContain('noImportCycles');
    expect(r.code).toBe(0);
  });

  it('fails on an import cycle', () => {
    write('server/area/a.ts', "import { b } from './b';\n\nexport const a = () => b() + 1;\n");
    write('server/area/b.ts', "import { a } from './a';\n\nexport const b = () => (a ? 1 : 0);\n");
    const r = lint();
    expect(r.out).toContain('lint/suspicious/noImportCycles');
    expect(r.code).not.toBe(0);
    rmSync(join(dir, 'server/area/a.ts'));
    rmSync(join(dir, 'server/area/b.ts'));
  });

  it('fails when a route file imports the database tables', () => {
    write('server/db/schema.ts', 'export const users = {};\n');
    write('server/area/routes.ts', "import { users } from '../db/schema';\n\nexport const routes = [users];\n");
    const r = lint();
    expect(r.out).toContain('lint/style/noRestrictedImports');
    expect(r.out).toContain('only services read the tables');
    expect(r.code).not.toBe(0);
  });
});
