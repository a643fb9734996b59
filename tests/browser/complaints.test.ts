/**
 * A complaint classified on the case page is counted in the report: the researcher sets the case's
 * type and severity, sees the change in its history, and finds it in the report's complaints by type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let surveyId = '';
let caseId = '';
const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const ctx = await browser.newContext();
  const setup = await ctx.request.post(`${server.url}/api/auth/setup`, { data: ADMIN });
  const headers = { 'x-csrf-token': (await setup.json()).csrf };
  const post = async (path: string, data: unknown) => {
    const r = await ctx.request.post(`${server.url}${path}`, { data, headers });
    expect(r.status(), `${path}: ${await r.text()}`).toBeLessThan(300);
    return r.json();
  };
  const created = await post('/api/surveys', {
    definition: {
      title: { en: 'Hotel stay' },
      pages: [
        {
          id: 'p1',
          questions: [
            {
              id: 'sat',
              type: 'rating',
              required: true,
              role: 'overall-satisfaction',
              text: { en: 'How satisfied were you with your stay?' },
              scale: { min: 1, max: 5 },
            },
          ],
        },
      ],
    },
  });
  surveyId = created.id;
  const published = await post(`/api/surveys/${surveyId}/publish`, {});
  await post(`/api/surveys/${surveyId}/alerts/rules`, {
    name: 'Unhappy guest',
    when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
  });
  const answer = await ctx.request.post(`${server.url}/api/public/s/${created.slug}/responses`, {
    data: { clientId: 'guest-0001', versionId: published.versions[0].id, complete: true, answers: { sat: 1 } },
  });
  expect(answer.status()).toBe(201);
  caseId = (await (await ctx.request.get(`${server.url}/api/cases`)).json()).cases[0].id;
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('complaints', () => {
  it('a type set on the case page is counted in the report', async () => {
    const context = await browser.newContext(DESKTOP);
    expect((await context.request.post(`${server.url}/api/auth/login`, { data: ADMIN })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByLabel('Complaint type').selectOption('price');
    await page.getByTestId('case-events').getByText('Complaint type: Not classified → Price').waitFor();
    await page.getByLabel('Severity').selectOption('serious');
    await page.getByTestId('case-events').getByText('Severity: Not classified → Serious').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'complaints-1-case-desktop.png'), fullPage: true });

    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    const row = page.getByTestId('complaints-type-price');
    await row.waitFor();
    // One case, serious, not resolved: "1 †" (a small base), 100 % serious, 0 % resolved.
    expect(await row.locator('td').first().textContent()).toBe('1 †');
    expect(await row.textContent()).toContain('100%');
    await page.getByTestId('section-cases').screenshot({ path: join(SCREENSHOTS, 'complaints-2-report-desktop.png') });
    await context.close();
  });

  it('reads on a phone', async () => {
    const context = await browser.newContext(PHONE);
    expect((await context.request.post(`${server.url}/api/auth/login`, { data: ADMIN })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('case-complaint-type').waitFor();
    expect(await page.getByTestId('case-complaint-type').inputValue()).toBe('price');
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'complaints-3-case-phone.png'), fullPage: true });
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    await page.getByTestId('complaints-by-tier').waitFor();
    await page.getByTestId('section-cases').screenshot({ path: join(SCREENSHOTS, 'complaints-4-report-phone.png') });
    await context.close();
  });
});
