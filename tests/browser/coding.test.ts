/**
 * Coding open answers in the browser: a researcher codes 20 answers with the keyboard alone at a
 * desktop width; a manager reads the suggested themes on a phone in Simplified Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';
import { CHINESE, VIETNAMESE } from '../unit/coding/fixtures/answers';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let surveyId = '';
const codes: Record<string, string> = {};
let api: (method: 'get' | 'post', path: string, data?: unknown) => Promise<unknown>;

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const MANAGER = { name: 'Mai Lin', email: 'mai@example.com', password: 'password-for-mai' };
const SECOND = { name: 'Rosa Second', email: 'rosa@example.com', password: 'password-for-rosa' };
const three = (en: string, vi: string, zh: string) => ({ en, vi, 'zh-Hans': zh });

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const ctx = await browser.newContext();
  const setup = await ctx.request.post(`${server.url}/api/auth/setup`, { data: ADMIN });
  const headers = { 'x-csrf-token': (await setup.json()).csrf };
  api = async (method, path, data) => {
    const r = await ctx.request[method](`${server.url}${path}`, { data, headers });
    expect(r.status(), `${path}: ${await r.text()}`).toBeLessThan(300);
    return r.json();
  };
  const created = (await api('post', '/api/surveys', {
    definition: {
      title: three('Hotel stay', 'Kỳ nghỉ', '住宿'),
      defaultLanguage: 'en',
      languages: ['en', 'vi', 'zh-Hans'],
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'nps', type: 'nps', role: 'recommend', text: three('Recommend?', 'Giới thiệu?', '推荐吗？') },
            { id: 'why', type: 'text', text: three('Why?', 'Vì sao?', '为什么？'), maxLength: 500 },
          ],
        },
      ],
    },
  })) as { id: string; slug: string };
  surveyId = created.id;
  const published = (await api('post', `/api/surveys/${surveyId}/publish`)) as { versions: { id: number }[] };
  const answers = [...CHINESE.map((t) => ['zh-Hans', t]), ...VIETNAMESE.map((t) => ['vi', t])];
  for (const [k, [lang, text]] of answers.entries())
    await api('post', `/api/public/s/${created.slug}/responses`, {
      clientId: `browser-answer-${k}`,
      versionId: published.versions[0].id,
      complete: true,
      lang,
      answers: { nps: k % 11, why: text },
    });
  await api('post', '/api/users', { ...MANAGER, role: 'viewer' });
  await api('post', '/api/users', { ...SECOND, role: 'researcher' });
  for (const label of ['Staff', 'Waiting', 'Price'])
    codes[label] = (
      (await api('post', `/api/surveys/${surveyId}/coding/why/codes`, { label: { en: label } })) as { id: string }
    ).id;
  await ctx.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(context: Awaited<ReturnType<Browser['newContext']>>, who = ADMIN) {
  const r = await context.request.post(`${server.url}/api/auth/login`, {
    data: { email: who.email, password: who.password },
  });
  expect(r.status()).toBe(200);
}

describe('the coding screen', () => {
  it('codes 20 answers by keyboard alone at 1366 px', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    await signIn(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/coding`);
    await expect.poll(() => page.getByTestId('coding-text').textContent()).toBe(CHINESE[0]);
    expect(await page.getByTestId('coding-progress').textContent()).toBe('0 of 28 coded');
    expect(await page.getByTestId('coding-score').textContent()).toBe('Recommends: 0 of 10');

    for (let i = 0; i < 20; i++) {
      await expect.poll(() => page.getByTestId('coding-position').textContent()).toBe(`Answer ${i + 1} of 28`);
      if (i === 5) {
        // Type-ahead: "/" finds a code, Enter gives the first match.
        await page.keyboard.press('/');
        await page.keyboard.type('pri');
        await expect.poll(() => page.getByTestId('coding-find-first').textContent()).toBe('Enter gives “Price”');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
      } else {
        await page.keyboard.press(String((i % 3) + 1));
        // Some answers get a second code.
        if (i % 4 === 0) await page.keyboard.press(String(((i + 1) % 3) + 1));
      }
      await expect.poll(() => page.getByTestId('coding-progress').textContent()).toBe(`${i + 1} of 28 coded`);
      await page.keyboard.press(i % 2 === 0 ? 'j' : 'ArrowDown');
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'coding-1-desktop.png') });

    // Back to the first answer with ↑ and K: its codes are shown as given.
    for (let i = 0; i < 20; i++) await page.keyboard.press(i % 2 === 0 ? 'k' : 'ArrowUp');
    await expect.poll(() => page.getByTestId('coding-position').textContent()).toBe('Answer 1 of 28');
    const pressed = page.locator('[data-testid="coding-code"][aria-pressed="true"]');
    await expect
      .poll(async () => (await pressed.allTextContents()).map((x) => x.replace(/\d/g, '')))
      .toEqual(['Staff', 'Waiting']);

    // U undoes the latest change: the 20th answer's code.
    await page.keyboard.press('u');
    await expect.poll(() => page.getByTestId('coding-progress').textContent()).toBe('19 of 28 coded');

    const stored = (await (async () => {
      const ctx = await browser.newContext();
      await signIn(ctx);
      const r = await ctx.request.get(`${server.url}/api/surveys/${surveyId}/coding/why/answers?limit=500`);
      const body = await r.json();
      await ctx.close();
      return body;
    })()) as { items: { codes: string[] }[] };
    const given = stored.items.map((a) => a.codes.length);
    expect(given.filter((n) => n > 0)).toHaveLength(19);
    expect(stored.items[5].codes).toEqual([codes.Price]);
    expect(stored.items[0].codes.sort()).toEqual([codes.Staff, codes.Waiting].sort());

    // A second researcher codes the first three answers blind; the page reports their agreement.
    const second = await browser.newContext();
    await signIn(second, SECOND);
    const csrf = (await (await second.request.get(`${server.url}/api/auth/state`)).json()).csrf;
    for (const a of stored.items.slice(0, 3) as unknown as { responseId: number }[]) {
      const r = await second.request.put(`${server.url}/api/surveys/${surveyId}/coding/why/answers/${a.responseId}`, {
        data: { codes: [codes.Staff] },
        headers: { 'x-csrf-token': csrf },
      });
      expect(r.status()).toBe(200);
    }
    await second.close();
    await page.reload();
    // 9 yes/no decisions (3 answers × Staff, Waiting, Price): the first coder gave Staff+Waiting,
    // Waiting, Price; the second Staff three times. 5 pairs differ, 7 yeses of 18 values:
    // α = 1 − 17·(2·5)/(7·11 + 11·7) = −0.10.
    await expect
      .poll(() => page.getByTestId('coding-alpha').textContent())
      .toBe('Krippendorff’s alpha over every code: -0.1, on the 3 answers both coded.');

    // What distinguishes reads one coder's codes: the second coder's give Staff to exactly 3 answers.
    const staffMentions = () =>
      page
        .getByTestId('coding-dist-table')
        .locator('tbody tr', { hasText: 'Staff' })
        .locator('td')
        .first()
        .textContent();
    await expect.poll(staffMentions).not.toBe('3');
    await page.getByTestId('coding-dist-coder').selectOption({ label: 'Rosa Second (3 coded)' });
    await expect.poll(staffMentions).toBe('3');

    // The codeframe is edited while coding: a net "People" takes Staff, and the screen groups it so.
    await page.getByTestId('coding-new-net').fill('People');
    await page.getByTestId('coding-new-net').press('Enter');
    // Codes in the frame's order: Staff first.
    const staffRow = page.getByTestId('coding-frame-code').first();
    expect(await staffRow.locator('th input').inputValue()).toBe('Staff');
    await expect
      .poll(() => staffRow.getByTestId('coding-frame-net').locator('option').allTextContents())
      .toContain('People');
    await staffRow.getByTestId('coding-frame-net').selectOption({ label: 'People' });
    await expect.poll(() => page.locator('.coding-net-title').allTextContents()).toEqual(['People', 'No net']);
    // The choice of coder outlives the codeframe's change.
    expect(await page.getByTestId('coding-dist-coder').locator('option:checked').textContent()).toBe(
      'Rosa Second (3 coded)',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'coding-3-codeframe.png'), fullPage: true });
    await context.close();
  }, 120_000);

  it('splits marked answers of a code off into a new code by keyboard, and undoes the split', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    await signIn(context);
    const waiting = (await (
      await context.request.get(`${server.url}/api/surveys/${surveyId}/coding/why/answers?code=${codes.Waiting}`)
    ).json()) as { total: number };
    expect(waiting.total).toBeGreaterThan(2);
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/coding`);
    await expect.poll(() => page.getByTestId('coding-position').textContent()).toBe('Answer 1 of 28');
    await page.getByTestId('coding-filter').selectOption({ label: 'Answers coded “Waiting”' });
    await expect.poll(() => page.getByTestId('coding-position').textContent()).toBe(`Answer 1 of ${waiting.total}`);
    await page.getByTestId('coding-filter').blur();
    // M marks the first and the third answer shown.
    await page.keyboard.press('m');
    await expect.poll(() => page.getByTestId('coding-marked').count()).toBe(1);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    await page.getByTestId('coding-split-label').fill('Long wait');
    await page.getByTestId('coding-split-label').press('Enter');
    await expect.poll(() => page.getByTestId('coding-position').textContent()).toBe(`Answer 1 of ${waiting.total - 2}`);
    const names = () =>
      page
        .getByTestId('coding-frame-code')
        .locator('th input')
        .evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
    await expect.poll(names).toContain('Long wait');
    await page.screenshot({ path: join(SCREENSHOTS, 'coding-4-split.png'), fullPage: true });

    // The codeframe's undo puts the answers back under "Waiting" and the new code goes.
    await expect.poll(() => page.getByTestId('coding-undo-edit').textContent()).toBe('Undo splitting off “Long wait”');
    await page.getByTestId('coding-undo-edit').focus();
    await page.keyboard.press('Enter');
    await expect.poll(names).not.toContain('Long wait');
    await expect.poll(() => page.getByTestId('coding-position').textContent()).toBe(`Answer 1 of ${waiting.total}`);
    await context.close();
  }, 120_000);

  it('shows a manager the suggested themes on a phone in Simplified Chinese', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    await signIn(context, MANAGER);
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/coding`);
    const themes = page.getByTestId('coding-themes');
    await expect.poll(() => themes.locator('h2').textContent()).toBe('建议主题');
    const rows = themes.getByTestId('coding-theme');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await themes.textContent()).toContain('服务员');
    expect(await themes.textContent()).toContain('nhân viên');
    // A manager reads; coding is the researcher's.
    expect(await page.getByTestId('coding-screen').count()).toBe(0);
    expect(await themes.getByRole('button').count()).toBe(0);
    await themes.scrollIntoViewIfNeeded();
    // The page itself does not scroll sideways: a wide table scrolls inside its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect
      .poll(() => page.getByTestId('coding-distinguish').locator('h2').textContent())
      .toBe('不满意客户的区别所在');
    await page.screenshot({ path: join(SCREENSHOTS, 'coding-2-phone-zh.png'), fullPage: true });
    await context.close();
  }, 60_000);
});
