import { build } from 'vite';
import { resolve } from 'node:path';

/** Browser tests run against the real built client, so build it once before them. */
export default async function setup() {
  await build({ configFile: resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
}
