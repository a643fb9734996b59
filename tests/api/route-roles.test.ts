import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { createApp } from '../../server/app';

type Role = 'anonymous' | 'viewer' | 'researcher' | 'admin';
const RANK: Record<Role, number> = { anonymous: 0, viewer: 1, researcher: 2, admin: 3 };

/**
 * Every API route and the least role it needs. The test below fails when the app has a route this
 * table doesn't list, so a new route can't be left open by accident.
 */
const ROUTES: { method: string; path: string; least: Role | 'public' }[] = [
  { method: 'GET', path: '/api/health', least: 'public' },
  { method: 'GET', path: '/api/ready', least: 'public' },
  { method: 'GET', path: '/api/openapi.json', least: 'public' },
  { method: 'GET', path: '/api/docs', least: 'public' },
  { method: 'GET', path: '/api/auth/state', least: 'public' },
  { method: 'POST', path: '/api/auth/setup', least: 'public' },
  { method: 'POST', path: '/api/auth/login', least: 'public' },
  { method: 'POST', path: '/api/auth/accept-invite', least: 'public' },
  { method: 'POST', path: '/api/auth/logout', least: 'viewer' },
  { method: 'PATCH', path: '/api/auth/me', least: 'viewer' },
  { method: 'GET', path: '/api/auth/tokens', least: 'viewer' },
  { method: 'POST', path: '/api/auth/tokens', least: 'viewer' },
  { method: 'DELETE', path: '/api/auth/tokens/:id', least: 'viewer' },
  { method: 'GET', path: '/api/users', least: 'admin' },
  { method: 'POST', path: '/api/users', least: 'admin' },
  { method: 'POST', path: '/api/users/invites', least: 'admin' },
  { method: 'PATCH', path: '/api/users/:id', least: 'admin' },
  { method: 'DELETE', path: '/api/users/:id', least: 'admin' },
  { method: 'GET', path: '/api/surveys', least: 'viewer' },
  { method: 'POST', path: '/api/surveys', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id', least: 'viewer' },
  { method: 'PUT', path: '/api/surveys/:id/draft', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/publish', least: 'researcher' },
  { method: 'PATCH', path: '/api/surveys/:id', least: 'researcher' },
  { method: 'DELETE', path: '/api/surveys/:id', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/convert', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/import', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/export/surveyjs.json', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/preview', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/preview/responses', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/test-responses', least: 'viewer' },
  { method: 'DELETE', path: '/api/surveys/:id/test-responses', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/report', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/report/verbatims', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/export/tables.csv', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/report/crosstab', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/export/crosstab.csv', least: 'viewer' },
  { method: 'PUT', path: '/api/surveys/:id/report/loyalty-value', least: 'researcher' },
  { method: 'DELETE', path: '/api/surveys/:id/report/loyalty-value', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/shares', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/shares', least: 'researcher' },
  { method: 'DELETE', path: '/api/surveys/:id/shares/:shareId', least: 'researcher' },
  { method: 'GET', path: '/api/public/reports/:token/report', least: 'public' },
  { method: 'GET', path: '/api/public/reports/:token/report/verbatims', least: 'public' },
  { method: 'GET', path: '/api/public/reports/:token/report/crosstab', least: 'public' },
  { method: 'GET', path: '/api/public/reports/:token/export/crosstab.csv', least: 'public' },
  { method: 'GET', path: '/api/surveys/:id/export/responses.csv', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/export/responses.xlsx', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/export/responses.sps', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/plan', least: 'viewer' },
  { method: 'PUT', path: '/api/surveys/:id/plan', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/waves', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/fieldwork', least: 'viewer' },
  { method: 'POST', path: '/api/demo', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/settings', least: 'viewer' },
  { method: 'PATCH', path: '/api/surveys/:id/settings', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/qr.svg', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/qr.png', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/invitations', least: 'viewer' },
  { method: 'POST', path: '/api/surveys/:id/invitations/import', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/invitations/bounces', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/invitations/:invitationId/qr.svg', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/invitations.csv', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/mail', least: 'viewer' },
  { method: 'POST', path: '/api/surveys/:id/mail', least: 'researcher' },
  { method: 'GET', path: '/api/public/s/:slug', least: 'public' },
  { method: 'GET', path: '/api/public/s/:slug/responses/:clientId', least: 'public' },
  { method: 'POST', path: '/api/public/s/:slug/responses', least: 'public' },
  { method: 'GET', path: '/api/surveys/:id/alerts', least: 'viewer' },
  { method: 'PUT', path: '/api/surveys/:id/alerts/settings', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/alerts/rules', least: 'researcher' },
  { method: 'PUT', path: '/api/surveys/:id/alerts/rules/:ruleId', least: 'researcher' },
  { method: 'DELETE', path: '/api/surveys/:id/alerts/rules/:ruleId', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/webhooks', least: 'researcher' },
  { method: 'PATCH', path: '/api/surveys/:id/webhooks/:webhookId', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/webhooks/:webhookId/rotate', least: 'researcher' },
  { method: 'DELETE', path: '/api/surveys/:id/webhooks/:webhookId', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/webhooks/:webhookId/deliveries', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/webhooks/:webhookId/ping', least: 'researcher' },
  {
    method: 'POST',
    path: '/api/surveys/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    least: 'researcher',
  },
  { method: 'GET', path: '/api/cases', least: 'viewer' },
  { method: 'GET', path: '/api/cases/unread', least: 'viewer' },
  { method: 'GET', path: '/api/cases/:caseId', least: 'viewer' },
  { method: 'PATCH', path: '/api/cases/:caseId', least: 'viewer' },
  { method: 'POST', path: '/api/cases/:caseId/notes', least: 'viewer' },
  // Passwords, sessions and the audit log
  { method: 'POST', path: '/api/auth/password', least: 'viewer' },
  { method: 'POST', path: '/api/auth/logout-everywhere', least: 'viewer' },
  { method: 'POST', path: '/api/auth/password-reset', least: 'public' },
  { method: 'POST', path: '/api/auth/password-reset/complete', least: 'public' },
  { method: 'POST', path: '/api/users/:id/password-reset', least: 'admin' },
  { method: 'GET', path: '/api/audit', least: 'admin' },
  { method: 'GET', path: '/api/customers', least: 'viewer' },
  { method: 'GET', path: '/api/customers/value', least: 'viewer' },
  { method: 'GET', path: '/api/customers/settings', least: 'viewer' },
  { method: 'PUT', path: '/api/customers/settings', least: 'researcher' },
  { method: 'POST', path: '/api/customers/import', least: 'researcher' },
  { method: 'POST', path: '/api/customers/transactions/import', least: 'researcher' },
  { method: 'PUT', path: '/api/customers/by-external-id/:externalId', least: 'researcher' },
  { method: 'POST', path: '/api/customers/suppressions/lift', least: 'admin' },
  { method: 'GET', path: '/api/customers/contact-rules', least: 'viewer' },
  { method: 'PUT', path: '/api/customers/contact-rules', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/draws', least: 'viewer' },
  { method: 'POST', path: '/api/surveys/:id/draws', least: 'researcher' },
  { method: 'GET', path: '/api/surveys/:id/report/customer-value', least: 'viewer' },
  { method: 'POST', path: '/api/surveys/:id/cases', least: 'viewer' },
  { method: 'GET', path: '/api/customers/:id', least: 'viewer' },
  { method: 'GET', path: '/api/customers/retention', least: 'viewer' },
  { method: 'PUT', path: '/api/customers/retention', least: 'researcher' },
  { method: 'GET', path: '/api/customers/:id/export/all.json', least: 'researcher' },
  { method: 'DELETE', path: '/api/customers/:id', least: 'researcher' },
  // Coding open answers
  { method: 'GET', path: '/api/surveys/:id/coding', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/coding/:questionId', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/coding/:questionId/answers', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/coding/:questionId/themes', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/coding/:questionId/distinguish', least: 'viewer' },
  { method: 'GET', path: '/api/surveys/:id/coding/:questionId/agreement', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/coding/:questionId/codes', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/coding/:questionId/codes/merge', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/coding/:questionId/codes/:codeId/split', least: 'researcher' },
  { method: 'PATCH', path: '/api/surveys/:id/coding/:questionId/codes/:codeId', least: 'researcher' },
  { method: 'DELETE', path: '/api/surveys/:id/coding/:questionId/codes/:codeId', least: 'researcher' },
  { method: 'PUT', path: '/api/surveys/:id/coding/:questionId/answers/:responseId', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/coding/:questionId/bulk', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/coding/:questionId/undo', least: 'researcher' },
  { method: 'POST', path: '/api/surveys/:id/coding/:questionId/codes/undo', least: 'researcher' },
  { method: 'PUT', path: '/api/surveys/:id/coding/:questionId/share', least: 'researcher' },
];

let t: ReturnType<typeof makeTestApp>;
let app: ReturnType<typeof createApp>;
let agents: Record<Role, Agent>;
beforeAll(async () => {
  t = makeTestApp();
  // With a built client's pages, so the routes that serve one answer as in production, not 503.
  const clientDir = join(t.config.DATABASE_PATH, '..', 'client');
  for (const entry of ['app', 'respondent']) {
    mkdirSync(join(clientDir, entry), { recursive: true });
    writeFileSync(
      join(clientDir, entry, 'index.html'),
      '<html lang="en"><title>Survey</title><!--survey-data--><div id="root"></div></html>',
    );
  }
  app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir });
  agents = await signedInAgents(app);
});
afterAll(() => t.cleanup());

let real: Promise<string> | null = null;
/** A published survey with a completed and a partial response, made once. */
function realSurvey(): Promise<string> {
  real ??= (async () => {
    const created = await agents.researcher.post('/api/surveys', { definition: smallSurvey() });
    const published = await agents.researcher.post(`/api/surveys/${created.body.id}/publish`);
    const versionId = published.body.versions[0].id;
    const send = (clientId: string, complete: boolean, answers: Record<string, unknown>) =>
      agents.anonymous.post(`/api/public/s/${created.body.slug}/responses`, { clientId, versionId, complete, answers });
    expect((await send('real-complete', true, { sat: 4, nps: 9, visit: 'buy', why: 'Good' })).status).toBe(201);
    expect((await send('real-partial', false, { sat: 2 })).status).toBe(201);
    return created.body.id as string;
  })();
  return real;
}

async function freshSession(role: Exclude<Role, 'anonymous'>) {
  const a = new Agent(app);
  const password = role === 'admin' ? ADMIN.password : `password-for-${role}`;
  await a.post('/api/auth/login', { email: role === 'admin' ? ADMIN.email : `${role}@example.com`, password });
  return a;
}

describe('authorisation of every route', () => {
  it('lists every API route the app has in the table above', () => {
    const actual = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/*')
        .map((r) => `${r.method} ${r.path}`),
    );
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    expect([...actual].filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !actual.has(r))).toEqual([]);
  });

  const guarded = ROUTES.filter((r) => r.least !== 'public');
  for (const route of guarded) {
    for (const role of ['anonymous', 'viewer', 'researcher', 'admin'] as Role[]) {
      const allowed = RANK[role] >= RANK[route.least as Role];
      it(`${route.method} ${route.path} as ${role} → ${allowed ? 'not refused' : role === 'anonymous' ? '401' : '403'}`, async () => {
        const path = route.path.replace(':id', 'no-such-id');
        // Signing out must not end the shared sessions the other cases use: use a session of its own.
        const agent =
          route.path === '/api/auth/logout' && role !== 'anonymous' ? await freshSession(role) : agents[role];
        // A body that fails validation: a permitted caller gets past auth and hits 400/404, never 401/403.
        const r = await agent.request(
          route.method,
          path,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        // Signing out everywhere ends the shared session too: the role's later cases get a new one.
        if (route.path === '/api/auth/logout-everywhere' && allowed)
          agents[role as Exclude<Role, 'anonymous'>] = await freshSession(role as Exclude<Role, 'anonymous'>);
        if (allowed) {
          expect([401, 403]).not.toContain(r.status);
          // A permitted caller with a bad id or body is told what is wrong, never a server fault.
          expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
        } else expect(r.status).toBe(role === 'anonymous' ? 401 : 403);
      });
    }
  }

  for (const route of ROUTES.filter((r) => r.least === 'public')) {
    it(`${route.method} ${route.path} answers anyone without a server fault`, async () => {
      const path = route.path.replace(/:[A-Za-z]+/g, 'no-such-id');
      const r = await agents.anonymous.request(route.method, path, route.method === 'GET' ? undefined : {});
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    });
  }

  // Reads of a real survey with real responses go deeper than a missing id: none may fault either.
  for (const route of ROUTES.filter(
    (r) => r.method === 'GET' && r.path.startsWith('/api/surveys/:id') && r.least !== 'public',
  )) {
    it(`GET ${route.path} of a real survey answers ${route.least} and above without a server fault`, async () => {
      const id = await realSurvey();
      for (const role of (['viewer', 'researcher', 'admin'] as Role[]).filter(
        (x) => RANK[x] >= RANK[route.least as Role],
      )) {
        const r = await agents[role].get(route.path.replace(':id', id).replace(/:[A-Za-z]+/g, 'no-such-id'));
        expect([401, 403]).not.toContain(r.status);
        expect(r.status, `${role}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
      }
    });
  }

  it('refuses a viewer who tries to change a real survey, and leaves it as it was', async () => {
    const created = await agents.researcher.post('/api/surveys', { definition: smallSurvey() });
    const id = created.body.id;
    const r = await agents.viewer.put(`/api/surveys/${id}/draft`, {
      definition: { ...smallSurvey(), title: { en: 'Hacked' } },
    });
    expect(r.status).toBe(403);
    expect((await agents.viewer.get(`/api/surveys/${id}`)).body.draft.title).toEqual(created.body.draft.title);
  });
});
