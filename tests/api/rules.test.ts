/** Collection rules (surveys.settings): open and close dates, a response cap, kiosk mode. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let survey: { id: string; slug: string; versionId: number };
const HOUR = 3_600_000;

beforeEach(async () => {
  t = makeTestApp();
  ({ researcher, viewer } = await signedInAgents(t.app));
  const created = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(() => t.cleanup());

const snapshot = () => t.rows('select * from responses order by id');
const submit = (clientId: string, complete = true) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete,
    answers: complete ? { sat: 4, nps: 9 } : { sat: 4 },
    page: complete ? 1 : 0,
  });
const publicState = async () => (await new Agent(t.app).get(`/api/public/s/${survey.slug}`)).body;
const setRules = (rules: Record<string, unknown>) => researcher.patch(`/api/surveys/${survey.id}/settings`, rules);

describe('the settings endpoint', () => {
  it('stores rules, keeps the ones not sent, and shows them to viewers', async () => {
    expect((await setRules({ responseCap: 50 })).status).toBe(200);
    const r = await setRules({ kiosk: true, opensAt: t.clock.now() });
    expect(r.body).toMatchObject({ responseCap: 50, kiosk: true, opensAt: t.clock.now(), closesAt: null });
    expect((await viewer.get(`/api/surveys/${survey.id}/settings`)).body).toMatchObject({
      responseCap: 50,
      kiosk: true,
    });
    expect((await viewer.patch(`/api/surveys/${survey.id}/settings`, { kiosk: false })).status).toBe(403);
  });

  it('refuses bad rules with a 400 naming the field, leaving the stored ones as they were', async () => {
    await setRules({ responseCap: 10 });
    const cases: [Record<string, unknown>, string][] = [
      [{ opensAt: t.clock.now(), closesAt: t.clock.now() - 1 }, 'closesAt'],
      [{ responseCap: 0 }, 'responseCap'],
      [{ responseCap: 2.5 }, 'responseCap'],
      [{ opensAt: 'tomorrow' }, 'opensAt'],
      [{ kiosk: 'yes' }, 'kiosk'],
      [{ invitationMail: { en: { subject: 'Hi', body: 'no link here' } } }, 'invitationMail.en.body'],
      [{ invitationMail: { 'not a tag': { subject: 'Hi', body: '{link}' } } }, 'invitationMail'],
    ];
    for (const [body, path] of cases) {
      const r = await setRules(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.path).toContain(path);
    }
    expect((await researcher.get(`/api/surveys/${survey.id}/settings`)).body).toMatchObject({
      responseCap: 10,
      opensAt: null,
      kiosk: false,
    });
  });

  it('a closing time before a stored opening time is refused too', async () => {
    await setRules({ opensAt: t.clock.now() + HOUR });
    const r = await setRules({ closesAt: t.clock.now() });
    expect(r.status).toBe(400);
    expect(r.body.error.path).toBe('closesAt');
  });
});

describe('dates', () => {
  it('before opensAt: the page says not yet open, answers are refused and nothing is stored', async () => {
    await setRules({ opensAt: t.clock.now() + HOUR });
    expect(await publicState()).toMatchObject({ status: 'not-yet-open', definition: null });
    const r = await submit('early-bird-1');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('survey-not-yet-open');
    expect(await snapshot()).toEqual([]);
    t.clock.advance(HOUR);
    expect((await publicState()).status).toBe('open');
    expect((await submit('early-bird-1')).status).toBe(201);
  });

  it('from closesAt on: closed, even for a respondent who started before; stored data unchanged', async () => {
    await setRules({ closesAt: t.clock.now() + HOUR });
    expect((await submit('late-0001', false)).status).toBe(201);
    const before = await snapshot();
    t.clock.advance(HOUR);
    expect(await publicState()).toMatchObject({ status: 'closed', definition: null });
    const r = await submit('late-0001');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('survey-closed');
    expect(await snapshot()).toEqual(before);
  });
});

describe('the response cap', () => {
  it('counts completes only; once reached the survey is full, and retries of stored completes still answer', async () => {
    await setRules({ responseCap: 2 });
    // A partial does not count towards the cap.
    expect((await submit('partial-01', false)).status).toBe(201);
    expect((await submit('first-0001')).status).toBe(201);
    expect((await publicState()).status).toBe('open');
    expect((await submit('second-001')).status).toBe(201);
    expect((await publicState()).status).toBe('full');
    const before = await snapshot();
    const third = await submit('third-0001');
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('survey-full');
    // The respondent who was midway is stopped on their next save, and their row is not changed.
    expect((await submit('partial-01')).body.error.code).toBe('survey-full');
    // A retry of a stored complete (the network dropped its answer) is still idempotent.
    expect((await submit('first-0001')).body).toEqual({ status: 'complete', duplicate: true });
    expect(await snapshot()).toEqual(before);
  });

  it('holds when the last places are raced: exactly cap completes are stored', async () => {
    await setRules({ responseCap: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => submit(`racer-${String(i).padStart(4, '0')}`)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    expect(await t.value(`select count(*) from responses where status = 'complete'`)).toBe(3);
  });
});

describe('kiosk mode', () => {
  it('is announced to the respondent page', async () => {
    expect((await publicState()).kiosk).toBe(false);
    await setRules({ kiosk: true });
    expect((await publicState()).kiosk).toBe(true);
  });
});

describe('the open link QR code', () => {
  it('downloads as SVG and PNG for viewers, not for anonymous callers', async () => {
    const svg = await viewer.get(`/api/surveys/${survey.id}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.body).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    const png = await t.app.request(`/api/surveys/${survey.id}/qr.png`, { headers: { cookie: viewer.cookie } });
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    // The PNG signature, then a 1024-pixel-wide image (IHDR width, big-endian, at byte 16).
    expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(new DataView(bytes.buffer).getUint32(16)).toBe(1024);
    expect((await new Agent(t.app).get(`/api/surveys/${survey.id}/qr.svg`)).status).toBe(401);
    expect((await viewer.get('/api/surveys/no-such-id/qr.png')).status).toBe(404);
  });
});
