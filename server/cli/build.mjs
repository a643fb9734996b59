// @ts-check
/**
 * `npm run build`: the client's two Vite entries into dist/client and the server, compiled and
 * bundled per entry by esbuild, into dist/server, so production runs plain `node` with no
 * TypeScript loader. Plain JavaScript because it runs before anything is compiled.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Written last by a build: its time is the build's, and a build that failed halfway leaves none. */
const STAMP = 'dist/.built';
const SOURCES = ['client', 'shared', 'server', 'drizzle', 'drizzle-pg', 'vite.config.ts', 'package.json'];
/** What the compiled server starts from: each becomes dist/server/<path>.js. */
const SERVER_ENTRIES = [
  'cli/start.ts',
  'cli/demo.ts',
  'cli/backup.ts',
  'cli/migrate-to-postgres.ts',
  'report/columns-worker.ts',
  'survey/import-worker.ts',
];

/** @param {string} path */
function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when there is no complete build or a source changed after it. */
export function isStale(root = ROOT) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((p) => existsSync(join(root, p)) && newestMtime(join(root, p)) > built);
}

/** Builds the client (both entries) into dist/client. */
export async function buildClient(root = ROOT) {
  const { build } = await import('vite');
  for (const mode of ['production', 'respondent'])
    await build({ configFile: join(root, 'vite.config.ts'), mode, logLevel: 'warn' });
}

/** Compiles the server into dist/server: one file per entry, shared code in chunks, packages left to node_modules. */
export async function buildServer(root = ROOT) {
  const esbuild = await import('esbuild');
  const outdir = join(root, 'dist/server');
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: SERVER_ENTRIES.map((e) => join('server', e)),
    outbase: 'server',
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** The whole build; the stamp goes last. */
export async function build(root = ROOT) {
  rmSync(join(root, STAMP), { force: true });
  await buildClient(root);
  await buildServer(root);
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  await build();
  console.log(`Built dist/client and dist/server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
