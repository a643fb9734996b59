import { mkdtempSync, rmSync } from 'node:fs';
import { answerBody } from './answer-body';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { startWorkers } from '../../server/workers';
import { outboxOf } from '../../server/alerts/outbox';
import { openDb, type Db } from '../../server/db/client';
import { loadConfig, type Config } from '../../server/config';
import { DIALECT } from '../../server/db/dialect';
import { sqliteStore } from '../../server/db/sqlite-store';
import { pgTestDatabase, type Row } from './pg-database';

/** A test clock that only moves when told to. */
export class TestClock {
  constructor(public t = Date.UTC(2026, 10, 23, 9, 0, 0)) {}
  now() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
}

/** The real app on a real database in a fresh temp dir: a SQLite file, or on PostgreSQL a new database. */
export function makeTestApp(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-test-'));
  const config: Config = loadConfig({ DATABASE_PATH: join(dir, 'test.db'), RATE_LIMIT_PER_MINUTE: '0', ...env });
  const clock = new TestClock();
  if (DIALECT === 'pg') {
    const database = pgTestDatabase();
    const db = database.sqliteOnly;
    const app = createApp({ db, store: database.store, config, clock });
    startWorkers({ db, store: database.store, config, clock });
    const anotherNodeDeps = () => ({ db, store: database.anotherStore(), config, clock });
    return {
      app,
      db,
      store: database.store,
      clock,
      config,
      rows: database.rows,
      value: database.value,
      exec: database.exec,
      /** Another app on the same database with connections and memory of its own: a second node. */
      anotherNode: () => createApp(anotherNodeDeps()),
      /** What a second node is made of (its own store), for starting its workers too. */
      anotherNodeDeps,
      async cleanup() {
        await outboxOf(database.store)?.stop();
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const db: Db = openDb(config.DATABASE_PATH);
  const store = sqliteStore(db);
  const nodes: Db[] = [];
  const anotherNodeDeps = () => {
    const other = openDb(config.DATABASE_PATH);
    nodes.push(other);
    return { db: other, store: sqliteStore(other), config, clock };
  };
  const app = createApp({ db, store, config, clock });
  startWorkers({ db, store, config, clock });
  return {
    app,
    db,
    store,
    clock,
    config,
    /** The rows of a raw query (`?` placeholders), on either database. */
    rows: async (text: string, ...params: unknown[]) => db.$client.prepare(text).all(...params) as Row[],
    /** Runs SQL text of one or more statements without parameters, on either database. */
    exec: async (text: string) => {
      db.$client.exec(text);
    },
    /** The first column of a raw query's first row, on either database. */
    value: async (text: string, ...params: unknown[]) =>
      db.$client
        .prepare(text)
        .pluck()
        .get(...params),
    /** Another app on the same database with connections and memory of its own: a second node. */
    anotherNode: () => createApp(anotherNodeDeps()),
    /** What a second node is made of (its own connection and store), for starting its workers too. */
    anotherNodeDeps,
    cleanup() {
      void outboxOf(store)?.stop();
      for (const other of nodes) other.$client.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type App = ReturnType<typeof createApp>;

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Agent {
  cookie = '';
  csrf = '';
  constructor(readonly app: App) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers: h, body: payload });
    const set = res.headers.get('set-cookie');
    if (set) {
      const m = /ys_session=([^;]*)/.exec(set);
      if (m) this.cookie = m[1] ? `ys_session=${m[1]}` : '';
    }
    const text = await res.text();
    const json = answerBody(text);
    if (json && typeof json === 'object' && typeof json.csrf === 'string') this.csrf = json.csrf;
    return { status: res.status, body: json, headers: res.headers };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }
  put(path: string, body?: unknown) {
    return this.request('PUT', path, body);
  }
  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}

export const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };

/** Sets up the admin and returns signed-in agents for every role. */
export async function signedInAgents(app: App) {
  const admin = new Agent(app);
  const r = await admin.post('/api/auth/setup', ADMIN);
  if (r.status !== 201) throw new Error(`setup failed: ${JSON.stringify(r.body)}`);
  const make = async (role: 'researcher' | 'viewer') => {
    const email = `${role}@example.com`;
    const created = await admin.post('/api/users', { name: role, email, role, password: 'password-for-' + role });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    const a = new Agent(app);
    const login = await a.post('/api/auth/login', { email, password: 'password-for-' + role });
    if (login.status !== 200) throw new Error(JSON.stringify(login.body));
    return a;
  };
  return { admin, researcher: await make('researcher'), viewer: await make('viewer'), anonymous: new Agent(app) };
}

/** A small valid survey with three question types. */
export const smallSurvey = () => ({
  title: { en: 'Store visit' },
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          required: true,
          role: 'overall-satisfaction',
          text: { en: 'How satisfied are you?' },
          scale: { min: 1, max: 5 },
        },
        { id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?' } },
      ],
    },
    {
      id: 'p2',
      questions: [
        {
          id: 'visit',
          type: 'single',
          text: { en: 'Why did you visit?' },
          options: [
            { id: 'buy', label: { en: 'To buy' } },
            { id: 'look', label: { en: 'To look' } },
          ],
        },
        { id: 'why', type: 'text', text: { en: 'Anything else?' }, maxLength: 50 },
      ],
    },
  ],
});
