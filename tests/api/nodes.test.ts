/**
 * Two nodes on one database: two apps, each with connections and memory of its own. What one node
 * starts (a session, a reset link, the first set-up, a response, a plan), the other honours, so no
 * node is sticky.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import { ADMIN, Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { basePlan, quotaSurvey, tierCells, tierVariable } from '../support/plan';

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

  describe('collecting responses', () => {
    /** A published quota survey whose tier cells hold platinum 1, gold 2, iron 3, lead 4. */
    async function quotaStudy(researcher: Agent) {
      const created = (await researcher.post('/api/surveys', { definition: quotaSurvey() })).body;
      const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
      await savePlan(researcher, created.id, [1, 2, 3, 4]);
      return { id: created.id as string, slug: created.slug as string, versionId: published.versions[0].id as number };
    }
    const savePlan = async (researcher: Agent, id: string, targets: number[]) =>
      expect(
        (
          await researcher.put(`/api/surveys/${id}/plan`, {
            plan: basePlan({
              quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells(targets) },
            }),
          })
        ).status,
      ).toBe(200);
    const complete = (app: typeof b, s: { slug: string; versionId: number }, clientId: string, tier: string) =>
      new Agent(app).post(`/api/public/s/${s.slug}/responses`, {
        clientId,
        versionId: s.versionId,
        complete: true,
        answers: { staff: 'no', sat: 4, region: 'north' },
        hidden: { tier },
      });

    it('give a cell’s last place to exactly one of 100 racers split over both, five times over', async () => {
      const { researcher } = await signedInAgents(t.app);
      for (let round = 0; round < 5; round++) {
        const s = await quotaStudy(researcher);
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) => complete(i % 2 ? b : t.app, s, `racer-${round}-${i}`, 'platinum')),
        );
        expect(results.map((r) => r.status).filter((status) => status !== 201)).toEqual([]);
        expect(results.filter((r) => r.body.status === 'complete')).toHaveLength(1);
        expect(results.filter((r) => r.body.status === 'over-quota')).toHaveLength(99);
        expect(
          await t.value(
            "select count(*) from responses where survey_id = ? and quota_cell = 'platinum' and status = 'complete'",
            s.id,
          ),
        ).toBe(1);
      }
    });

    it('store a submission retried on the other node once, and answer the retries as the first', async () => {
      const { researcher } = await signedInAgents(t.app);
      const s = await quotaStudy(researcher);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => complete(i % 2 ? b : t.app, s, 'one-phone', 'iron')),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 200).map((r) => r.body)).toEqual(
        Array(19).fill({ status: 'complete', duplicate: true }),
      );
      expect(await t.value("select count(*) from responses where client_id = 'one-phone'")).toBe(1);
    });

    it('keep one response for an invitation whose first page is saved from several devices on both at once', async () => {
      const { researcher } = await signedInAgents(t.app);
      const s = await quotaStudy(researcher);
      const token = 'personal-link-token-01';
      await t.rows(
        "insert into invitations (id, survey_id, token, hidden, status, created_at, updated_at) values ('inv-1', ?, ?, '{}', 'not-started', 0, 0) returning id",
        s.id,
        token,
      );
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          new Agent(i % 2 ? b : t.app).post(`/api/public/s/${s.slug}/responses`, {
            clientId: `device-${String(i).padStart(4, '0')}`,
            versionId: s.versionId,
            complete: false,
            answers: { staff: 'no', sat: 4 },
            hidden: { tier: 'iron' },
            page: 1,
            invitation: token,
          }),
        ),
      );
      expect(results.map((r) => r.body)).toEqual(Array(10).fill({ status: 'partial' }));
      const [response] = await t.rows('select client_id from responses where survey_id = ?', s.id);
      expect(await t.value('select count(*) from responses where survey_id = ?', s.id)).toBe(1);
      expect(await t.value("select client_id from invitations where id = 'inv-1'")).toBe(response.client_id);
    });

    it('count quotas by a plan saved on the other node from the next submission on', async () => {
      const { researcher } = await signedInAgents(t.app);
      const s = await quotaStudy(researcher);
      // Node B has read the plan (gold: two places) before it changes on node A.
      expect((await complete(b, s, 'gold-0001', 'gold')).body).toEqual({ status: 'complete' });
      await savePlan(researcher, s.id, [1, 1, 3, 4]);
      expect((await complete(b, s, 'gold-0002', 'gold')).body).toEqual({ status: 'over-quota' });
      await savePlan(researcher, s.id, [1, 3, 3, 4]);
      expect((await complete(b, s, 'gold-0003', 'gold')).body).toEqual({ status: 'complete' });
    });
  });
});
