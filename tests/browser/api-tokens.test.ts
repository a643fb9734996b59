import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  DESKTOP,
  SCREENSHOTS,
  launchChromium,
  startTestServer,
  type Browser,
  setUpAdminInApp,
} from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('API tokens on the account page', () => {
  it('makes a token shown once, which an integration then uses; its last use shows; revoking ends it', async () => {
    const ctx = await browser.newContext({ ...DESKTOP, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await setUpAdminInApp(page, server.url);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/account`);
    await expect.poll(() => page.getByTestId('api-tokens-none').count()).toBe(1);

    // A name is needed; the error is in the interface's language.
    await page.getByTestId('api-token-create').click();
    await expect.poll(() => page.getByTestId('api-token-form').textContent()).toContain('Trường này là bắt buộc');
    await page.getByTestId('api-token-name').fill('BI dashboard');
    await page.getByTestId('api-token-role').selectOption('viewer');
    await page.getByTestId('api-token-days').fill('30');
    await page.getByTestId('api-token-create').click();
    const secret = await page.getByTestId('api-token-secret').inputValue();
    expect(secret).toMatch(/^ys_[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'api-token-made-vi.png'), fullPage: true });

    // The integration: no cookie, no CSRF token, only the bearer.
    const asIntegration = (method: string, path: string) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
    expect((await asIntegration('GET', '/api/surveys')).status).toBe(200);
    expect((await asIntegration('POST', '/api/surveys')).status).toBe(403);

    await page.reload();
    const row = page.getByTestId('api-tokens-table').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent())!;
    expect(text).toContain('BI dashboard');
    expect(text).toContain(secret.slice(0, 10));
    expect(text).not.toContain(secret);
    expect(text).not.toContain('Chưa dùng');
    expect(await page.content()).not.toContain(secret);

    await row.getByTestId('api-token-revoke').click();
    await expect.poll(() => page.getByTestId('api-tokens-none').count()).toBe(1);
    expect((await asIntegration('GET', '/api/surveys')).status).toBe(401);
    await ctx.close();
  });
});
