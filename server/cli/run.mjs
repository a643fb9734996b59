// @ts-check
/**
 * `npm start`, `npm run demo`, `npm run backup`, `npm run migrate-to-postgres`: runs the compiled command with plain node,
 * building first when the build is missing or older than the sources (a fresh clone, a pull).
 * A production install (dev dependencies pruned) has no build tools: it runs the build it has
 * and says that the sources are newer.
 * Usage: node server/cli/run.mjs <start|demo|backup|migrate-to-postgres> [args…] [--no-build]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, build, isStale } from './build.mjs';

const [command, ...rest] = process.argv.slice(2);
if (!['start', 'demo', 'backup', 'migrate-to-postgres'].includes(command ?? '')) {
  console.error('usage: node server/cli/run.mjs <start|demo|backup|migrate-to-postgres> [args…]');
  process.exit(2);
}
const entry = join(ROOT, `dist/server/cli/${command}.js`);

if (!rest.includes('--no-build') && isStale()) {
  let canBuild = true;
  try {
    await import('vite');
    await import('esbuild');
  } catch {
    canBuild = false;
  }
  if (canBuild) {
    console.log('Building (the build is missing or older than the sources)…');
    await build();
  } else if (existsSync(entry)) {
    console.warn(
      'The sources are newer than the build, and the build tools are not installed (a production install): running the existing build. Run `npm run build` where dev dependencies are installed.',
    );
  } else {
    console.error('There is no build and the build tools are not installed: run `npm ci && npm run build` first.');
    process.exit(1);
  }
}
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(entry).href);
