/** Personal invitations: contact-list import, single-use links, status, exports, and sending by e-mail. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { Agent, itOnSqliteUntilPorted, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { createApp } from '../../server/app';
import { startWorkers } from '../../server/workers';
import { outboxOf } from '../../server/alerts/outbox';

const PUBLIC_URL = 'https://survey.example.com';
let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let survey: { id: string; slug: string; versionId: number };

async function setUp(env: Record<string, string> = {}) {
  t = makeTestApp({ PUBLIC_URL, ...env });
  ({ researcher, viewer } = await signedInAgents(t.app));
  const def = {
    ...smallSurvey(),
    hiddenFields: ['tier', 'region', 'customer_id'],
    languages: ['en', 'vi', 'zh-Hans', 'it'],
  };
  const created = (await researcher.post('/api/surveys', { definition: def })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish?confirm=1`)).body; // no texts in the other languages: published as they are
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
}
afterEach(() => t.cleanup());

const upload = (csv: string) => researcher.post(`/api/surveys/${survey.id}/invitations/import`, { csv });
const list = async (status = '') =>
  (await researcher.get(`/api/surveys/${survey.id}/invitations${status ? `?status=${status}` : ''}`)).body;
const invitationCount = () => t.value('select count(*) from invitations');
const responses = () =>
  t.rows('select client_id, status, hidden from responses order by id') as Promise<
    {
      client_id: string;
      status: string;
      hidden: string;
    }[]
  >;
const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;
const submit = (body: Record<string, unknown>) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    versionId: survey.versionId,
    complete: true,
    answers: { sat: 4, nps: 9 },
    page: 1,
    ...body,
  });

// BOM, semicolons (Excel in Italy and Vietnam), quoted fields with the separator, a quote and a
// line break inside, and names in Vietnamese, Chinese and Italian.
const GOOD =
  '\uFEFFName;E-mail;Language;tier;Region\r\n' +
  '"Nguyễn Thị Minh Khai";khai@example.vn;vi;gold;"Hồ Chí Minh; Quận 1"\r\n' +
  '王小明;xiaoming@example.cn;zh-Hans;silver;北京\r\n' +
  '"Niccolò D\'Alessandro";niccolo@example.it;it;gold;"Via Roma, 1\nTorino"\r\n' +
  '"Anna ""Nan"" Rossi";anna@example.it;;;\r\n';

describe('importing a contact list', () => {
  beforeEach(() => setUp());

  it('parses BOM, semicolons, quotes and names in Vietnamese, Chinese and Italian exactly', async () => {
    const r = await upload(GOOD);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ imported: 4, hiddenFields: ['tier', 'region'] });
    const { invitations, counts } = await list();
    expect(invitations.map((i: { name: string }) => i.name)).toEqual([
      'Nguyễn Thị Minh Khai',
      '王小明',
      "Niccolò D'Alessandro",
      'Anna "Nan" Rossi',
    ]);
    expect(invitations[0]).toMatchObject({
      email: 'khai@example.vn',
      lang: 'vi',
      hidden: { tier: 'gold', region: 'Hồ Chí Minh; Quận 1' },
      status: 'not-started',
    });
    expect(invitations[2].hidden.region).toBe('Via Roma, 1\nTorino');
    expect(invitations[3]).toMatchObject({ lang: null, hidden: {} });
    expect(counts).toMatchObject({ total: 4, 'not-started': 4, completed: 0 });
    // Links carry 128-bit tokens, all different.
    const tokens = invitations.map((i: { link: string }) => tokenOf(i.link));
    expect(new Set(tokens).size).toBe(4);
    for (const tk of tokens) expect(tk).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(invitations[0].link).toBe(`${PUBLIC_URL}/i/${tokens[0]}`);
  });

  // A customer_id is looked up in the customer register, which is still on SQLite only.
  itOnSqliteUntilPorted('a comma-separated file works too', async () => {
    const r = await upload('email,name,customer_id\nlan@example.vn,"Trần, Lan",C-001\n');
    expect(r.body.imported).toBe(1);
    expect((await list()).invitations[0]).toMatchObject({ name: 'Trần, Lan', hidden: { customer_id: 'C-001' } });
  });

  it('reports every broken row by its line and imports none of the file', async () => {
    const csv =
      'name,email,language,tier\n' +
      'Ok Person,ok@example.com,en,gold\n' + // line 2: fine
      'No At,not-an-email,en,gold\n' + // line 3
      ',,en,gold\n' + // line 4: neither name nor e-mail
      'Too,few\n' + // line 5
      '"Multi\nline",ml@example.com,klingon,gold\n' + // lines 6–7: unknown language, reported at 6
      'Dup,OK@example.com,en,gold\n'; // line 8: repeats line 2's address
    const r = await upload(csv);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-contacts');
    expect(r.body.error.details.map((e: { line: number; code: string }) => `${e.line} ${e.code}`)).toEqual([
      '3 bad-email',
      '4 no-name-or-email',
      '5 field-count',
      '6 bad-language',
      '8 duplicate-in-file',
    ]);
    expect(r.body.error.details[0]).toMatchObject({ column: 'email' });
    expect(r.body.error.details[4].message).toContain('line 2');
    expect(await invitationCount()).toBe(0);
  });

  it('names the columns that are not declared hidden fields, and needs an e-mail or a name column', async () => {
    const r = await upload('email,tier,shoe_size,favourite colour\na@example.com,gold,42,red\n');
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ line: 1 });
    expect(r.body.error.details[0].message).toContain('shoe_size, favourite colour');
    const none = await upload('tier,region\ngold,north\n');
    expect(none.body.error.details[0].message).toMatch(/email.*name/);
    expect(await invitationCount()).toBe(0);
  });

  it('refuses an address already invited, and hostile or malformed bodies, with nothing stored', async () => {
    await upload('email\nfirst@example.com\n');
    const again = await upload('email\nsecond@example.com\nFIRST@example.com\n');
    expect(again.status).toBe(400);
    expect(again.body.error.details).toEqual([
      {
        line: 3,
        column: 'email',
        code: 'already-invited',
        params: { value: 'FIRST@example.com' },
        message: 'FIRST@example.com is already invited to this survey',
      },
    ]);
    expect((await upload('')).status).toBe(400);
    expect((await researcher.post(`/api/surveys/${survey.id}/invitations/import`, { csv: 42 })).body.error.path).toBe(
      'csv',
    );
    expect(
      (await viewer.post(`/api/surveys/${survey.id}/invitations/import`, { csv: 'email\nx@example.com' })).status,
    ).toBe(403);
    expect(await invitationCount()).toBe(1);
  });
});

describe('an invitation link', () => {
  let invites: { link: string; id: string }[];
  beforeEach(async () => {
    await setUp();
    await upload(GOOD);
    invites = (await list()).invitations;
  });

  it('carries its hidden fields server-side (the link cannot change them) and its status follows the response', async () => {
    const token = tokenOf(invites[0].link);
    const partial = await submit({
      clientId: 'device-one-1',
      invitation: token,
      complete: false,
      page: 0,
      answers: { sat: 4 },
      hidden: { tier: 'platinum' },
    });
    expect(partial.status).toBe(201);
    expect((await list()).invitations[0].status).toBe('started');
    expect(await submit({ clientId: 'device-one-1', invitation: token }).then((r) => r.body)).toEqual({
      status: 'complete',
    });
    expect(JSON.parse((await responses())[0].hidden)).toEqual({ tier: 'gold', region: 'Hồ Chí Minh; Quận 1' });
    const after = await list();
    expect(after.invitations[0].status).toBe('completed');
    expect(after.counts).toMatchObject({ completed: 1, 'not-started': 3 });
  });

  it('is single-use: reuse after completion is refused, a retry of the same submission is not', async () => {
    const token = tokenOf(invites[1].link);
    expect((await submit({ clientId: 'first-browser', invitation: token })).status).toBe(201);
    const before = await responses();
    const reuse = await submit({ clientId: 'someone-else', invitation: token, answers: { sat: 1, nps: 0 } });
    expect(reuse.status).toBe(409);
    expect(reuse.body.error.code).toBe('invitation-used');
    expect((await submit({ clientId: 'first-browser', invitation: token })).body).toEqual({
      status: 'complete',
      duplicate: true,
    });
    expect(await responses()).toEqual(before);
  });

  it('a second device continues the same response rather than starting another', async () => {
    const token = tokenOf(invites[2].link);
    await submit({
      clientId: 'phone-00001',
      invitation: token,
      complete: false,
      page: 1,
      answers: { sat: 5, nps: 10 },
    });
    await submit({ clientId: 'laptop-0001', invitation: token });
    expect(await responses()).toEqual([expect.objectContaining({ client_id: 'phone-00001', status: 'complete' })]);
  });

  it('an unknown token is refused and stores nothing', async () => {
    const r = await submit({ clientId: 'guesser-001', invitation: 'A'.repeat(22) });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('invitation-unknown');
    expect((await submit({ clientId: 'guesser-001', invitation: 'short' })).body.error.path).toBe('invitation');
    expect(await responses()).toEqual([]);
  });

  it('the respondent page embeds its state: progress to resume from, then "used"', async () => {
    const dir = join(t.config.DATABASE_PATH, '..', 'client');
    mkdirSync(join(dir, 'respondent'), { recursive: true });
    writeFileSync(join(dir, 'respondent', 'index.html'), '<!--survey-data-->');
    const app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir: dir });
    const page = async (query: string) => {
      const html = await (await app.request(`/s/${survey.slug}${query}`)).text();
      return JSON.parse(/<script[^>]*>(.*)<\/script>/s.exec(html)![1]);
    };
    const token = tokenOf(invites[0].link);
    expect((await page(`?t=${token}`)).invitation).toEqual({
      state: 'open',
      token,
      hidden: { tier: 'gold', region: 'Hồ Chí Minh; Quận 1' },
      lang: 'vi',
      resume: null,
    });
    await submit({
      clientId: 'phone-00001',
      invitation: token,
      complete: false,
      page: 1,
      answers: { sat: 5, nps: 10 },
    });
    expect((await page(`?t=${token}`)).invitation.resume).toEqual({
      clientId: 'phone-00001',
      versionId: survey.versionId,
      page: 1,
      answers: { sat: 5, nps: 10 },
    });
    await submit({ clientId: 'phone-00001', invitation: token });
    expect((await page(`?t=${token}`)).invitation).toEqual({ state: 'used' });
    expect((await page('?t=nonsense')).invitation).toEqual({ state: 'unknown' });
    expect((await page('')).invitation).toBeUndefined();
  });
});

describe('exports', () => {
  beforeEach(async () => {
    await setUp();
    await upload(GOOD + '"=HYPERLINK(""http://evil"")";evil@example.com;;;\r\n');
  });

  it('a mail-merge file of everyone, and of who has not answered, with personal links', async () => {
    const invites = (await list()).invitations;
    await submit({ clientId: 'done-000001', invitation: tokenOf(invites[1].link) });
    const all = await researcher.get(`/api/surveys/${survey.id}/invitations.csv`);
    expect(all.headers.get('content-type')).toContain('text/csv');
    const lines = (all.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('name,email,language,link,status,tier,region');
    expect(lines[1]).toBe(
      `Nguyễn Thị Minh Khai,khai@example.vn,vi,${invites[0].link},not-started,gold,Hồ Chí Minh; Quận 1`,
    );
    // A name that a spreadsheet would run as a formula is defused.
    expect(lines.at(-1)).toMatch(/^"'=HYPERLINK/);
    const pending = await researcher.get(`/api/surveys/${survey.id}/invitations.csv?pending=1`);
    const names = (pending.body as string)
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[1]);
    expect(names).toEqual(['khai@example.vn', 'niccolo@example.it', 'anna@example.it', 'evil@example.com']);
    expect((await viewer.get(`/api/surveys/${survey.id}/invitations.csv`)).status).toBe(403);
  });

  it('filters the list by status, and refuses an unknown status', async () => {
    const invites = (await list()).invitations;
    await submit({ clientId: 'done-000001', invitation: tokenOf(invites[1].link) });
    expect((await list('completed')).invitations.map((i: { name: string }) => i.name)).toEqual(['王小明']);
    const bad = await researcher.get(`/api/surveys/${survey.id}/invitations?status=bogus`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('status');
  });
});

describe('sending by e-mail', () => {
  type Captured = { to: string[]; data: string };
  let smtp: SMTPServer;
  let captured: Captured[];

  beforeEach(async () => {
    captured = [];
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('bounce'))
          return cb(Object.assign(new Error('550 no such mailbox'), { responseCode: 550 }));
        cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          captured.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
    const port = (smtp.server.address() as { port: number }).port;
    await setUp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Research <research@example.com>' });
  });
  afterEach(() => new Promise<void>((res) => smtp.close(() => res())));

  const send = (kind: string) => researcher.post(`/api/surveys/${survey.id}/mail`, { kind });
  async function finished() {
    for (let i = 0; i < 200; i++) {
      const state = (await researcher.get(`/api/surveys/${survey.id}/mail`)).body;
      if (state.jobs[0]?.status === 'done') return state.jobs[0];
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the mail job did not finish');
  }
  const decoded = (m: Captured) =>
    m.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

  it('sends each contact their own link in their language, records a failing recipient, and reminds only those who have not finished', async () => {
    await upload(
      'name,email,language\nLan,lan@example.vn,vi\nMarco,marco@example.it,it\nBounce,bounce@example.com,en\nNo Mail,,en\nDone Soon,done@example.com,en\n',
    );
    const invites = (await list()).invitations as { name: string; link: string }[];
    const linkOf = (name: string) => invites.find((i) => i.name === name)!.link;

    const started = await send('invitation');
    expect(started.status).toBe(202);
    // Four contacts have an address; No Mail is left for the mail-merge file.
    expect(started.body).toMatchObject({ kind: 'invitation', total: 4 });
    expect(await finished()).toMatchObject({ total: 4, sent: 3, failed: 1 });
    expect(captured.map((m) => m.to[0]).sort()).toEqual(['done@example.com', 'lan@example.vn', 'marco@example.it']);
    const lan = captured.find((m) => m.to[0] === 'lan@example.vn')!;
    expect(decoded(lan)).toContain(linkOf('Lan'));
    expect(lan.data).toMatch(/Subject: =\?UTF-8\?/); // Vietnamese subject, encoded
    expect(decoded(captured.find((m) => m.to[0] === 'marco@example.it')!)).toContain('Gentile Marco');
    expect(decoded(lan)).toContain('research@example.com');

    const after = (await list()).invitations as { name: string; sentAt: number | null; lastError: string | null }[];
    const bounce = after.find((i) => i.name === 'Bounce')!;
    expect(bounce.sentAt).toBeNull();
    expect(bounce.lastError).toMatch(/550/);
    expect(after.find((i) => i.name === 'Lan')).toMatchObject({ sentAt: t.clock.now(), lastError: null });
    // Sending invitations again retries only the one that failed; nobody gets a second invitation.
    expect((await send('invitation')).body).toMatchObject({ total: 1 });
    expect(await finished()).toMatchObject({ total: 1, sent: 0, failed: 1 });
    expect(captured).toHaveLength(3);

    await submit({ clientId: 'done-browser', invitation: tokenOf(linkOf('Done Soon')) });
    captured = [];
    expect((await send('reminder')).status).toBe(202);
    expect(await finished()).toMatchObject({ kind: 'reminder', total: 2, sent: 2, failed: 0 });
    expect(captured.map((m) => m.to[0]).sort()).toEqual(['lan@example.vn', 'marco@example.it']);
    expect(decoded(captured.find((m) => m.to[0] === 'marco@example.it')!)).toContain('Promemoria');
  });

  it('does not remind a contact whose invitation bounced after the mail server accepted it', async () => {
    await upload('name,email\nLan,lan@example.vn\nGone,gone@example.com\n');
    await send('invitation');
    expect(await finished()).toMatchObject({ total: 2, sent: 2, failed: 0 });
    // The provider's bounce list, a day later: gone@example.com no longer exists.
    const r = await researcher.post(`/api/surveys/${survey.id}/invitations/bounces`, {
      text: 'gone@example.com,550 5.1.1 user unknown\n',
    });
    expect(r.body).toEqual({ bounced: 1 });
    captured = [];
    expect((await send('reminder')).body).toMatchObject({ kind: 'reminder', total: 1 });
    await finished();
    expect(captured.map((m) => m.to[0])).toEqual(['lan@example.vn']);
    expect((await list()).counts).toMatchObject({ sent: 2, bounced: 1, failed: 0 });
  });

  it('a mailing left unfinished by a stopped process carries on when the app starts again', async () => {
    await upload('name,email\nAda,ada@example.org\nBea,bea@example.org\n');
    // What a process killed mid-job leaves behind: a running job with contacts still waiting in it.
    await t.rows(
      `insert into mail_jobs (id, survey_id, kind, status, total, sent, created_at) values ('left-over', ?, 'invitation', 'running', 2, 0, 0) returning id`,
      survey.id,
    );
    await t.rows(`update invitations set job_id = 'left-over' returning id`);
    const restarted = t.anotherNodeDeps();
    startWorkers(restarted);
    try {
      expect(await finished()).toMatchObject({ id: 'left-over', sent: 2, failed: 0 });
    } finally {
      await outboxOf(restarted.store)?.stop();
    }
    expect(captured.map((m) => m.to[0]).sort()).toEqual(['ada@example.org', 'bea@example.org']);
  });

  it('without PUBLIC_URL, mailed links use the address the researcher reached the app at', async () => {
    (t.config as { PUBLIC_URL?: string }).PUBLIC_URL = undefined;
    await upload('name,email\nAda,ada@example.org\n');
    await send('invitation');
    await finished();
    // app.request() addresses the app as http://localhost; the fallback would be http://localhost:3000.
    expect(decoded(captured[0])).toMatch(/http:\/\/localhost\/i\/[A-Za-z0-9_-]{22}/);
  });

  it("uses the survey's own template when it has one for the language", async () => {
    await researcher.patch(`/api/surveys/${survey.id}/settings`, {
      invitationMail: { en: { subject: 'Hello {name}', body: 'Go to {link} now' } },
    });
    await upload('name,email\nAda,ada@example.org\n');
    await send('invitation');
    await finished();
    const link = (await list()).invitations[0].link;
    expect(captured[0].data).toContain('Subject: Hello Ada');
    expect(decoded(captured[0])).toContain(`Go to ${link} now`);
  });
});

describe('without SMTP', () => {
  beforeEach(() => setUp());
  it('sending is refused with a pointer to the mail-merge file', async () => {
    await upload('email\na@example.com\n');
    const r = await researcher.post(`/api/surveys/${survey.id}/mail`, { kind: 'invitation' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('no-smtp');
    expect((await researcher.get(`/api/surveys/${survey.id}/mail`)).body).toEqual({ smtp: false, jobs: [] });
  });
});
