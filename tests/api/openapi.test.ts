import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { validate } from '../support/json-schema';

type Json = Record<string, unknown>;
type Operation = Json & {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: Json } } };
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
  security: Record<string, string[]>[];
  tags: string[];
};

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let doc: Json & {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Json; securitySchemes: Json };
};
beforeAll(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = await new Agent(t.app).get('/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(() => t.cleanup());

const operation = (method: string, path: string) => doc.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')][method];
const bodySchema = (method: string, path: string) =>
  operation(method, path).requestBody!.content['application/json'].schema;
const answerSchema = (method: string, path: string, status: number) =>
  operation(method, path).responses[String(status)].content!['application/json'].schema;
/** The faults of a real answer against what the document says the route answers with its status. */
const faultsOf = (method: string, path: string, r: { status: number; body: unknown }) =>
  validate(answerSchema(method, path, r.status), r.body, doc);

describe('the published API document', () => {
  it('describes every route the app has, and no route it lacks', () => {
    const app = new Set(
      t.app.routes
        .filter(
          (r) => (r.path.startsWith('/api/') || r.path === '/metrics') && r.method !== 'ALL' && r.path !== '/api/*',
        )
        .map((r) => `${r.method} ${r.path}`),
    );
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`),
      ),
    );
    expect(
      [...app].filter((r) => !described.has(r)),
      'routes without a description',
    ).toEqual([]);
    expect(
      [...described].filter((r) => !app.has(r)),
      'descriptions without a route',
    ).toEqual([]);
  });

  it('is OpenAPI 3.1 in shape: every $ref resolves and every path parameter is declared', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Yardstick API', version: expect.any(String) });
    const refs: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) k === '$ref' && typeof v === 'string' ? refs.push(v) : walk(v);
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(50);
    const unresolved = refs.filter(
      (ref) =>
        !ref.startsWith('#/') ||
        ref
          .slice(2)
          .split('/')
          .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc) === undefined,
    );
    expect(unresolved).toEqual([]);

    const schemes = Object.keys(doc.components.securitySchemes);
    expect(schemes.sort()).toEqual(['apiToken', 'csrf', 'metricsToken', 'session']);
    const tags = new Set((doc.tags as { name: string }[]).map((x) => x.name));
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(['get', 'post', 'put', 'patch', 'delete'], where).toContain(method);
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), where).toEqual(inPath);
        expect(
          declared.every((p) => p.required),
          where,
        ).toBe(true);
        expect(ids.has(op.operationId), `${where}: operationId ${op.operationId} twice`).toBe(false);
        ids.add(op.operationId);
        expect(
          Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
          where,
        ).toBe(true);
        for (const requirement of op.security) for (const s of Object.keys(requirement)) expect(schemes).toContain(s);
        for (const tag of op.tags) expect(tags.has(tag), where).toBe(true);
      }
    }
    // Public routes need nothing; the others a session (with the CSRF token on writes) or an API token.
    expect(operation('get', '/api/health').security).toEqual([]);
    expect(operation('get', '/api/surveys').security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(operation('post', '/api/surveys').security).toEqual([{ session: [], csrf: [] }, { apiToken: [] }]);
  });

  it('states truly who may call each route: the least role it names is the least the server lets in', async () => {
    const RANK = { anonymous: 0, viewer: 1, researcher: 2, admin: 3 } as const;
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const access = op['x-yardstick-access'] as 'public' | 'viewer' | 'researcher' | 'admin';
        if (access === 'public') continue;
        const url = path.replace(/\{[A-Za-z]+\}/g, 'no-such-id');
        // Only callers below the least role: they are refused before anything is read or changed.
        for (const role of ['anonymous', 'viewer', 'researcher'] as const) {
          if (RANK[role] >= RANK[access]) continue;
          const r = await agents[role].request(method.toUpperCase(), url, method === 'get' ? undefined : {});
          expect(r.status, `${method} ${path} as ${role}`).toBe(role === 'anonymous' ? 401 : 403);
          checked.push(`${method} ${path} as ${role}`);
        }
        // A read at the least role is let in (it may find nothing: 404, or a 400 for a missing query).
        if (method === 'get') {
          const r = await agents[access].get(url);
          expect([401, 403], `${method} ${path} as ${access}`).not.toContain(r.status);
        }
      }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('publishes the body schema each handler validates with (any other is a server fault)', async () => {
    let bodies = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody) continue;
        bodies++;
        const agent = op['x-yardstick-access'] === 'public' ? new Agent(t.app) : agents.admin;
        const r = await agent.request(method.toUpperCase(), path.replace(/\{[A-Za-z]+\}/g, 'no-such-id'), {});
        expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
      }
    expect(bodies).toBeGreaterThan(30);
  });

  it('lists the error answer shape and every error code', () => {
    const error = doc.components.schemas.Error as Json;
    const code = ((error.properties as Json).error as { properties: { code: { enum: string[] } } }).properties.code;
    expect(code.enum).toEqual(
      expect.arrayContaining(['invalid', 'unauthenticated', 'csrf', 'not-found', 'slug-taken']),
    );
    // A route names the codes it answers with under their status.
    expect(operation('post', '/api/surveys').responses['409'].description).toContain('slug-taken');
    expect(operation('post', '/api/surveys').responses['403'].description).toContain('csrf');
  });

  it('describes real requests and answers: sign-in, API tokens, users, a refusal', async () => {
    const state = await agents.viewer.get('/api/auth/state');
    expect(faultsOf('get', '/api/auth/state', state)).toEqual([]);

    const login = { email: 'viewer@example.com', password: 'password-for-viewer' };
    expect(validate(bodySchema('post', '/api/auth/login'), login, doc)).toEqual([]);
    const signedIn = await new Agent(t.app).post('/api/auth/login', login);
    expect(signedIn.status).toBe(200);
    expect(faultsOf('post', '/api/auth/login', signedIn)).toEqual([]);

    const tokenBody = { name: 'CRM sync', role: 'viewer' };
    expect(validate(bodySchema('post', '/api/auth/tokens'), tokenBody, doc)).toEqual([]);
    const made = await agents.researcher.post('/api/auth/tokens', tokenBody);
    expect(made.status).toBe(201);
    expect(faultsOf('post', '/api/auth/tokens', made)).toEqual([]);
    const listed = await agents.researcher.get('/api/auth/tokens');
    expect(faultsOf('get', '/api/auth/tokens', listed)).toEqual([]);

    const users = await agents.admin.get('/api/users');
    expect(users.body.length).toBe(3);
    expect(faultsOf('get', '/api/users', users)).toEqual([]);

    // The same token, used as an integration would: a bearer header and no cookie.
    const res = await t.app.request('/api/auth/tokens', { headers: { authorization: `Bearer ${made.body.token}` } });
    expect(res.status).toBe(200);
    expect(faultsOf('get', '/api/auth/tokens', { status: res.status, body: await res.json() })).toEqual([]);

    const refused = await agents.researcher.post('/api/surveys', { definition: { title: 5 } });
    expect(refused.status).toBe(400);
    expect(faultsOf('post', '/api/surveys', refused)).toEqual([]);
    expect(operation('post', '/api/surveys').responses['400'].description).toContain(`\`${refused.body.error.code}\``);
  });

  it('describes the answers of a survey’s life: created, published, answered, reported', async () => {
    const { researcher, viewer, anonymous } = agents;
    const created = await researcher.post('/api/surveys', { definition: smallSurvey() });
    expect(created.status).toBe(201);
    expect(faultsOf('post', '/api/surveys', created)).toEqual([]);
    const id = created.body.id;
    const published = await researcher.post(`/api/surveys/${id}/publish`);
    expect(faultsOf('post', '/api/surveys/:id/publish', published)).toEqual([]);
    const page = await anonymous.get(`/api/public/s/${created.body.slug}`);
    expect(faultsOf('get', '/api/public/s/:slug', page)).toEqual([]);
    const answers = { sat: 2, nps: 3, visit: 'buy', why: 'Slow' };
    const submission = { clientId: 'doc-response-0001', versionId: page.body.versionId, complete: true, answers };
    expect(validate(bodySchema('post', '/api/public/s/:slug/responses'), submission, doc)).toEqual([]);
    const sent = await anonymous.post(`/api/public/s/${created.body.slug}/responses`, submission);
    expect(sent.status).toBe(201);
    expect(faultsOf('post', '/api/public/s/:slug/responses', sent)).toEqual([]);
    for (const path of ['', '/report', '/fieldwork', '/plan', '/settings', '/alerts', '/invitations', '/mail']) {
      const r = await viewer.get(`/api/surveys/${id}${path}`);
      expect(r.status, path).toBe(200);
      expect(faultsOf('get', `/api/surveys/:id${path}`, r), path).toEqual([]);
    }
    const list = await viewer.get('/api/surveys');
    expect(faultsOf('get', '/api/surveys', list)).toEqual([]);
    const unread = await viewer.get('/api/cases/unread');
    expect(faultsOf('get', '/api/cases/unread', unread)).toEqual([]);
  });

  it('holds answers to it: a wrong answer or body does not conform', async () => {
    const state = await agents.viewer.get('/api/auth/state');
    const { csrf: _, ...withoutCsrf } = state.body;
    expect(faultsOf('get', '/api/auth/state', { status: 200, body: withoutCsrf })).toEqual(['$: lacks csrf']);
    const wrongRole = { ...state.body, user: { ...state.body.user, role: 'owner' } };
    expect(faultsOf('get', '/api/auth/state', { status: 200, body: wrongRole })).not.toEqual([]);
    expect(validate(bodySchema('post', '/api/auth/tokens'), { name: 7 }, doc)).not.toEqual([]);
    // Answers described by their TypeScript type are held as firmly.
    const list = await agents.viewer.get('/api/surveys');
    const renamed = list.body.map(({ status, ...s }: { status: string }) => ({ ...s, state: status }));
    expect(faultsOf('get', '/api/surveys', { status: 200, body: renamed })).toContain('$[0]: lacks status');
  });

  it('serves a reference page to read, without sign-in, that loads nothing from elsewhere', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const path of Object.keys(doc.paths)) expect(html).toContain(`<code>${path}</code>`);
    expect(html).toContain('Authorization: Bearer');
    expect(html).toContain('X-CSRF-Token');
    expect(html).toContain('<code>slug-taken</code>');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html.match(/href="([^"#][^"]*)"/g) ?? []).toEqual(['href="/api/openapi.json"']);
    // Both go out gzipped to those who accept it.
    const gzip = { headers: { 'accept-encoding': 'gzip' } };
    expect((await t.app.request('/api/docs', gzip)).headers.get('content-encoding')).toBe('gzip');
    expect((await t.app.request('/api/openapi.json', gzip)).headers.get('content-encoding')).toBe('gzip');
  });
});
