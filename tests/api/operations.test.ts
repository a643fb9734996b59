import { afterEach, describe, expect, it } from 'vitest';
import { outboxOf } from '../../server/alerts/outbox';
import { DIALECT } from '../../server/db/dialect';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.cleanup());

/** One sample's value from the Prometheus text, by its name and label set as written. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('operations endpoints', () => {
  it('answers readiness from the database: 200 while it answers, 503 once it is gone', async () => {
    t = makeTestApp();
    const ok = await t.app.request('/api/ready');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ready: true });
    // The database goes away under a quiet node: its outbox worker is stopped first.
    await outboxOf(t.store)?.stop();
    await t.store.close();
    const down = await t.app.request('/api/ready');
    expect(down.status).toBe(503);
    expect((await down.json()).error.code).toBe('database-unavailable');
  });

  it('keeps /metrics off without METRICS_TOKEN, and refuses a scraper without the token', async () => {
    t = makeTestApp();
    expect((await t.app.request('/metrics')).status).toBe(404);
    t.cleanup();
    t = makeTestApp({ METRICS_TOKEN: 'a-long-scrape-token-123' });
    expect((await t.app.request('/metrics')).status).toBe(401);
    expect(
      (await t.app.request('/metrics', { headers: { authorization: 'Bearer a-long-scrape-token-124' } })).status,
    ).toBe(401);
  });

  it('reads the outbox backlog and running mailings from the database at each scrape', async () => {
    t = makeTestApp({ METRICS_TOKEN: 'a-long-scrape-token-123' });
    const r = await t.app.request('/metrics', { headers: { authorization: 'Bearer a-long-scrape-token-123' } });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(sample(text, 'yardstick_outbox_pending')).toBe(0);
    expect(sample(text, 'yardstick_outbox_oldest_pending_seconds')).toBe(0);
    expect(sample(text, 'yardstick_mail_jobs_active')).toBe(0);
  });

  it('counts requests by route pattern and status, times submissions and group commits, and shows the outbox backlog', async () => {
    t = makeTestApp({ METRICS_TOKEN: 'a-long-scrape-token-123' });
    const scrape = async () => {
      const r = await t.app.request('/metrics', { headers: { authorization: 'Bearer a-long-scrape-token-123' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      return r.text();
    };
    // Counters are per process and other tests in this file add to them: compare before and after.
    const before = await scrape();
    const { researcher } = await signedInAgents(t.app);
    const survey = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    expect((await researcher.post(`/api/surveys/${survey.id}/publish`)).status).toBe(200);
    for (const id of [survey.id, 'no-such-survey']) await researcher.get(`/api/surveys/${id}`);
    const versionId = (await researcher.get(`/api/surveys/${survey.id}`)).body.versions[0].id;
    const submit = (clientId: string) =>
      t.app.request(`/api/public/s/${survey.slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, versionId, complete: true, answers: { sat: 4, nps: 9 } }),
      });
    const statuses = await Promise.all(
      ['metrics-0001', 'metrics-0002', 'metrics-0003'].map(async (id) => (await submit(id)).status),
    );
    const after = await scrape();

    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('yardstick_http_requests_total{method="GET",route="/api/surveys/:id",status="200"}')).toBe(2);
    expect(delta('yardstick_http_requests_total{method="GET",route="/api/surveys/:id",status="404"}')).toBe(1);
    expect(statuses).toEqual([201, 201, 201]);
    // Every submission is timed once to its commit. On SQLite three sent together share one group
    // commit; on PostgreSQL each is a transaction of its own and there is no group commit.
    expect(delta('yardstick_submission_duration_seconds_count')).toBe(3);
    expect(delta('yardstick_group_commit_batch_size_count')).toBe(DIALECT === 'sqlite' ? 1 : 0);
    expect(delta('yardstick_group_commit_batch_size_sum')).toBe(DIALECT === 'sqlite' ? 3 : 0);
    expect(after).toContain('# TYPE yardstick_outbox_pending gauge');
    expect(sample(after, 'yardstick_outbox_pending')).toBe(0);
  });

  it("gives every answer a request id, keeping a proxy's", async () => {
    t = makeTestApp();
    const own = await t.app.request('/api/health');
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const passed = await t.app.request('/api/health', { headers: { 'x-request-id': 'lb-7f3a' } });
    expect(passed.headers.get('x-request-id')).toBe('lb-7f3a');
  });
});
