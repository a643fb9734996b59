import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxOf } from '../../server/alerts/outbox';
import { COALESCE_MS } from '../../server/audit/log';
import type { AuditEntry } from '../../shared/api/audit';
import { Agent, itOnSqliteUntilPorted, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { basePlan } from '../support/plan';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
beforeEach(async () => {
  t = makeTestApp({ TRUST_PROXY: '1' });
  agents = await signedInAgents(t.app);
});
afterEach(async () => {
  await outboxOf(t.store)?.stop();
  t.cleanup();
});

const log = async (query = '') => {
  const r = await agents.admin.get(`/api/audit${query}`);
  expect(r.status).toBe(200);
  return r.body as { entries: AuditEntry[]; next: number | null };
};
const actions = (entries: AuditEntry[]) =>
  entries.map((e) => `${e.actor.name} ${e.area} ${e.method} ${e.route}`).reverse();

describe('the audit log', () => {
  itOnSqliteUntilPorted(
    'records who changed a survey, a plan, a rule, a share link and who exported personal data, when and from where',
    async () => {
      const { researcher } = agents;
      const from = { 'x-forwarded-for': '203.0.113.7' };
      const s = (await researcher.request('POST', '/api/surveys', { definition: smallSurvey() }, from)).body;
      t.clock.advance(1000);
      await researcher.put(`/api/surveys/${s.id}/draft`, {
        definition: { ...smallSurvey(), title: { en: 'Renamed' } },
      });
      await researcher.post(`/api/surveys/${s.id}/publish`);
      await researcher.put(`/api/surveys/${s.id}/plan`, { plan: basePlan() });
      await researcher.post(`/api/surveys/${s.id}/alerts/rules`, {
        name: 'Unhappy',
        when: { match: 'all', conditions: [{ source: 'sat', op: 'in', values: [1, 2] }] },
      });
      await researcher.post(`/api/surveys/${s.id}/shares`, { lang: 'en' });
      expect((await researcher.get(`/api/surveys/${s.id}/export/responses.csv`)).status).toBe(200);
      // Reads of the app's own screens are not actions; refused writes change nothing and are not kept.
      await researcher.get(`/api/surveys/${s.id}`);
      expect((await researcher.put(`/api/surveys/${s.id}/draft`, { definition: { title: {} } })).status).toBe(400);
      expect((await agents.viewer.put(`/api/surveys/${s.id}/plan`, { plan: basePlan() })).status).toBe(403);

      const researcherId = await t.value("select id from users where email = 'researcher@example.com'");
      const { entries } = await log(`?actor=${researcherId}`);
      expect(actions(entries)).toEqual([
        'researcher survey POST /api/surveys',
        'researcher survey PUT /api/surveys/:id/draft',
        'researcher survey POST /api/surveys/:id/publish',
        'researcher plan PUT /api/surveys/:id/plan',
        'researcher alerts POST /api/surveys/:id/alerts/rules',
        'researcher shares POST /api/surveys/:id/shares',
        'researcher export GET /api/surveys/:id/export/responses.csv',
      ]);
      const first = entries[entries.length - 1];
      expect(first).toMatchObject({
        at: t.clock.now() - 1000,
        ip: '203.0.113.7',
        status: 201,
        actor: { name: 'researcher', email: 'researcher@example.com', role: 'researcher' },
      });
      const plan = entries.find((e) => e.area === 'plan')!;
      // The open link followed the new title until publication: the entry names the survey by its link then.
      const slug = (await researcher.get(`/api/surveys/${s.id}`)).body.slug;
      expect(slug).toMatch(/^renamed-/);
      expect(plan).toMatchObject({
        params: { id: s.id },
        surveyId: s.id,
        target: slug,
        status: 200,
        at: t.clock.now(),
      });
      expect(plan.ip).not.toBe('203.0.113.7');
    },
  );

  it('counts repeats of one action within minutes as one entry, and starts a new one after', async () => {
    const s = (await agents.researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    const save = () => agents.researcher.put(`/api/surveys/${s.id}/draft`, { definition: smallSurvey() });
    await save();
    t.clock.advance(60_000);
    await save();
    await save();
    let drafts = (await log('?area=survey')).entries.filter((e) => e.route.endsWith('/draft'));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ count: 3, firstAt: t.clock.now() - 60_000, at: t.clock.now() });
    t.clock.advance(COALESCE_MS + 1);
    await save();
    drafts = (await log('?area=survey')).entries.filter((e) => e.route.endsWith('/draft'));
    expect(drafts.map((e) => e.count)).toEqual([1, 3]);
  });

  it('records admins’ changes to users, and keeps a deleted user’s entries with their name', async () => {
    const { admin } = agents;
    const made = (
      await admin.post('/api/users', {
        name: 'Temp Researcher',
        email: 'temp@example.com',
        role: 'researcher',
        password: 'temporary password',
      })
    ).body;
    const temp = new Agent(t.app);
    await temp.post('/api/auth/login', { email: 'temp@example.com', password: 'temporary password' });
    const s = (await temp.post('/api/surveys', { definition: smallSurvey() })).body;
    await admin.patch(`/api/users/${made.id}`, { role: 'viewer' });
    await admin.post(`/api/users/${made.id}/password-reset`);
    expect((await admin.delete(`/api/users/${made.id}`)).status).toBe(204);

    const { entries } = await log();
    expect(actions(entries).slice(-5)).toEqual([
      'Ada Admin users POST /api/users',
      'Temp Researcher survey POST /api/surveys',
      'Ada Admin users PATCH /api/users/:id',
      'Ada Admin users POST /api/users/:id/password-reset',
      'Ada Admin users DELETE /api/users/:id',
    ]);
    // The target is named as it was before the deletion.
    expect(entries[0]).toMatchObject({ target: 'temp@example.com', params: { id: made.id } });
    expect((await log(`?actor=${made.id}`)).entries).toEqual([
      expect.objectContaining({
        actor: { id: made.id, name: 'Temp Researcher', email: 'temp@example.com', role: 'researcher' },
        surveyId: null,
      }),
    ]);
    expect((await log(`?survey=${s.id}`)).entries).toHaveLength(0);
  });

  it('records password changes, resets and signing out everywhere under the user, a completed reset included', async () => {
    const { admin, viewer } = agents;
    const id = await t.value("select id from users where email = 'viewer@example.com'");
    await viewer.post('/api/auth/password', {
      currentPassword: 'password-for-viewer',
      newPassword: 'new viewer password',
    });
    const { url } = (await admin.post(`/api/users/${id}/password-reset`)).body;
    const fresh = new Agent(t.app);
    expect(
      (
        await fresh.post('/api/auth/password-reset/complete', {
          token: url.split('#')[1],
          password: 'after the reset ok',
        })
      ).status,
    ).toBe(200);
    await fresh.post('/api/auth/logout-everywhere');
    expect(actions((await log('?area=account')).entries)).toEqual([
      'viewer account POST /api/auth/password',
      'viewer account POST /api/auth/password-reset/complete',
      'viewer account POST /api/auth/logout-everywhere',
    ]);
  });

  it('is read by admins only, a page at a time, with bad queries named', async () => {
    for (let i = 0; i < 5; i++) await agents.researcher.post('/api/surveys', { definition: smallSurvey() });
    expect((await agents.researcher.get('/api/audit')).status).toBe(403);
    expect((await agents.viewer.get('/api/audit')).status).toBe(403);
    expect((await new Agent(t.app).get('/api/audit')).status).toBe(401);
    const bad = await agents.admin.get('/api/audit?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('limit');
    expect((await agents.admin.get('/api/audit?area=everything')).body.error.path).toBe('area');

    const page1 = await log('?limit=3');
    expect(page1.entries).toHaveLength(3);
    const page2 = await log(`?limit=4&before=${page1.next}`);
    expect([...page1.entries, ...page2.entries].map((e) => e.id)).toEqual([
      ...new Set([...page1.entries, ...page2.entries].map((e) => e.id)),
    ]);
    // Two users made by signedInAgents, then the five surveys.
    expect(page1.entries.length + page2.entries.length).toBe(5 + 2);
    expect(page2.next).toBe(null);
  });
});
