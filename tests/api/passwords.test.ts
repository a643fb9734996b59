import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { outboxOf } from '../../server/alerts/outbox';
import { ADMIN, Agent, makeTestApp, signedInAgents } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let smtp: SMTPServer | null = null;
let captured: { to: string[]; data: string }[] = [];

afterEach(async () => {
  await outboxOf(t.store)?.stop();
  t.cleanup();
  if (smtp) await new Promise<void>((res) => smtp!.close(() => res()));
  smtp = null;
});

async function withSmtp(env: Record<string, string> = {}) {
  captured = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        captured.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((res) => smtp!.listen(0, '127.0.0.1', () => res()));
  t = makeTestApp({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`, ...env });
}

/** The mail's text with quoted-printable soft breaks and escapes undone. */
const decoded = (data: string) =>
  data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const tokenIn = (text: string) => /\/reset#([A-Za-z0-9_-]{43})/.exec(text)?.[1];
async function mailArrives(n: number) {
  for (let i = 0; i < 200 && captured.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(captured).toHaveLength(n);
}

const signIn = async (email: string, password: string) => {
  const a = new Agent(t.app);
  return { agent: a, status: (await a.post('/api/auth/login', { email, password })).status };
};
const sessionsOf = async (email: string) =>
  await t.value('select count(*) from sessions s join users u on u.id = s.user_id where u.email = ?', email);
const hashOf = async (email: string) => await t.value('select password_hash from users where email = ?', email);

describe('changing one’s own password', () => {
  it('needs the current password, then ends every other session and keeps this device signed in', async () => {
    t = makeTestApp();
    const { researcher } = await signedInAgents(t.app);
    const other = (await signIn('researcher@example.com', 'password-for-researcher')).agent;
    const hash = await hashOf('researcher@example.com');

    const wrong = await researcher.post('/api/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'a much better password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'wrong-password', path: 'currentPassword' });
    expect(await hashOf('researcher@example.com')).toBe(hash);
    const short = await researcher.post('/api/auth/password', {
      currentPassword: 'password-for-researcher',
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({
      path: 'newPassword',
      message: 'newPassword: must have at least 10 characters',
    });

    const ok = await researcher.post('/api/auth/password', {
      currentPassword: 'password-for-researcher',
      newPassword: 'a much better password',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe('researcher@example.com');
    expect(await sessionsOf('researcher@example.com')).toBe(1);
    expect((await other.get('/api/surveys')).status).toBe(401);
    expect((await researcher.get('/api/surveys')).status).toBe(200);
    expect((await signIn('researcher@example.com', 'password-for-researcher')).status).toBe(401);
    expect((await signIn('researcher@example.com', 'a much better password')).status).toBe(200);
  });

  it('is refused without a session or without the CSRF token', async () => {
    t = makeTestApp();
    const { viewer } = await signedInAgents(t.app);
    expect(
      (await new Agent(t.app).post('/api/auth/password', { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' })).status,
    ).toBe(401);
    viewer.csrf = '';
    expect(
      (await viewer.post('/api/auth/password', { currentPassword: 'password-for-viewer', newPassword: 'yyyyyyyyyyyy' }))
        .status,
    ).toBe(403);
  });
});

describe('signing out everywhere', () => {
  it('ends every session of the user, this one included, and no one else’s', async () => {
    t = makeTestApp();
    const { viewer, admin } = await signedInAgents(t.app);
    const phone = (await signIn('viewer@example.com', 'password-for-viewer')).agent;
    expect(await sessionsOf('viewer@example.com')).toBe(2);
    const r = await viewer.post('/api/auth/logout-everywhere');
    expect(r.status).toBe(204);
    expect(r.headers.get('set-cookie')).toMatch(/ys_session=;/);
    expect(await sessionsOf('viewer@example.com')).toBe(0);
    expect((await phone.get('/api/surveys')).status).toBe(401);
    expect((await viewer.get('/api/surveys')).status).toBe(401);
    expect((await admin.get('/api/surveys')).status).toBe(200);
  });
});

describe('a password reset by an admin, without SMTP', () => {
  it('ends the user’s sessions and gives the admin a single-use link that sets a new password and signs in', async () => {
    t = makeTestApp({ PUBLIC_URL: 'https://survey.example.com' });
    const { admin, viewer } = await signedInAgents(t.app);
    const id = (await t.value("select id from users where email = 'viewer@example.com'")) as string;
    expect((await viewer.post(`/api/users/${id}/password-reset`)).status).toBe(403);
    expect((await admin.post('/api/users/nobody/password-reset')).status).toBe(404);

    const r = await admin.post(`/api/users/${id}/password-reset`);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ mailed: false, expiresAt: t.clock.now() + 24 * 3_600_000 });
    expect(r.body.url).toMatch(/^https:\/\/survey\.example\.com\/reset#[A-Za-z0-9_-]{43}$/);
    expect((await viewer.get('/api/surveys')).status).toBe(401);
    const token = tokenIn(r.body.url)!;
    // Only the hash is stored.
    expect(JSON.stringify(await t.rows('select * from password_resets'))).not.toContain(token);

    const fresh = new Agent(t.app);
    const done = await fresh.post('/api/auth/password-reset/complete', { token, password: 'chosen after reset' });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe('viewer@example.com');
    expect((await fresh.get('/api/surveys')).status).toBe(200);
    const again = await new Agent(t.app).post('/api/auth/password-reset/complete', {
      token,
      password: 'another new password',
    });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({ code: 'reset-invalid' });
    expect((await signIn('viewer@example.com', 'password-for-viewer')).status).toBe(401);
    expect((await signIn('viewer@example.com', 'chosen after reset')).status).toBe(200);
  });

  it('expires after a day, and a password change voids the links still out', async () => {
    t = makeTestApp();
    const { admin } = await signedInAgents(t.app);
    const id = (await t.value("select id from users where email = 'researcher@example.com'")) as string;
    const late = tokenIn((await admin.post(`/api/users/${id}/password-reset`)).body.url)!;
    t.clock.advance(24 * 3_600_000 + 1);
    expect(
      (await new Agent(t.app).post('/api/auth/password-reset/complete', { token: late, password: 'too late for this' }))
        .status,
    ).toBe(410);

    const voided = tokenIn((await admin.post(`/api/users/${id}/password-reset`)).body.url)!;
    const back = new Agent(t.app);
    await back.post('/api/auth/login', { email: 'researcher@example.com', password: 'password-for-researcher' });
    expect(
      (
        await back.post('/api/auth/password', {
          currentPassword: 'password-for-researcher',
          newPassword: 'changed it myself',
        })
      ).status,
    ).toBe(200);
    expect(
      (await new Agent(t.app).post('/api/auth/password-reset/complete', { token: voided, password: 'should not work' }))
        .status,
    ).toBe(410);
    expect((await signIn('researcher@example.com', 'changed it myself')).status).toBe(200);
  });

  it('names the faulty field of a bad completion and changes nothing', async () => {
    t = makeTestApp();
    await new Agent(t.app).post('/api/auth/setup', ADMIN);
    const hash = await hashOf(ADMIN.email);
    const bad = await new Agent(t.app).post('/api/auth/password-reset/complete', {
      token: 'x'.repeat(43),
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('password');
    const unknown = await new Agent(t.app).post('/api/auth/password-reset/complete', {
      token: 'x'.repeat(43),
      password: 'long enough password',
    });
    expect(unknown.status).toBe(410);
    expect(await hashOf(ADMIN.email)).toBe(hash);
  });
});

describe('a password reset by e-mail', () => {
  it('is refused with 409 when the server sends no e-mail', async () => {
    t = makeTestApp();
    await new Agent(t.app).post('/api/auth/setup', ADMIN);
    const r = await new Agent(t.app).post('/api/auth/password-reset', { email: ADMIN.email });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'no-mail',
      message: 'this server sends no e-mail: ask an administrator for a reset link',
    });
  });

  it('mails a one-hour link on PUBLIC_URL (never the request’s Host) in the user’s language, and answers an unknown address alike', async () => {
    await withSmtp({ PUBLIC_URL: 'https://survey.example.com' });
    const { viewer } = await signedInAgents(t.app);
    await viewer.patch('/api/auth/me', { locale: 'it' });

    const unknown = await new Agent(t.app).post('/api/auth/password-reset', { email: 'nobody@example.com' });
    const known = await new Agent(t.app).request(
      'POST',
      '/api/auth/password-reset',
      { email: 'Viewer@Example.com' },
      { host: 'evil.example' },
    );
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    await mailArrives(1);
    expect(captured[0].to).toEqual(['viewer@example.com']);
    const text = decoded(captured[0].data);
    expect(text).toContain('Il link funziona una sola volta, per 1 ora.');
    expect(text).toMatch(/https:\/\/survey\.example\.com\/reset#[A-Za-z0-9_-]{43}/);
    expect(text).not.toContain('evil.example');

    const token = tokenIn(text)!;
    // Asking again within the minute sends nothing more: one address can't be flooded.
    await new Agent(t.app).post('/api/auth/password-reset', { email: 'viewer@example.com' });
    await new Promise((r) => setTimeout(r, 200));
    expect(captured).toHaveLength(1);
    t.clock.advance(3_600_000 + 1);
    expect(
      (await new Agent(t.app).post('/api/auth/password-reset/complete', { token, password: 'one hour is over' }))
        .status,
    ).toBe(410);
    await new Agent(t.app).post('/api/auth/password-reset', { email: 'viewer@example.com' });
    await mailArrives(2);
    const fresh = tokenIn(decoded(captured[1].data))!;
    expect(
      (await new Agent(t.app).post('/api/auth/password-reset/complete', { token: fresh, password: 'in good time now' }))
        .status,
    ).toBe(200);
    expect((await viewer.get('/api/surveys')).status).toBe(401);
    expect((await signIn('viewer@example.com', 'in good time now')).status).toBe(200);
  });

  it('an admin’s reset is mailed to the user, not shown to the admin', async () => {
    await withSmtp({ PUBLIC_URL: 'https://survey.example.com' });
    const { admin } = await signedInAgents(t.app);
    const id = (await t.value("select id from users where email = 'researcher@example.com'")) as string;
    const r = await admin.post(`/api/users/${id}/password-reset`);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ mailed: true, expiresAt: t.clock.now() + 24 * 3_600_000 });
    await mailArrives(1);
    expect(captured[0].to).toEqual(['researcher@example.com']);
    expect(decoded(captured[0].data)).toContain('The link works once, for 24 hours.');
  });
});
