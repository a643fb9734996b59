import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';

/** A rebuild under a running server renames the hashed assets: the pages must name the new ones. */
let t: ReturnType<typeof makeTestApp>;
let dir: string;
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const page = (asset: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/assets/${asset}.css"></head><body><script src="/assets/${asset}.js"></script></body></html>`;

describe('the built client', () => {
  it('serves the HTML of the latest build, for the app and the respondent page', async () => {
    t = makeTestApp();
    dir = mkdtempSync(join(tmpdir(), 'yardstick-client-'));
    for (const sub of ['app', 'respondent', 'assets']) mkdirSync(join(dir, sub));
    const build = (asset: string, at: number) => {
      writeFileSync(join(dir, 'assets', `${asset}.css`), `.x{color:${asset === 'one' ? 'red' : 'blue'}}`);
      for (const sub of ['app', 'respondent']) {
        writeFileSync(join(dir, sub, 'index.html'), page(asset));
        utimesSync(join(dir, sub, 'index.html'), at, at);
      }
    };
    build('one', 1_000_000);
    const app = createApp({ db: t.db, config: t.config, clock: t.clock, clientDir: dir });
    const { researcher } = await signedInAgents(app);
    const survey = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    expect((await researcher.post(`/api/surveys/${survey.id}/publish`)).status).toBe(200);
    const respondent = async () => (await app.request(`/s/${survey.slug}`)).text();
    expect(await (await app.request('/surveys')).text()).toContain('/assets/one.js');
    expect(await respondent()).toContain('color:red');
    build('two', 2_000_000);
    expect(await (await app.request('/surveys')).text()).toContain('/assets/two.js');
    expect(await respondent()).toContain('/assets/two.js');
    expect(await respondent()).toContain('color:blue');
    rmSync(join(dir, 'app', 'index.html'));
    const gone = await app.request('/surveys');
    expect(gone.status).toBe(503);
    expect((await gone.json()).error.code).toBe('not-built');
  });
});
