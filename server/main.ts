import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabases } from './db/open';
import { systemClock, type AppDeps } from './http/context';
import { outboxOf } from './alerts/outbox';
import { recodeInBackground } from './report/recode';
import { startWorkers } from './workers';
import type { Config } from './config';
import { CLIENT_DIR } from './paths';

export { ROOT } from './paths';

/**
 * The background work of a node: the outbox, mailings and escalation (each node claims what it
 * sends), and the report's recoding of old rows.
 */
function startBackground(deps: AppDeps) {
  // Rows from before the report's current coded form (an upgraded or moved database) are coded again.
  const recoding = recodeInBackground(deps.store);
  startWorkers(deps);
  return {
    // Webhook attempts in flight finish first; whatever is still pending is sent after the next start.
    stop: async () => {
      recoding.stop();
      await outboxOf(deps.store)?.stop();
    },
  };
}

/** The database a node serves from, for its logs: the SQLite file, or PostgreSQL's host and database without credentials. */
export function databaseName(config: Config): string {
  if (!config.DATABASE_URL) return config.DATABASE_PATH;
  const url = new URL(config.DATABASE_URL);
  return `postgres://${url.host}${url.pathname}`;
}

/**
 * Opens (and migrates) the database, the SQLite file or the PostgreSQL database of DATABASE_URL,
 * and serves the app; resolves once listening.
 */
export async function startServer(config: Config) {
  const { db, store } = await openDatabases(config);
  const deps = { db, store, config, clock: systemClock, clientDir: CLIENT_DIR };
  const app = createApp(deps);
  return new Promise<{ url: string; close: () => Promise<void> }>((res) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
      const url = config.PUBLIC_URL ?? `http://${host}:${info.port}`;
      const background = startBackground(deps);
      res({
        url,
        close: () =>
          new Promise<void>((done) =>
            server.close(() => {
              void background
                .stop()
                .finally(() => store.close())
                .finally(done);
            }),
          ),
      });
    });
  });
}
