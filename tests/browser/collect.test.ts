/**
 * Collection on a phone (390×844): resume after a reload, a submission made offline stored once,
 * hidden fields from the link, kiosk mode, invitation links that resume from the server, the
 * rule pages, and an axe-core check of the respondent page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let cookie = '';
let csrf = '';
let survey: { id: string; slug: string };

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(new URL(path, server.url), {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  const json = await res.json().catch(() => null);
  if (json?.csrf) csrf = json.csrf;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const threePages = () => ({
  title: { en: 'Hotel stay' },
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          required: true,
          text: { en: 'How satisfied were you with your stay?' },
          scale: { min: 1, max: 5 },
        },
      ],
    },
    {
      id: 'p2',
      questions: [
        {
          id: 'why',
          type: 'single',
          required: true,
          text: { en: 'Why did you travel?' },
          options: [
            { id: 'work', label: { en: 'Work' } },
            { id: 'leisure', label: { en: 'Leisure' } },
          ],
        },
      ],
    },
    { id: 'p3', questions: [{ id: 'note', type: 'text', text: { en: 'Anything else?' }, maxLength: 200 }] },
  ],
});

async function newSurvey(slug: string) {
  const created = await api('POST', '/api/surveys', { definition: threePages(), slug });
  await api('POST', `/api/surveys/${created.id}/publish`);
  return { id: created.id as string, slug };
}

const rows = (slug: string) => {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return db
      .prepare(
        `select r.client_id as clientId, r.status, r.answers, r.hidden from responses r join surveys s on s.id = r.survey_id where s.slug = ? order by r.id`,
      )
      .all(slug) as { clientId: string; status: string; answers: string; hidden: string }[];
  } finally {
    db.close();
  }
};

// Next is disabled while the last page's save is in flight (a double tap is ignored); click()
// waits for it to be enabled, as a person would.
async function tap(page: import('playwright-core').Page, name: 'Next' | 'Finish') {
  await page.getByRole('button', { name }).click();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await api('POST', '/api/auth/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  survey = await newSurvey('hotel-stay');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the respondent page on a phone', () => {
  it('resumes after a reload, and a Finish made offline is sent when back online and stored once', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${survey.slug}?tier=gold&lang=en`);
    await page.getByRole('radio', { name: '4' }).check({ force: true });
    await tap(page, 'Next');
    await page.getByRole('radio', { name: 'Leisure' }).check({ force: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-1-page2.png') });

    await page.reload();
    await page.getByText('You started this survey earlier on this device.').waitFor();
    expect(await page.getByRole('radio', { name: 'Leisure' }).isChecked()).toBe(true);
    await page.getByText('Page 2 of 3').waitFor();
    await tap(page, 'Next');
    await page.locator('textarea, input[type="text"]').first().fill('Lovely breakfast');
    // The page save after page 2 reached the server before going offline.
    await expect.poll(() => rows(survey.slug).map((r) => r.status)).toEqual(['partial']);
    // The device keeps the resume key the server gave with its first save: only that reads the answers back.
    const saved = await page.evaluate(() =>
      Object.keys(localStorage)
        .map((k) => {
          try {
            return JSON.parse(localStorage.getItem(k)!);
          } catch {
            return null;
          }
        })
        .find((p) => p && typeof p.clientId === 'string'),
    );
    expect(saved.resumeKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const progressUrl = `${server.url}/api/public/s/${survey.slug}/responses/${saved.clientId}`;
    const back = await fetch(progressUrl, { headers: { 'X-Resume-Key': saved.resumeKey } });
    expect(back.status).toBe(200);
    expect((await back.json()).answers).toMatchObject({ sat: 4, why: 'leisure' });
    expect((await fetch(progressUrl)).status).toBe(400);

    await context.setOffline(true);
    await tap(page, 'Finish');
    await expect.poll(() => page.locator('.status').textContent()).toMatch(/offline/);
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-2-offline.png') });
    expect(rows(survey.slug).map((r) => r.status)).toEqual(['partial']);

    await context.setOffline(false);
    await page.getByText('Thank you!').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-3-thanks.png') });
    const stored = rows(survey.slug);
    expect(stored).toHaveLength(1);
    expect(stored[0].status).toBe('complete');
    expect(JSON.parse(stored[0].answers)).toEqual({ sat: 4, why: 'leisure', note: 'Lovely breakfast' });
    // The declared hidden field came from the link's query string.
    expect(JSON.parse(stored[0].hidden)).toEqual({ tier: 'gold' });
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // The page's CSP rightly refuses injected scripts; axe is the one we let in.
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${survey.slug}`);
    await page.getByRole('radio', { name: '4' }).waitFor({ state: 'attached' });
    await page.addScriptTag({ path: resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });

  it('kiosk mode starts again for the next person, as a new respondent', async () => {
    const kiosk = await newSurvey('lobby-kiosk');
    await api('PATCH', `/api/surveys/${kiosk.id}/settings`, { kiosk: true });
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${kiosk.slug}`);
    for (const [sat, why] of [
      ['5', 'Work'],
      ['2', 'Leisure'],
    ]) {
      await page.getByRole('radio', { name: sat }).check({ force: true });
      await tap(page, 'Next');
      await page.getByRole('radio', { name: why }).check({ force: true });
      await tap(page, 'Next');
      await tap(page, 'Finish');
      await page.getByText('The survey will start again for the next person in a moment.').waitFor();
      if (sat === '5') await page.screenshot({ path: join(SCREENSHOTS, 'collect-4-kiosk-thanks.png') });
      // Back at the first page with nothing answered, and no offer to resume.
      await page.getByText('Page 1 of 3').waitFor({ timeout: 10_000 });
      expect(await page.getByRole('radio', { name: sat }).isChecked()).toBe(false);
      expect(await page.getByText('You started this survey earlier').count()).toBe(0);
    }
    const stored = rows(kiosk.slug);
    expect(stored.map((r) => r.status)).toEqual(['complete', 'complete']);
    expect(stored[0].clientId).not.toBe(stored[1].clientId);
    // A reload of the kiosk doesn't bring back anything either.
    await page.reload();
    await page.getByText('Page 1 of 3').waitFor();
    expect(await page.getByText('You started this survey earlier').count()).toBe(0);
    await context.close();
  });

  it('an invitation link resumes from the server on a new device, and refuses reuse with a friendly page', async () => {
    const inv = await newSurvey('guest-invite');
    await api('POST', `/api/surveys/${inv.id}/invitations/import`, {
      csv: 'name;email;tier\nNguyễn Văn An;an@example.vn;platinum\n',
    });
    const link = (await api('GET', `/api/surveys/${inv.id}/invitations`)).invitations[0].link as string;
    const path = new URL(link).pathname + new URL(link).search;

    const first = await browser.newContext(PHONE);
    const p1 = await first.newPage();
    await p1.goto(server.url + path);
    // Answered once the bundle has taken the server's first page over, not while it swaps them.
    await p1.waitForFunction(() => !document.querySelector('#root[data-key]'));
    await p1.getByRole('radio', { name: '3' }).check({ force: true });
    await tap(p1, 'Next');
    await expect.poll(() => rows(inv.slug).map((r) => r.status)).toEqual(['partial']);
    await first.close();

    // Another phone, nothing stored locally: the server's copy takes the respondent to page 2.
    const second = await browser.newContext(PHONE);
    const p2 = await second.newPage();
    await p2.goto(server.url + path);
    await p2.getByText('Page 2 of 3').waitFor();
    await p2.getByRole('radio', { name: 'Work' }).check({ force: true });
    await tap(p2, 'Next');
    await tap(p2, 'Finish');
    await p2.getByText('Thank you!').waitFor();
    const stored = rows(inv.slug);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].answers)).toEqual({ sat: 3, why: 'work' });
    expect(JSON.parse(stored[0].hidden)).toEqual({ tier: 'platinum' });
    expect((await api('GET', `/api/surveys/${inv.id}/invitations`)).invitations[0].status).toBe('completed');

    const third = await browser.newContext(PHONE);
    const p3 = await third.newPage();
    await p3.goto(server.url + path);
    await p3.getByRole('heading', { name: 'You have already answered' }).waitFor();
    await p3.screenshot({ path: join(SCREENSHOTS, 'collect-5-used.png') });
    await second.close();
    await third.close();
  });

  it('shows friendly pages for a survey not yet open and a full one', async () => {
    const rules = await newSurvey('rules-pages');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await api('PATCH', `/api/surveys/${rules.id}/settings`, { opensAt: Date.now() + 86_400_000 });
    await page.goto(`${server.url}/s/${rules.slug}`);
    await page.getByRole('heading', { name: 'This survey hasn’t opened yet' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-6-not-yet-open.png') });
    await api('PATCH', `/api/surveys/${rules.id}/settings`, { opensAt: null, responseCap: 1 });
    await fetch(`${server.url}/api/public/s/${rules.slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'the-only-one',
        versionId: (await api('GET', `/api/public/s/${rules.slug}`)).versionId,
        complete: true,
        answers: { sat: 5, why: 'work' },
      }),
    });
    await page.goto(`${server.url}/s/${rules.slug}?lang=it`);
    await page.getByRole('heading', { name: 'Il questionario è al completo' }).waitFor();
    await context.close();
  });
});

describe('the Distribute page', () => {
  it('shows the open link and QR code, reports broken contact rows, imports a good file and lists it by status', async () => {
    const context = await browser.newContext(DESKTOP);
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${survey.id}`);
    await page.getByTestId('editor-distribute').click();
    await expect.poll(() => page.getByTestId('distribute-link').textContent()).toBe(`${server.url}/s/${survey.slug}`);
    await expect
      .poll(() => page.locator('img.qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    const file = (csv: string) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page
      .getByTestId('contacts-file')
      .setInputFiles(file('name,email,tier\nGood,good@example.com,gold\nBad,not-mail,gold\n,,gold\n'));
    await page.getByTestId('contacts-errors').getByText('Line 3').waitFor();
    expect(await page.getByTestId('contacts-errors').locator('li').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-7-distribute-errors.png'), fullPage: true });

    await page
      .getByTestId('contacts-file')
      .setInputFiles(file('\uFEFFname;email;tier\nTrần Thị Hoa;hoa@example.vn;gold\n陳大文;chan@example.hk;silver\n'));
    await page.getByText('2 contacts imported.').waitFor();
    await page.getByTestId('invitation-table').getByText('陳大文').waitFor();
    // The shop-floor respondent of the first test counts nowhere here: only invitations are listed.
    await page.getByTestId('filter-completed').click();
    await page.getByText('No invitations yet.').waitFor({ state: 'detached' });
    expect(await page.getByTestId('invitation-table').locator('tbody tr').count()).toBe(0);
    await page.getByTestId('filter-not-started').click();
    await expect.poll(() => page.getByTestId('invitation-table').locator('tbody tr').count()).toBe(2);
    // The e-mail wording starts from the standard text of the language, and saves per language.
    await expect.poll(() => page.getByTestId('template-subject').inputValue()).toBe('Your opinion on {survey}');
    await page.getByTestId('template-subject').fill('A few questions about your stay');
    await page.getByTestId('template-save').click();
    await expect
      .poll(async () => (await api('GET', `/api/surveys/${survey.id}/settings`)).invitationMail.en?.subject)
      .toBe('A few questions about your stay');
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-8-distribute.png'), fullPage: true });
    await context.close();
  });

  it('shows a viewer the invitations by status, without who was invited or their personal links', async () => {
    await api('POST', '/api/users', {
      name: 'Vic Viewer',
      email: 'vic@example.com',
      role: 'viewer',
      password: 'vic-password-123',
    });
    const signIn = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'vic@example.com', password: 'vic-password-123' }),
    });
    expect(signIn.status).toBe(200);
    const [name, value] = signIn.headers.get('set-cookie')!.split(';')[0].split('=');
    const context = await browser.newContext(DESKTOP);
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${survey.id}/distribute`);
    await page.getByTestId('contacts-hidden').waitFor();
    await expect.poll(() => page.getByTestId('invitation-table').locator('tbody tr').count()).toBe(2);
    const table = await page.getByTestId('invitation-table').textContent();
    for (const secret of ['Trần Thị Hoa', 'hoa@example.vn', '陳大文', 'chan@example.hk'])
      expect(table).not.toContain(secret);
    expect(await page.getByTestId('invitation-table').locator('a[href*="/i/"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'collect-9-distribute-viewer.png'), fullPage: true });
    await context.close();
  });
});
