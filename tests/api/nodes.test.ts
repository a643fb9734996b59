/**
 * Two nodes on one database: two apps, each with connections and memory of its own. What one node
 * starts (a session, a reset link, the first set-up), the other honours, so no node is sticky.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import { ADMIN, Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

// Each set-up and acceptance runs scrypt: dozens of them per test.
vi.setConfig({ testTimeout: 60_000 });

let t: ReturnType<typeof makeTestApp>;
let b: ReturnType<typeof t.anotherNode>;
beforeEach(() => {
  t = makeTestApp();
  b = t.anotherNode();
});
afterEach(() => t.cleanup());

/** The same browser (cookie and CSRF token) talking to another node. */
const onNode = (agent: Agent, app: typeof b) =>
  Object.assign(new Agent(app), { cookie: agent.cookie, csrf: agent.csrf });

describe(`two nodes on one ${DIALECT} database`, () => {
  it('honour a session and its CSRF token made on the other, and a sign-out there ends it here', async () => {
    const { researcher } = await signedInAgents(t.app);
    const there = onNode(researcher, b);
    expect((await there.get('/api/auth/state')).body.user.email).toBe('researcher@example.com');
    expect((await there.post('/api/surveys', { definition: smallSurvey() })).status).toBe(201);
    there.csrf = 'not-the-token';
    expect((await there.post('/api/auth/tokens', { name: 'x' })).status).toBe(403);
    there.csrf = researcher.csrf;
    expect((await there.post('/api/auth/logout')).status).toBe(204);
    expect((await researcher.get('/api/surveys')).status).toBe(401);
  });

  it('make one administrator of forty set-ups racing on both', async () => {
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new Agent(i % 2 ? b : t.app)
          .post('/api/auth/setup', { ...ADMIN, email: `admin-${i}@example.com` })
          .then((r) => r.status),
      ),
    );
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    // The rest are refused: as already set up, or by each node's sign-in rate limit (ten a minute).
    expect(codes.filter((c) => c !== 409 && c !== 429)).toEqual([201]);
    expect(await t.value("select count(*) from users where role = 'admin'")).toBe(1);
  });

  it('let an invitation be accepted once, whichever node each acceptance reaches', async () => {
    const { admin } = await signedInAgents(t.app);
    const { token } = (await admin.post('/api/users/invites', { email: 'cai@example.com', role: 'viewer' })).body;
    const codes = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        new Agent(i % 2 ? b : t.app)
          .post('/api/auth/accept-invite', { token, name: `Cai ${i}`, password: 'cai-password-123' })
          .then((r) => r.status),
      ),
    );
    // The others find it used, never a failure of the database.
    // Seven a node: each node's sign-in rate limit lets ten a minute through, three went to signing in.
    expect(codes.sort()).toEqual([201, ...Array(13).fill(410)]);
    expect(await t.value("select count(*) from users where email = 'cai@example.com'")).toBe(1);
  });
});
