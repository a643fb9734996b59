/**
 * Personal invitations after they are sent: the short link `/i/<token>`, bounces recorded from the
 * mail provider's bounce list (and skipped by reminders), and the response rate on the fieldwork figures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { createApp } from '../../server/app';

const PUBLIC_URL = 'https://survey.example.com';
let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let survey: { id: string; slug: string; versionId: number };

beforeEach(async () => {
  t = makeTestApp({ PUBLIC_URL });
  ({ researcher, viewer } = await signedInAgents(t.app));
  const created = (await researcher.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['tier'] } }))
    .body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
  const r = await researcher.post(`/api/surveys/${survey.id}/invitations/import`, {
    csv: 'name,email,tier\nLan,lan@example.vn,gold\nMarco,marco@example.it,silver\nAnna,Anna@Example.com,gold\nBo,bo@example.cn,iron\n',
  });
  expect(r.status).toBe(201);
});
afterEach(() => t.cleanup());

type Row = { name: string; link: string; lastError: string | null };
const list = async () =>
  (await researcher.get(`/api/surveys/${survey.id}/invitations`)).body as {
    counts: Record<string, number>;
    invitations: Row[];
  };
const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;
const stored = () =>
  t.rows('select email, last_error as "lastError", updated_at as "updatedAt" from invitations order by id');
const bounces = (text: string) => researcher.post(`/api/surveys/${survey.id}/invitations/bounces`, { text });
const submit = (token: string, clientId: string, complete = true) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete,
    answers: { sat: 4, nps: 9 },
    page: 1,
    invitation: token,
  });

describe('the short personal link', () => {
  it('is /i/<token> everywhere links are given out, and serves that invitation’s survey page', async () => {
    const { invitations } = await list();
    const lan = invitations.find((i) => i.name === 'Lan')!;
    expect(lan.link).toMatch(/^https:\/\/survey\.example\.com\/i\/[A-Za-z0-9_-]{22}$/);
    const csv = (await researcher.get(`/api/surveys/${survey.id}/invitations.csv`)).body as string;
    expect(csv).toContain(`Lan,lan@example.vn,en,${lan.link},not-started,gold`);

    const dir = join(t.config.DATABASE_PATH, '..', 'client');
    mkdirSync(join(dir, 'respondent'), { recursive: true });
    writeFileSync(join(dir, 'respondent', 'index.html'), '<html lang="en"><!--survey-data--><div id="root"></div>');
    const app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir: dir });
    const open = async (path: string) => {
      const res = await app.request(path);
      const html = await res.text();
      return {
        status: res.status,
        html,
        data: JSON.parse(/<script type="application\/json" id="survey-data">(.*?)<\/script>/s.exec(html)![1]),
      };
    };
    const token = tokenOf(lan.link);
    const page = await open(`/i/${token}`);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      slug: survey.slug,
      status: 'open',
      invitation: { state: 'open', token, hidden: { tier: 'gold' } },
    });
    // The same page as the long link, first question rendered (smallSurvey's "How satisfied are you?").
    expect(page.html).toContain('class="qtext"');

    await submit(token, 'lan-phone-01');
    expect((await open(`/i/${token}`)).data.invitation).toEqual({ state: 'used' });

    const unknown = await open('/i/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.data).toEqual({ status: 'not-found' });
    expect((await open('/i/not-a-token')).status).toBe(404);
  });

  it('has a QR code of the short link for each invitation, for researchers', async () => {
    const { invitations } = await list();
    const lan = invitations.find((i) => i.name === 'Lan')! as Row & { id: string };
    const r = await researcher.get(`/api/surveys/${survey.id}/invitations/${lan.id}/qr.svg`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/svg+xml');
    expect(r.body).toMatch(/^<svg /);
    // Another survey's invitation id, or none, is not found here.
    expect((await researcher.get(`/api/surveys/${survey.id}/invitations/nope/qr.svg`)).status).toBe(404);
    expect((await viewer.get(`/api/surveys/${survey.id}/invitations/${lan.id}/qr.svg`)).status).toBe(403);
  });
});

describe('bounces recorded after sending', () => {
  it('marks the invitations of a CSV bounce list as bounced with their reason, whatever the address case', async () => {
    const r = await bounces('Email;Reason\r\nlan@example.vn;550 5.1.1 mailbox does not exist\r\nanna@example.com;\r\n');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ bounced: 2 });
    const { counts, invitations } = await list();
    expect(invitations.find((i) => i.name === 'Lan')!.lastError).toBe('bounced: 550 5.1.1 mailbox does not exist');
    expect(invitations.find((i) => i.name === 'Anna')!.lastError).toBe('bounced: bounced');
    expect(invitations.find((i) => i.name === 'Marco')!.lastError).toBeNull();
    // Lan and Anna bounced; nobody was refused by the mail server itself.
    expect(counts).toMatchObject({ total: 4, bounced: 2, failed: 0 });
  });

  it('reads delivery status notifications (RFC 3464), taking only failed recipients', async () => {
    const dsn = [
      'Reporting-MTA: dns; mx.example.net',
      '',
      'Final-Recipient: rfc822; marco@example.it',
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: smtp; 552 5.2.2 mailbox full',
      '',
      'Final-Recipient: rfc822; bo@example.cn',
      'Action: delayed',
      'Status: 4.4.1',
      '',
    ].join('\r\n');
    expect((await bounces(dsn)).body).toEqual({ bounced: 1 });
    const { invitations } = await list();
    expect(invitations.find((i) => i.name === 'Marco')!.lastError).toBe('bounced: 552 5.2.2 mailbox full');
    // Delayed is not a bounce: the message may still arrive.
    expect(invitations.find((i) => i.name === 'Bo')!.lastError).toBeNull();
  });

  it.each([
    [
      'an address nobody was invited with',
      'email\nlan@example.vn\nstranger@example.org\n',
      3,
      'not-invited',
      /stranger@example\.org was not invited/,
    ],
    [
      'something that is not an address',
      'lan@example.vn,full\nnot-an-address,unknown\n',
      2,
      'bad-email',
      /"not-an-address" is not an e-mail address/,
    ],
    ['a list with no address', 'email,reason\n', 1, 'no-bounces', /no addresses/],
  ])('refuses %s, naming the line, and records nothing', async (_, text, line, code, message) => {
    const before = await stored();
    const r = await bounces(text);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid-bounces', path: 'text' });
    expect(r.body.error.message).toMatch(new RegExp(`^line ${line}: `));
    expect(r.body.error.details[0]).toMatchObject({ line, code });
    expect(r.body.error.details[0].message).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('refuses a body without the list, and a viewer', async () => {
    const r = await researcher.post(`/api/surveys/${survey.id}/invitations/bounces`, { csv: 'lan@example.vn' });
    expect(r.status).toBe(400);
    expect(r.body.error.path).toBe('text');
    expect(
      (await viewer.post(`/api/surveys/${survey.id}/invitations/bounces`, { text: 'lan@example.vn' })).status,
    ).toBe(403);
    expect((await stored()).every((i) => (i as { lastError: string | null }).lastError === null)).toBe(true);
  });
});

describe('the invitation response rate on the fieldwork figures', () => {
  it('counts invited, bounced, started and completed, and rates completes against those reached', async () => {
    const none = (await viewer.get(`/api/surveys/${survey.id}/fieldwork`)).body;
    expect(none.invitations).toMatchObject({
      invited: 4,
      sent: 0,
      bounced: 0,
      started: 0,
      completed: 0,
      responseRate: 0,
    });

    const tokens = Object.fromEntries((await list()).invitations.map((i) => [i.name, tokenOf(i.link)]));
    await submit(tokens.Marco, 'marco-phone-1');
    await submit(tokens.Bo, 'bo-phone-0001', false);
    await bounces('lan@example.vn,550 no such user\n');
    const f = (await viewer.get(`/api/surveys/${survey.id}/fieldwork`)).body;
    // 4 invited, Lan bounced: 3 reached; Marco completed, Bo started: 1 / 3.
    expect(f.invitations).toEqual({ invited: 4, sent: 0, bounced: 1, started: 2, completed: 1, responseRate: 1 / 3 });
  });

  it('is null for a survey without invitations', async () => {
    const other = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    expect((await viewer.get(`/api/surveys/${other.id}/fieldwork`)).body.invitations).toBeNull();
  });
});

describe('the respondent page HTML', () => {
  it('keeps survey texts as text, even with $ sequences that String.replace would expand', async () => {
    const def = { ...smallSurvey(), title: { en: "Costs in $' and $& and $$" } };
    const created = (await researcher.post('/api/surveys', { definition: def, slug: 'dollars' })).body;
    await researcher.post(`/api/surveys/${created.id}/publish`);
    const dir = join(t.config.DATABASE_PATH, '..', 'client');
    mkdirSync(join(dir, 'respondent'), { recursive: true });
    writeFileSync(
      join(dir, 'respondent', 'index.html'),
      '<html lang="en"><title>Survey</title><!--survey-data--><div id="root"></div>',
    );
    const app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir: dir });
    const html = await (await app.request('/s/dollars?lang=en')).text();
    expect(html).toContain('<title>Costs in $&#39; and $&amp; and $$</title>');
    expect(html).toContain('<h1>Costs in $&#39; and $&amp; and $$</h1>');
    expect(html.match(/<div id="root"/g)).toHaveLength(1);
  });
});
