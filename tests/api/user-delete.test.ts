/** Deleting a user: it succeeds whatever they did, signs them out at once, and keeps what they wrote. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

// Several sign-ins (scrypt) or a demo load per test: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let t: ReturnType<typeof makeTestApp>;
let admin: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ admin } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

async function signIn(email: string, password: string) {
  const a = new Agent(t.app);
  expect((await a.post('/api/auth/login', { email, password })).status).toBe(200);
  return a;
}

describe('deleting a user', () => {
  it('succeeds for an admin who sent invitations and wrote surveys, ends their sessions at once, and keeps their history', async () => {
    const created = await admin.post('/api/users', {
      name: 'Bea Boss',
      email: 'bea@example.com',
      role: 'admin',
      password: 'bea-password-123',
    });
    expect(created.status).toBe(201);
    const bea = await signIn('bea@example.com', 'bea-password-123');
    const beaOtherDevice = await signIn('bea@example.com', 'bea-password-123');

    // What Bea leaves behind: an accepted invitation, a pending one, and a published survey.
    const accepted = await bea.post('/api/users/invites', { email: 'cai@example.com', role: 'researcher' });
    expect(accepted.status).toBe(201);
    expect(
      (
        await new Agent(t.app).post('/api/auth/accept-invite', {
          token: accepted.body.token,
          name: 'Cai',
          password: 'cai-password-123',
        })
      ).status,
    ).toBe(201);
    const pending = await bea.post('/api/users/invites', { email: 'dan@example.com', role: 'admin' });
    expect(pending.status).toBe(201);
    const survey = (await bea.post('/api/surveys', { definition: smallSurvey() })).body;
    expect((await bea.post(`/api/surveys/${survey.id}/publish`)).status).toBe(200);

    const r = await admin.delete(`/api/users/${created.body.id}`);
    expect(r.status).toBe(204);

    // Signed out everywhere, on the very next request.
    for (const device of [bea, beaOtherDevice]) {
      expect((await device.get('/api/surveys')).status).toBe(401);
      expect((await device.get('/api/auth/state')).body.user).toBeNull();
    }
    expect(await t.value('select count(*) from sessions where user_id = ?', created.body.id)).toBe(0);

    // What she wrote is still there and readable, without her as author.
    const kept = await admin.get(`/api/surveys/${survey.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.versions).toHaveLength(1);
    const invites = (await t.rows('select email, invited_by, used_at from user_invites order by created_at')) as {
      email: string;
      invited_by: string | null;
      used_at: number | null;
    }[];
    expect(invites).toEqual([{ email: 'cai@example.com', invited_by: null, used_at: expect.any(Number) }]);
    // The one she invited keeps their account; her unaccepted invitation no longer opens one.
    await signIn('cai@example.com', 'cai-password-123');
    const late = await new Agent(t.app).post('/api/auth/accept-invite', {
      token: pending.body.token,
      name: 'Dan',
      password: 'dan-password-123',
    });
    expect(late.status).toBe(410);
    expect((await admin.get('/api/users')).body.map((u: { email: string }) => u.email).sort()).toEqual([
      'ada@example.com',
      'cai@example.com',
      'researcher@example.com',
      'viewer@example.com',
    ]);
  });

  it('answers 404 for a user already deleted, and 409 for oneself, changing nothing', async () => {
    const created = await admin.post('/api/users', {
      name: 'Eve',
      email: 'eve@example.com',
      role: 'viewer',
      password: 'eve-password-123',
    });
    expect((await admin.delete(`/api/users/${created.body.id}`)).status).toBe(204);
    const again = await admin.delete(`/api/users/${created.body.id}`);
    expect(again.status).toBe(404);
    const users = async () => await t.value('select count(*) from users');
    const before = await users();
    const me = (await admin.get('/api/auth/state')).body.user;
    expect((await admin.delete(`/api/users/${me.id}`)).status).toBe(409);
    expect(await users()).toBe(before);
  });
});
