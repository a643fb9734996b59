import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the client when dist/ is missing or older than its sources, so `npm start` on a fresh
 * clone builds and a restart of a built checkout starts at once.
 */
export async function buildIfStale(root: string): Promise<boolean> {
  const marker = join(root, 'dist/client/respondent/index.html');
  const sources = ['client', 'shared', 'vite.config.ts'].map((p) => join(root, p));
  if (existsSync(marker)) {
    const built = statSync(marker).mtimeMs;
    const newest = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)));
    if (newest <= built) return false;
  }
  console.log('Building the client…');
  const { build } = await import('vite');
  for (const mode of ['production', 'respondent']) await build({ configFile: join(root, 'vite.config.ts'), mode, logLevel: 'warn' });
  return true;
}
