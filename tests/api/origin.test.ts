import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
beforeAll(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
});
afterAll(() => t.cleanup());

// What browsers and broken clients send: sandboxed frames and file: pages send `null`.
const MALFORMED = [
  'null',
  'not a url',
  'http://',
  'https://',
  '://example.com',
  'file:///etc/passwd',
  'x'.repeat(5000),
];

describe('the Origin header on writes', () => {
  for (const origin of MALFORMED) {
    it(`refuses Origin: ${origin.slice(0, 30)} with a 403 naming the header, and changes nothing`, async () => {
      const before = await t.value('select count(*) from surveys');
      const r = await agents.researcher.request('POST', '/api/surveys', { definition: smallSurvey() }, { origin });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('cross-origin');
      expect(r.body.error.message).toMatch(/origin|cross-origin/i);
      expect(await t.value('select count(*) from surveys')).toBe(before);
    });
  }

  it('refuses a malformed Origin on the public respondent and sign-in routes too', async () => {
    const login = await new Agent(t.app).request(
      'POST',
      '/api/auth/login',
      { email: ADMIN.email, password: ADMIN.password },
      { origin: 'null' },
    );
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    const submit = await new Agent(t.app).request('POST', '/api/public/s/no-such/responses', {}, { origin: 'http://' });
    expect(submit.status).toBe(403);
  });

  it('still accepts the same origin, and a request with no Origin (a server-side client)', async () => {
    const same = await agents.researcher.request(
      'POST',
      '/api/surveys',
      { definition: smallSurvey() },
      { origin: 'http://localhost' },
    );
    expect(same.status).toBe(201);
    const none = await agents.researcher.post('/api/surveys', { definition: smallSurvey() });
    expect(none.status).toBe(201);
  });

  it('lets reads through whatever their Origin says', async () => {
    const r = await agents.viewer.request('GET', '/api/surveys', undefined, { origin: 'null' });
    expect(r.status).toBe(200);
  });
});
