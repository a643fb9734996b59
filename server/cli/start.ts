import { loadConfig } from '../config';
import { databaseName, startServer } from '../main';
import { log, setLogLevel } from '../ops/log';

const config = loadConfig();
setLogLevel(config.LOG_LEVEL);
const server = await startServer(config);
log.info(`Yardstick is running at ${server.url}`, { url: server.url, database: databaseName(config) });

/** Past this, a shutdown that is still waiting (a stuck connection) exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second signal: the operator wants out now
    stopping = true;
    log.info(`${signal}: finishing requests in flight, then stopping`);
    setTimeout(() => {
      log.error(`Still busy after ${SHUTDOWN_GRACE_MS / 1000} s: stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    void server.close().then(() => {
      log.info('Stopped: every answered request is stored and the database is closed');
      process.exit(0);
    });
  });
}
