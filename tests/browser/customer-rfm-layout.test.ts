/**
 * The customer page's RFM scores in Vietnamese, whose "Giá trị chi tiêu" wraps where the other two
 * labels fit on one line: the three score bars stay on one line at 390 px and 1366 px. And the
 * register page's form that lifts an erasure's block answers in the reader's language.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';
import appVi from '../../shared/i18n/app/vi';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let customerId: string;
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
  };
  await post('/api/customers/import', { csv: 'id,name\nC1,Trần Văn Bảo\nC2,Lê Thị Hoa\nC3,Phạm Minh\n' });
  await post('/api/customers/transactions/import', {
    csv: 'customer,date,amount,currency\nC1,2026-11-20,9000000,VND\nC2,2026-06-01,800000,VND\nC3,2025-11-01,200000,VND\n',
  });
  const list = await (await ctx.request.get(`${server.url}/api/customers?q=C1`)).json();
  customerId = list.customers[0].id;
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

for (const [device, options] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  it(`keeps the RFM score bars in line in Vietnamese on a ${device}`, async () => {
    const context = await browser.newContext({ ...options, locale: 'vi-VN' });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/customers/${customerId}`);
    const rfm = page.getByTestId('customer-rfm');
    await expect.poll(() => rfm.textContent()).toContain(appVi['customers.score.monetary']);
    await rfm.screenshot({ path: join(SCREENSHOTS, `customer-rfm-vi-${device}.png`) });
    const boxes = async (selector: string) =>
      Promise.all((await rfm.locator(selector).all()).map(async (x) => (await x.boundingBox())!));
    const meters = await boxes('meter');
    const values = await boxes('.rfm-value');
    expect(meters).toHaveLength(3);
    // Bars and score figures each on one line, whatever the labels' lengths.
    for (const m of meters) expect(Math.abs(m.y - meters[0].y)).toBeLessThan(1);
    for (const v of values) expect(Math.abs(v.y - values[0].y)).toBeLessThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
}

it('lifts an erasure block from the register page, saying when nobody erased has that id', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
  await context.request.post(`${server.url}/api/auth/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/customers`);
  await page.getByTestId('lift-external-id').fill('C9');
  await page.getByRole('button', { name: String(appVi['customers.lift.submit']) }).click();
  await expect.poll(() => page.getByTestId('lift-outcome').textContent()).toBe(appVi['customers.lift.notListed']);
  await page.getByTestId('lift-external-id').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'customers-lift-vi-phone.png') });
  await context.close();
});
