import type { Db } from '../db/client';
import type { Store } from '../db/store';
import type { Config } from '../config';
import type { SessionUser } from '../auth/sessions';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface Deps {
  /** The SQLite database, for the areas still written against it synchronously (docs/postgres.md). */
  db: Db;
  /** The two-dialect data layer; made over `db` when not given. */
  store?: Store;
  config: Config;
  clock: Clock;
  clientDir?: string;
}

export type AppDeps = Deps & { store: Store };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    user: SessionUser | null;
    csrf: string | null;
    /** How the user was recognised: a session cookie (writes need its CSRF token) or an API token. */
    authVia: 'session' | 'token' | null;
    /** From the X-Request-Id header a proxy sent, or made here; echoed in the answer and the logs. */
    requestId: string;
  };
};
