import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.cleanup());

/** An integration's request: a bearer token, no cookie, no CSRF token, no Origin. */
const withToken = (token: string, method: string, path: string, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('personal API tokens', () => {
  it("lets an integration act with its owner's role, without cookie or CSRF token, and shows when it was last used", async () => {
    t = makeTestApp();
    const { researcher } = await signedInAgents(t.app);
    const made = await researcher.post('/api/auth/tokens', { name: 'CRM sync' });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^ys_[A-Za-z0-9_-]{43}$/);
    expect(made.body).toMatchObject({ name: 'CRM sync', role: 'researcher', lastUsedAt: null, expiresAt: null });
    expect(made.body.prefix).toBe(made.body.token.slice(0, 10));

    t.clock.t += 5_000;
    const created = await withToken(made.body.token, 'POST', '/api/surveys', { definition: smallSurvey() });
    expect(created.status).toBe(201);
    expect((await withToken(made.body.token, 'GET', '/api/surveys')).status).toBe(200);

    const listed = await researcher.get('/api/auth/tokens');
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].lastUsedAt).toBe(t.clock.t);
    // The secret is shown once: neither the list nor the database holds it.
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
    const stored = await t.rows('select * from api_tokens');
    expect(JSON.stringify(stored)).not.toContain(made.body.token.slice(3));
  });

  it('never gives a token more than its owner has: a lower role is kept, a higher one refused, a demotion applies', async () => {
    t = makeTestApp();
    const { admin, researcher } = await signedInAgents(t.app);
    expect((await researcher.post('/api/auth/tokens', { name: 'too much', role: 'admin' })).status).toBe(403);
    const readOnly = (await researcher.post('/api/auth/tokens', { name: 'BI', role: 'viewer' })).body.token;
    expect((await withToken(readOnly, 'GET', '/api/surveys')).status).toBe(200);
    const refused = await withToken(readOnly, 'POST', '/api/surveys', { definition: smallSurvey() });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');

    const full = (await researcher.post('/api/auth/tokens', { name: 'full' })).body.token;
    const researcherId = (await admin.get('/api/users')).body.find((u: { role: string }) => u.role === 'researcher').id;
    expect((await admin.patch(`/api/users/${researcherId}`, { role: 'viewer' })).status).toBe(200);
    expect((await withToken(full, 'POST', '/api/surveys', { definition: smallSurvey() })).status).toBe(403);
  });

  it('stops working when revoked or expired, and a token cannot mint another', async () => {
    t = makeTestApp();
    const { researcher, viewer } = await signedInAgents(t.app);
    const a = (await researcher.post('/api/auth/tokens', { name: 'a' })).body;
    const b = (await researcher.post('/api/auth/tokens', { name: 'b', expiresInDays: 1 })).body;
    const minted = await withToken(a.token, 'POST', '/api/auth/tokens', { name: 'child' });
    expect(minted.status).toBe(403);
    expect((await minted.json()).error.code).toBe('session-required');

    // Someone else's token can't be revoked by id.
    expect((await viewer.delete(`/api/auth/tokens/${a.id}`)).status).toBe(404);
    expect((await researcher.delete(`/api/auth/tokens/${a.id}`)).status).toBe(204);
    const revoked = await withToken(a.token, 'GET', '/api/surveys');
    expect(revoked.status).toBe(401);

    expect((await withToken(b.token, 'GET', '/api/surveys')).status).toBe(200);
    t.clock.t += 86_400_000;
    expect((await withToken(b.token, 'GET', '/api/surveys')).status).toBe(401);
    expect((await withToken('ys_not-a-token', 'GET', '/api/surveys')).status).toBe(401);
  });

  it('refuses a malformed request naming the field', async () => {
    t = makeTestApp();
    const { researcher } = await signedInAgents(t.app);
    const cases: [unknown, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x', role: 'owner' }, 'role'],
      [{ name: 'x', expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', extra: 1 }, 'extra'],
    ];
    for (const [body, path] of cases) {
      const r = await researcher.post('/api/auth/tokens', body);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    expect((await researcher.get('/api/auth/tokens')).body).toEqual([]);
  });
});
