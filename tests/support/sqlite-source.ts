/**
 * Fills an SQLite database through the app, as a server on SQLite would (run with DATABASE_URL
 * unset, since the process's dialect follows it): accounts, an API token, the demo studies with
 * their plan, alert cases and customer register, a survey of its own with submitted responses, a
 * codeframe with coded answers, a report share. Prints as JSON the ids of the surveys and the
 * answers of a few reads, which the same reads must give again on the database it is moved to.
 * Usage: tsx tests/support/sqlite-source.ts <file>
 */
import { createApp } from '../../server/app';
import { outboxOf } from '../../server/alerts/outbox';
import { loadConfig } from '../../server/config';
import { openDb } from '../../server/db/client';
import { sqliteStore } from '../../server/db/sqlite-store';
import { systemClock } from '../../server/http/context';

const file = process.argv[2];
const db = openDb(file);
const config = loadConfig({ DATABASE_PATH: file, RATE_LIMIT_PER_MINUTE: '0' });
const store = sqliteStore(db);
const app = createApp({ db, store, config, clock: systemClock });

let cookie = '';
let csrf = '';
async function call(method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const session = /ys_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (session) cookie = `ys_session=${session}`;
  const json = await res.json().catch(() => undefined);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  if (typeof json?.csrf === 'string') csrf = json.csrf;
  return json;
}

// The administrator of tests/support/api.ts (ADMIN), who signs in again on the copy.
await call('POST', '/api/auth/setup', {
  name: 'Ada Admin',
  email: 'ada@example.com',
  password: 'correct horse battery',
});
await call('POST', '/api/users', {
  name: 'Rita',
  email: 'rita@example.com',
  role: 'researcher',
  password: 'password-rita',
});
await call('POST', '/api/auth/tokens', { name: 'CRM sync' });
const hotel = await call('POST', '/api/demo');

const own = await call('POST', '/api/surveys', {
  definition: {
    title: { en: 'Store visit' },
    pages: [
      {
        id: 'p1',
        questions: [
          { id: 'sat', type: 'rating', required: true, text: { en: 'How satisfied?' }, scale: { min: 1, max: 5 } },
          { id: 'why', type: 'text', text: { en: 'Why?' }, maxLength: 200 },
        ],
      },
    ],
  },
});
const versionId = (await call('POST', `/api/surveys/${own.id}/publish`)).versions[0].id;
for (let i = 0; i < 12; i++)
  await call('POST', `/api/public/s/${own.slug}/responses`, {
    clientId: `source-${i}`,
    versionId,
    complete: i % 4 !== 0,
    answers: { sat: 1 + (i % 5), why: `answer ${i} with ünïcode, "quotes" and 表` },
  });
await call('POST', `/api/surveys/${own.id}/shares`, { lang: 'en', label: 'Board' });

const base = `/api/surveys/${own.id}/coding/why`;
const code = await call('POST', `${base}/codes`, { label: { en: 'Praise' } });
await call('POST', `${base}/bulk`, { codeId: code.id, search: 'answer' });

/** What must read the same after the move. */
const READS = [
  '/api/surveys',
  `/api/surveys/${hotel.id}`,
  `/api/surveys/${own.id}`,
  '/api/users',
  '/api/auth/tokens',
  // The reports, whole and cut, must come out the same from the copy.
  `/api/surveys/${hotel.id}/report`,
  `/api/surveys/${hotel.id}/report?filter=purpose:business`,
  `/api/surveys/${own.id}/report`,
  `/api/surveys/${hotel.id}/plan`,
  `/api/surveys/${hotel.id}/fieldwork`,
];
const reads: Record<string, unknown> = {};
for (const path of READS) reads[path] = await call('GET', path);

await outboxOf(store)?.stop();
db.$client.close();
console.log(JSON.stringify({ surveys: { hotel: hotel.id, own: own.id }, reads }));
