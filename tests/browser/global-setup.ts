import { build } from 'vite';
import { resolve } from 'node:path';

/** Browser tests run against the real built client, so build it once before them. */
export default async function setup() {
  const configFile = resolve(import.meta.dirname, '../../vite.config.ts');
  for (const mode of ['production', 'respondent']) await build({ configFile, mode, logLevel: 'warn' });
}
