/**
 * A coded open question in the report: the filter bar offers its codes grouped by net, picking
 * one narrows the report, and the trend shows the codes' shares per wave. 40 answers a wave, as
 * tests/api/report-codes-as-data.test.ts: rude is 4 of 40 in wave 1 and 12 of 40 in wave 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';
import { basePlan } from '../support/plan';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let surveyId = '';
let rudeId = '';
const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const WAVES = [
  [...Array(20).fill('friendly'), ...Array(4).fill('rude'), ...Array(10).fill('price'), ...Array(6).fill('fine')],
  [...Array(8).fill('friendly'), ...Array(12).fill('rude'), ...Array(12).fill('price'), ...Array(8).fill('fine')],
];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const ctx = await browser.newContext();
  const setup = await ctx.request.post(`${server.url}/api/auth/setup`, { data: ADMIN });
  const headers = { 'x-csrf-token': (await setup.json()).csrf };
  const api = async (method: 'get' | 'post' | 'put', path: string, data?: unknown) => {
    const r = await ctx.request[method](`${server.url}${path}`, { data, headers });
    expect(r.status(), `${path}: ${await r.text()}`).toBeLessThan(300);
    return r.json();
  };
  const created = await api('post', '/api/surveys', {
    definition: {
      title: { en: 'Hotel stay' },
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'nps', type: 'nps', role: 'recommend', text: { en: 'How likely are you to recommend us?' } },
            { id: 'why', type: 'text', text: { en: 'What made your stay?' }, maxLength: 500 },
          ],
        },
      ],
    },
  });
  surveyId = created.id;
  const versionId = (await api('post', `/api/surveys/${surveyId}/publish`)).versions[0].id;
  await api('put', `/api/surveys/${surveyId}/plan`, { plan: basePlan() });
  for (const [w, texts] of WAVES.entries()) {
    if (w > 0) await api('post', `/api/surveys/${surveyId}/waves`);
    for (const [k, text] of texts.entries())
      await api('post', `/api/public/s/${created.slug}/responses`, {
        clientId: `browser-wave${w}-${k}`,
        versionId,
        complete: true,
        answers: { nps: text === 'rude' ? 3 : 9, why: text },
      });
  }
  const base = `/api/surveys/${surveyId}/coding/why`;
  const staff = (await api('post', `${base}/codes`, { label: { en: 'Staff' }, isNet: true })).id;
  const codes: Record<string, string> = {
    friendly: (await api('post', `${base}/codes`, { label: { en: 'Friendly' }, netId: staff })).id,
    rude: (await api('post', `${base}/codes`, { label: { en: 'Rude' }, netId: staff })).id,
    price: (await api('post', `${base}/codes`, { label: { en: 'Price' } })).id,
  };
  rudeId = codes.rude;
  const answers = (await api('get', `${base}/answers?limit=500`)).items as { responseId: number; text: string }[];
  for (const a of answers)
    if (codes[a.text]) await api('put', `${base}/answers/${a.responseId}`, { codes: [codes[a.text]] });
  await ctx.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const completes = async (page: Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>) =>
  Number((await page.getByTestId('report-completes').textContent())!.replace(/\D/g, ''));

describe('a coded question in the report', () => {
  for (const [name, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`filters by a code and shows the codes by wave (${name})`, async () => {
      const context = await browser.newContext({ ...size, locale: 'en-GB' });
      const login = await context.request.post(`${server.url}/api/auth/login`, {
        data: { email: ADMIN.email, password: ADMIN.password },
      });
      expect(login.status()).toBe(200);
      const page = await context.newPage();
      await page.goto(`${server.url}/surveys/${surveyId}/report`);
      await expect.poll(() => completes(page)).toBe(80);
      const filter = page.locator('select[data-filter="why"]');
      // Codes grouped by net: Staff's group holds the net itself, Friendly and Rude.
      expect(await filter.locator('optgroup').getAttribute('label')).toBe('Staff');
      expect(await filter.locator('optgroup option').allTextContents()).toEqual([
        'Staff: any of its codes',
        'Friendly',
        'Rude',
      ]);
      const trend = page.getByTestId('coded-trend-why');
      await expect.poll(() => trend.isVisible()).toBe(true);
      const rudeRow = trend.locator('tr', { has: page.locator('th', { hasText: /^Rude$/ }) });
      // 4 of 40, then 12 of 40.
      expect((await rudeRow.locator('td').allTextContents()).map((x) => x.slice(0, 3))).toEqual(['10%', '30%']);
      // Friendly falls from 50% to 20%: the one change beyond chance after the correction.
      expect(await trend.getByTestId('coded-reading').textContent()).toBe(
        '“Friendly”: 50% in wave 1, 20% in wave 2: a change beyond chance.',
      );
      await trend.locator('xpath=ancestor::section[1]').screenshot({
        path: join(SCREENSHOTS, `report-codes-trend-${name}.png`),
      });

      await filter.selectOption({ label: 'Rude' });
      await expect.poll(() => completes(page)).toBe(16);
      expect(page.url()).toContain('filter=why');
      await page.locator('[data-testid="filter-bar"]').screenshot({
        path: join(SCREENSHOTS, `report-codes-filter-${name}.png`),
      });
      await filter.selectOption('');
      await expect.poll(() => completes(page)).toBe(80);

      // Compared, a code's other segment is the answers without it: 16 and 80 − 16.
      await page.getByTestId('compare-question').selectOption('why');
      await page.getByTestId('compare-a').selectOption({ label: 'Rude' });
      await expect.poll(() => page.getByTestId('compare-b').inputValue()).toMatch(/^!/);
      const counts = page.getByTestId('compare-table').locator('tbody tr').first().locator('td');
      await expect.poll(async () => (await counts.allTextContents()).slice(0, 2)).toEqual(['16', '64']);
      await page
        .getByTestId('section-compare')
        .screenshot({ path: join(SCREENSHOTS, `report-codes-compare-${name}.png`) });

      // The codes as a cross-tab's rows, by wave: Rude is 10% and 30% of each wave's answers.
      await page.getByTestId('crosstab-rows').selectOption('coded:why');
      await page.getByTestId('crosstab-columns').selectOption('@wave');
      const crossRude = page
        .getByTestId('crosstab-table')
        .locator('tr', { has: page.locator('th', { hasText: /^Rude$/ }) });
      await expect.poll(async () => (await crossRude.locator('td').allTextContents()).join(' ')).toMatch(/10%.*30%/);
      await page
        .getByTestId('section-crosstab')
        .screenshot({ path: join(SCREENSHOTS, `report-codes-crosstab-${name}.png`) });
      await context.close();
    });
  }

  it('names a "does not mention" filter from a link in the filter bar and on the printed cover', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/report?filter=${encodeURIComponent(`why:!${rudeId}`)}`);
    // 80 answers, 16 of them Rude.
    await expect.poll(() => completes(page)).toBe(64);
    const filter = page.locator('select[data-filter="why"]');
    await expect.poll(() => filter.locator('option:checked').textContent()).toBe('Does not mention “Rude”');
    expect(await page.getByTestId('print-filters').textContent()).toBe('What made your stay?: Does not mention “Rude”');
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('print-cover').screenshot({ path: join(SCREENSHOTS, 'report-codes-without-cover.png') });
    await context.close();
  });
});
