/**
 * Reading saved answers back: only with the resume key the server handed the device that created
 * the response, only while it is unfinished. Invitees' names, e-mails and personal links are
 * researchers' to see, not viewers'.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

// Several sign-ins (scrypt) or a demo load per test: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };

beforeEach(async () => {
  t = makeTestApp({ PUBLIC_URL: 'https://survey.example.com' });
  agents = await signedInAgents(t.app);
  const created = (
    await agents.researcher.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['tier'] } })
  ).body;
  const published = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(() => t.cleanup());

const save = (clientId: string, over: Record<string, unknown> = {}) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete: false,
    page: 1,
    answers: { sat: 2, nps: 3 },
    ...over,
  });
const resume = (clientId: string, key?: string, slug = survey.slug) =>
  new Agent(t.app).request(
    'GET',
    `/api/public/s/${slug}/responses/${clientId}`,
    undefined,
    key === undefined ? {} : { 'x-resume-key': key },
  );
const rows = async () =>
  (await t.rows('select client_id, status, answers, resume_key_hash from responses order by id')) as Record<
    string,
    string
  >[];

describe('the resume key', () => {
  it('is given once, in a header of the save that created the response, and the server keeps only its hash', async () => {
    const first = await save('device-0001');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ status: 'partial' });
    const key = first.headers.get('x-resume-key')!;
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = await save('device-0001', { page: 2 });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-resume-key')).toBeNull();
    const [row] = await rows();
    expect(row.resume_key_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.resume_key_hash).not.toContain(key);
    // Two responses never share a key.
    const other = await save('device-0002');
    expect(other.headers.get('x-resume-key')).not.toBe(key);
  });

  it('reads an unfinished response back with its key', async () => {
    const key = (await save('device-0001')).headers.get('x-resume-key')!;
    const r = await resume('device-0001', key);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body).toEqual({ versionId: survey.versionId, status: 'partial', page: 1, answers: { sat: 2, nps: 3 } });
  });

  it("refuses the clientId alone (400 naming the header), a wrong key and another response's key (404), showing no answers", async () => {
    const key = (await save('device-0001')).headers.get('x-resume-key')!;
    const otherKey = (await save('device-0002')).headers.get('x-resume-key')!;
    const bare = await resume('device-0001');
    expect(bare.status).toBe(400);
    expect(bare.body.error.path).toBe('X-Resume-Key');
    expect(bare.body.error.message).toContain('X-Resume-Key');
    expect((await resume('device-0001', 'not a key')).status).toBe(400);
    const wrong = await resume('device-0001', 'A'.repeat(22));
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body)).not.toContain('sat');
    expect((await resume('device-0001', otherKey)).status).toBe(404);
    // The same key on another survey's slug or an unknown id reads nothing either.
    expect((await resume('device-9999', key)).status).toBe(404);
    expect((await resume('device-0001', key, 'no-such-survey')).status).toBe(404);
  });

  it('never returns a finished response, even to the key that created it', async () => {
    const key = (await save('device-0001')).headers.get('x-resume-key')!;
    expect(
      (await save('device-0001', { complete: true, answers: { sat: 4, nps: 10, visit: 'buy', why: 'Kind staff' } }))
        .status,
    ).toBe(200);
    const r = await resume('device-0001', key);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('response-finished');
    expect(JSON.stringify(r.body)).not.toContain('Kind staff');
  });

  it("reads nothing of the demo's sequential ids, which were stored without a key", async () => {
    expect((await agents.researcher.post('/api/demo')).status).toBe(201);
    for (const key of [undefined, 'A'.repeat(22)]) {
      const r = await resume('demo-000007', key, 'demo');
      expect([400, 404]).toContain(r.status);
      expect(r.body.answers).toBeUndefined();
    }
  });
});

describe('invitations as a viewer sees them', () => {
  const CSV = 'name,email,tier\nNguyễn Văn An,an@example.vn,gold\nLi Wei,wei@example.cn,silver\n';

  it('show statuses and counts, but no name, e-mail, hidden field or personal link; researchers see them all', async () => {
    expect((await agents.researcher.post(`/api/surveys/${survey.id}/invitations/import`, { csv: CSV })).status).toBe(
      201,
    );
    const full = (await agents.researcher.get(`/api/surveys/${survey.id}/invitations`)).body;
    expect(full.invitations.map((i: { email: string }) => i.email)).toEqual(['an@example.vn', 'wei@example.cn']);
    expect(full.invitations[0].link).toMatch(/^https:\/\/survey\.example\.com\/i\/[A-Za-z0-9_-]{22}$/);
    const token = full.invitations[0].link.split('/').pop();
    // The invitee answers through the personal link and finishes.
    const done = await new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
      clientId: 'invitee-phone',
      invitation: token,
      versionId: survey.versionId,
      complete: true,
      answers: { sat: 5, nps: 10, visit: 'buy', why: 'Secret praise' },
    });
    expect(done.status).toBe(201);

    const seen = await agents.viewer.get(`/api/surveys/${survey.id}/invitations`);
    expect(seen.status).toBe(200);
    expect(seen.body.counts).toEqual(
      (await agents.researcher.get(`/api/surveys/${survey.id}/invitations`)).body.counts,
    );
    expect(seen.body.counts).toMatchObject({ total: 2, completed: 1 });
    expect(seen.body.invitations.map((i: { status: string }) => i.status)).toEqual(['completed', 'not-started']);
    for (const i of seen.body.invitations) expect(i).toMatchObject({ name: null, email: null, hidden: {}, link: null });
    const text = JSON.stringify(seen.body);
    for (const secret of ['an@example.vn', 'wei@example.cn', 'Nguyễn', 'gold', token])
      expect(text).not.toContain(secret);
    // Nor can the viewer read the finished answers through the respondent API.
    const r = await agents.viewer.request('GET', `/api/public/s/${survey.slug}/responses/invitee-phone`, undefined, {
      'x-resume-key': token,
    });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('Secret praise');
  });

  it('keeps the mail-merge file and personal QR codes for researchers', async () => {
    await agents.researcher.post(`/api/surveys/${survey.id}/invitations/import`, { csv: CSV });
    const id = (await agents.researcher.get(`/api/surveys/${survey.id}/invitations`)).body.invitations[0].id;
    expect((await agents.viewer.get(`/api/surveys/${survey.id}/invitations.csv`)).status).toBe(403);
    expect((await agents.viewer.get(`/api/surveys/${survey.id}/invitations/${id}/qr.svg`)).status).toBe(403);
  });
});
