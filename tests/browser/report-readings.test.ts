/**
 * Readings in the browser: a filtered, weighted view with a comparison is restored from its
 * address, and figures that do not follow the filter say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchChromium, startTestServer, type Browser, type Page } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let surveyId: string;
const POLL = { timeout: 15_000 };

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const ctx = await browser.newContext();
  const setup = await ctx.request.post(`${server.url}/api/auth/setup`, {
    data: { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' },
  });
  expect(setup.status()).toBe(201);
  const demo = await ctx.request.post(`${server.url}/api/demo`, {
    data: {},
    headers: { 'x-csrf-token': (await setup.json()).csrf },
  });
  expect(demo.status()).toBe(201);
  surveyId = (await demo.json()).id;
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const completes = async (page: Page) =>
  Number((await page.getByTestId('report-completes').textContent())!.replace(/\D/g, ''));

describe('a filtered view', () => {
  it('lives in its address: opened from a bookmark it shows the same filter, weighting and comparison', async () => {
    const ctx = await browser.newContext(DESKTOP);
    const login = await ctx.request.post(`${server.url}/api/auth/login`, {
      data: { email: 'ada@example.com', password: 'correct horse battery' },
    });
    expect(login.status()).toBe(200);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    await expect.poll(() => page.getByTestId('section-fieldwork').count(), POLL).toBe(1);
    const all = await completes(page);

    // Platinum customers only, weighted by quota cell, business against leisure compared.
    await page.locator('select[data-filter="tier"]').selectOption({ label: 'Platinum' });
    await expect.poll(() => completes(page), POLL).toBeLessThan(all);
    await page.getByTestId('weight').selectOption('cells');
    await expect.poll(() => new URL(page.url()).searchParams.get('weight'), POLL).toBe('cells');
    await page.getByTestId('compare-question').selectOption('purpose');
    await page.getByTestId('compare-a').selectOption('business');
    await page.getByTestId('compare-b').selectOption('leisure');
    await expect.poll(() => new URL(page.url()).searchParams.get('b'), POLL).toBe('leisure');
    const address = page.url();
    const params = new URL(address).searchParams;
    expect(params.get('filter')).toBe('tier:platinum');
    expect([params.get('compare'), params.get('a')]).toEqual(['purpose', 'business']);
    const platinum = await completes(page);
    const api = await (
      await ctx.request.get(`${server.url}/api/surveys/${surveyId}/report?filter=tier%3Aplatinum&weight=cells`)
    ).json();
    expect(platinum).toBe(api.completes);

    // The bookmark, opened in a fresh tab: the same view, not the unfiltered report.
    const again = await ctx.newPage();
    const first = again.waitForResponse((r) => r.url().includes('/report?') && r.status() === 200);
    await again.goto(address);
    expect(new URL((await first).url()).searchParams.get('filter')).toBe('tier:platinum');
    await expect.poll(() => completes(again), POLL).toBe(platinum);
    expect(await again.locator('select[data-filter="tier"]').inputValue()).toBe('platinum');
    expect(await again.getByTestId('weight').inputValue()).toBe('cells');
    expect(await again.getByTestId('compare-question').inputValue()).toBe('purpose');
    expect(await again.getByTestId('compare-b').inputValue()).toBe('leisure');

    // Figures that count every response say so, instead of calling filtered-out tiers "behind".
    const fieldwork = again.getByTestId('section-fieldwork');
    expect(await fieldwork.getByTestId('reading').textContent()).toMatch(
      /Quota attainment counts every completed response: the filters do not apply to it\.$/,
    );
    expect(await fieldwork.getByTestId('quota-unfiltered').count()).toBe(1);
    const cells = (
      await fieldwork.getByTestId('quota-attainment').locator('tbody tr td:nth-of-type(1)').allTextContents()
    ).map((x) => Number(x.replace(/\D/g, '')));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(all);
    expect(await again.getByTestId('report-partials').textContent()).toMatch(/filters do not apply/);
    await ctx.close();
  });
});
