import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { outboxOf } from '../../server/alerts/outbox';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let app: ReturnType<typeof createApp>;
let slug: string;
beforeEach(async () => {
  t = makeTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  const { researcher } = await signedInAgents(t.app);
  const s = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
  await researcher.post(`/api/surveys/${s.id}/publish`);
  slug = s.slug;
  const dir = join(t.config.DATABASE_PATH, '..', 'client');
  mkdirSync(join(dir, 'respondent'), { recursive: true });
  writeFileSync(join(dir, 'respondent', 'index.html'), '<html lang="en"><!--survey-data--><div id="root"></div>');
  app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir: dir });
});
afterEach(async () => {
  await outboxOf(t.store)?.stop();
  t.cleanup();
});

describe('the respondent pages /s/ and /i/ are rate-limited per IP like the respondent API', () => {
  it('answers the request past RATE_LIMIT_PER_MINUTE with a 429 page in the respondent’s language, then serves again a minute later', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await app.request(`/s/${slug}`)).status);
    expect(codes).toEqual([200, 200, 200]);

    const busy = await app.request(`/s/${slug}`, { headers: { 'accept-language': 'it-IT,it;q=0.9' } });
    expect(busy.status).toBe(429);
    expect(busy.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await busy.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Troppe richieste');
    // A personal link shares the page's count.
    expect((await app.request('/i/AAAAAAAAAAAAAAAAAAAAAA?lang=vi')).status).toBe(429);

    t.clock.advance(60_000);
    expect((await app.request(`/s/${slug}`)).status).toBe(200);
  });

  it('counts pages apart from the API, so loading the page does not spend the answers’ budget', async () => {
    for (let i = 0; i < 4; i++) await app.request(`/i/AAAAAAAAAAAAAAAAAAAAAA`);
    expect((await app.request(`/s/${slug}`)).status).toBe(429);
    expect((await app.request(`/api/public/s/${slug}`)).status).toBe(200);
  });

  it('is off at RATE_LIMIT_PER_MINUTE=0', async () => {
    const open = createApp({
      db: t.db,
      store: t.store,
      config: { ...t.config, RATE_LIMIT_PER_MINUTE: 0 },
      clock: t.clock,
      clientDir: join(t.config.DATABASE_PATH, '..', 'client'),
    });
    const codes = new Set<number>();
    for (let i = 0; i < 20; i++) codes.add((await open.request(`/s/${slug}`)).status);
    expect([...codes]).toEqual([200]);
  });
});
