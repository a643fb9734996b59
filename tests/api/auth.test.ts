import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, Agent, makeTestApp } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
afterEach(() => t.cleanup());

describe('first run and sign-in', () => {
  it('asks for setup while no account exists, then creates the admin and signs them in', async () => {
    const a = new Agent(t.app);
    expect((await a.get('/api/auth/state')).body).toEqual({ setupNeeded: true, user: null, csrf: null });
    const r = await a.post('/api/auth/setup', ADMIN);
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(r.headers.get('set-cookie')).toMatch(/ys_session=.+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const state = (await a.get('/api/auth/state')).body;
    expect(state.setupNeeded).toBe(false);
    expect(state.user.email).toBe(ADMIN.email);
  });

  it('refuses a second setup, so nobody can make themselves admin later', async () => {
    await new Agent(t.app).post('/api/auth/setup', ADMIN);
    const r = await new Agent(t.app).post('/api/auth/setup', { ...ADMIN, email: 'mallory@example.com' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('already-set-up');
  });

  it('names the faulty field of a bad setup body', async () => {
    const r = await new Agent(t.app).post('/api/auth/setup', { ...ADMIN, password: 'short' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid', path: 'password' });
    expect(r.body.error.message).toMatch(/at least 10 characters/);
  });

  it('answers a wrong password and an unknown e-mail alike with 401', async () => {
    await new Agent(t.app).post('/api/auth/setup', ADMIN);
    const wrong = await new Agent(t.app).post('/api/auth/login', { email: ADMIN.email, password: 'not the password' });
    const unknown = await new Agent(t.app).post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'whatever123',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('signs in, stores only a hash of the session token, and signs out', async () => {
    await new Agent(t.app).post('/api/auth/setup', ADMIN);
    const a = new Agent(t.app);
    expect((await a.post('/api/auth/login', { email: 'ADA@example.com ', password: ADMIN.password })).status).toBe(200);
    const token = a.cookie.split('=')[1];
    const stored = (await t.rows('select token_hash from sessions')) as { token_hash: string }[];
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect((await a.get('/api/surveys')).status).toBe(200);
    expect((await a.post('/api/auth/logout')).status).toBe(204);
    expect((await a.get('/api/surveys')).status).toBe(401);
  });

  it('hashes passwords with scrypt, never storing them in clear', async () => {
    await new Agent(t.app).post('/api/auth/setup', ADMIN);
    const row = (await t.rows('select password_hash from users'))[0] as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });
});

describe('request safety', () => {
  it('refuses a write without the CSRF token even with a valid session', async () => {
    const a = new Agent(t.app);
    await a.post('/api/auth/setup', ADMIN);
    a.csrf = '';
    const r = await a.post('/api/surveys', { definition: { title: { en: 'x' }, pages: [{ id: 'p', questions: [] }] } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf');
  });

  it('refuses cross-origin writes', async () => {
    const a = new Agent(t.app);
    const r = await a.request(
      'POST',
      '/api/auth/login',
      { email: ADMIN.email, password: ADMIN.password },
      { origin: 'https://evil.example' },
    );
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('cross-origin');
  });

  it('sends security headers on every answer', async () => {
    const r = await new Agent(t.app).get('/api/auth/state');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers malformed JSON, a wrong content type and an oversized body with clear 4xx errors', async () => {
    const a = new Agent(t.app);
    const bad = await a.request('POST', '/api/auth/setup', '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-json');
    const type = await a.request('POST', '/api/auth/setup', JSON.stringify(ADMIN), { 'content-type': 'text/plain' });
    expect(type.status).toBe(415);
    const big = await a.request('POST', '/api/auth/setup', JSON.stringify({ ...ADMIN, name: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too-large');
    expect((await a.get('/api/auth/state')).body.setupNeeded).toBe(true);
  });

  it('limits sign-in attempts per IP', async () => {
    const a = new Agent(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await a.post('/api/auth/login', { email: 'x@example.com', password: 'nope-nope-nope' })).status);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const r = await new Agent(t.app).get('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not-found');
  });
});

describe('users and invitations', () => {
  it('lets the admin invite a researcher who then signs up with the link, once', async () => {
    const admin = new Agent(t.app);
    await admin.post('/api/auth/setup', ADMIN);
    const inv = await admin.post('/api/users/invites', { email: 'rita@example.com', role: 'researcher' });
    expect(inv.status).toBe(201);
    expect(inv.body.url).toMatch(/\/invite#.{40,}/);
    const rita = new Agent(t.app);
    const accepted = await rita.post('/api/auth/accept-invite', {
      token: inv.body.token,
      name: 'Rita',
      password: 'rita-password-1',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email: 'rita@example.com', role: 'researcher' });
    const again = await new Agent(t.app).post('/api/auth/accept-invite', {
      token: inv.body.token,
      name: 'Eve',
      password: 'eve-password-1',
    });
    expect(again.status).toBe(410);
    expect((await admin.get('/api/users')).body.map((u: { email: string }) => u.email)).toEqual([
      ADMIN.email,
      'rita@example.com',
    ]);
  });

  it('keeps the admin from demoting or deleting themselves', async () => {
    const admin = new Agent(t.app);
    const me = (await admin.post('/api/auth/setup', ADMIN)).body.user;
    expect((await admin.patch(`/api/users/${me.id}`, { role: 'viewer' })).status).toBe(409);
    expect((await admin.delete(`/api/users/${me.id}`)).status).toBe(409);
  });

  it('saves the interface language in the profile', async () => {
    const admin = new Agent(t.app);
    await admin.post('/api/auth/setup', ADMIN);
    expect((await admin.patch('/api/auth/me', { locale: 'zh-Hant' })).body.locale).toBe('zh-Hant');
    expect((await admin.patch('/api/auth/me', { locale: 'fr' })).status).toBe(400);
    expect((await admin.get('/api/auth/state')).body.user.locale).toBe('zh-Hant');
  });
});
