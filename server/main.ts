import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDb } from './db/client';
import { sqliteStore } from './db/sqlite-store';
import { systemClock } from './http/context';
import { outboxOf } from './alerts/outbox';
import { recodeInBackground } from './report/recode';
import { startWorkers } from './workers';
import type { Config } from './config';
import { CLIENT_DIR } from './paths';

export { ROOT } from './paths';

/** Opens (and migrates) the database and serves the app; resolves once listening. */
export function startServer(config: Config) {
  const db = openDb(config.DATABASE_PATH);
  const store = sqliteStore(db);
  const deps = { db, store, config, clock: systemClock, clientDir: CLIENT_DIR };
  const app = createApp(deps);
  return new Promise<{ url: string; close: () => Promise<void> }>((res) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
      const url = config.PUBLIC_URL ?? `http://${host}:${info.port}`;
      // Rows from before the report's current coded form (an upgraded database) are coded again.
      const recoding = recodeInBackground(db);
      startWorkers(deps);
      res({
        url,
        // Webhook attempts in flight finish first; whatever is still pending is sent after the next start.
        close: () =>
          new Promise<void>((done) =>
            server.close(() => {
              recoding.stop();
              void outboxOf(store)
                ?.stop()
                .finally(() => {
                  db.$client.close();
                  done();
                });
            }),
          ),
      });
    });
  });
}
