import { loadConfig } from '../config';
import { startServer, ROOT } from '../main';
import { buildIfStale } from './build-if-stale';

const config = loadConfig();
if (!process.argv.includes('--no-build')) await buildIfStale(ROOT);
const server = await startServer(config);
console.log(`Yardstick is running at ${server.url}  (database: ${config.DATABASE_PATH})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
