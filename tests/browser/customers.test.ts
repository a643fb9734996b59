/**
 * The customer register in the browser, in English and Vietnamese, on a phone (390 px) and a
 * desktop (1366 px): the list filters by segment, a customer opens with value and RFM scores, the
 * history of their value and the key scores of their answers across surveys, and nothing runs off
 * the side of the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';
import { smallSurvey } from '../support/api';
import { basePlan } from '../support/plan';
import appEn from '../../shared/i18n/app/en';
import appVi from '../../shared/i18n/app/vi';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
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
  await post('/api/customers/import', {
    csv:
      'id;name;email;phone;language;region\n' +
      'C1;Nguyễn Thị Minh Khai;khai@example.vn;+84 28 1234 5678;vi;Hồ Chí Minh\n' +
      'C2;王小明;xiaoming@example.cn;;zh-Hans;北京\n' +
      'C3;陳美玲;meiling@example.tw;;zh-Hant;臺北\n' +
      "C4;Niccolò D'Alessandro;niccolo@example.it;;it;Torino\n" +
      'C5;Anna Smith;anna@example.com;;en;London\n',
  });
  await post('/api/customers/transactions/import', {
    csv:
      'customer,date,amount,currency\n' +
      'C1,2026-11-20,12500000,VND\nC1,2026-10-02,3000000,VND\nC1,2026-09-15,4500000,VND\n' +
      'C2,2026-06-01,800000,VND\nC3,2026-11-01,200000,VND\nC4,2025-12-24,9000000,VND\nC4,2025-11-02,9000000,VND\nC5,2026-02-14,150000,VND\n',
  });
  // C1 buys again: a third line in their value history (first scored, then each import that moved it).
  await post('/api/customers/transactions/import', {
    csv: 'customer,date,amount,currency\nC1,2026-12-01,5000000,VND\n',
  });
  // C1 answers two surveys, the first twice, its loyalty question the visit's reason ("To buy" most loyal).
  const store = smallSurvey();
  (store.pages[1].questions[0] as { role?: string }).role = 'loyalty';
  const answer = async (definition: object, answers: object[]) => {
    const r = await ctx.request.post(`${server.url}/api/surveys`, {
      data: { definition: { ...definition, hiddenFields: ['customer_id'] } },
      headers,
    });
    const survey = await r.json();
    const published = await (
      await ctx.request.post(`${server.url}/api/surveys/${survey.id}/publish`, { headers })
    ).json();
    for (const [i, a] of answers.entries())
      await post(`/api/public/s/${survey.slug}/responses`, {
        clientId: `client-${survey.id}-${i}`,
        versionId: published.versions[0].id,
        complete: true,
        page: 1,
        answers: a,
        hidden: { customer_id: 'C1' },
      });
  };
  await answer(store, [
    { sat: 2, nps: 5, visit: 'look' },
    { sat: 4, nps: 9, visit: 'buy' },
  ]);
  await answer({ ...smallSurvey(), title: { en: 'Đánh giá tài khoản' } }, [{ sat: 5, nps: 10 }]);
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CASES = [
  { lang: 'en', locale: 'en-GB', catalogue: appEn },
  { lang: 'vi', locale: 'vi-VN', catalogue: appVi },
] as const;

describe('the customer register', () => {
  for (const { lang, locale, catalogue } of CASES) {
    for (const [device, options] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      it(`lists, filters and opens a customer in ${lang} on a ${device}`, async () => {
        const context = await browser.newContext({ ...options, locale });
        const login = await context.request.post(`${server.url}/api/auth/login`, {
          data: { email: ADMIN.email, password: ADMIN.password },
        });
        expect(login.status()).toBe(200);
        const page = await context.newPage();
        await page.goto(`${server.url}/customers`);
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).textContent())
          .toBe(catalogue['customers.title']);
        await expect.poll(() => page.getByTestId('customer-row').count()).toBe(5);
        // C1 bought most (25,000,000 ₫ over four purchases, the latest recently): first by revenue.
        expect(await page.getByTestId('customer-row').first().textContent()).toContain('Nguyễn Thị Minh Khai');
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(await overflow()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `customers-list-${lang}-${device}.png`), fullPage: true });

        await page.getByTestId('filter-segment').selectOption('lost');
        await expect.poll(() => page.getByTestId('customer-row').count()).toBeLessThan(5);

        await page.goto(`${server.url}/customers`);
        await page.getByRole('link', { name: 'Nguyễn Thị Minh Khai' }).click();
        await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Nguyễn Thị Minh Khai');
        await expect
          .poll(() => page.getByTestId('customer-rfm').textContent())
          .toContain(catalogue['customers.score.recency']);
        expect(await page.getByTestId('customer-revenue').textContent()).toMatch(/25[.,]000[.,]000/);
        // The value history, newest first: the latest purchase's revenue on top, the first scoring last.
        const history = page.getByTestId('value-history').locator('li');
        expect(await history.count()).toBe(3);
        expect(await history.first().textContent()).toMatch(/25[.,]000[.,]000/);
        expect(await history.last().textContent()).toContain(catalogue['customers.history.first']);
        // Each response's key scores, oldest first: satisfaction out of 5, recommendation, loyalty.
        const rows = page.getByTestId('customer-scores').locator('tbody tr');
        expect(await rows.count()).toBe(3);
        const cells = (i: number) => rows.nth(i).locator('td').allTextContents();
        expect(await cells(0)).toEqual([
          '2 / 5',
          `5${catalogue['customers.scores.detractor']}`,
          catalogue['customers.scores.no'],
        ]);
        expect(await cells(1)).toEqual([
          '4 / 5',
          `9${catalogue['customers.scores.promoter']}`,
          catalogue['customers.scores.yes'],
        ]);
        expect(await cells(2)).toEqual(['5 / 5', `10${catalogue['customers.scores.promoter']}`, '—']);
        expect(await rows.nth(2).locator('th').textContent()).toContain('Đánh giá tài khoản');
        expect(await overflow()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `customers-detail-${lang}-${device}.png`), fullPage: true });
        await context.close();
      });
    }
  }
});

describe('importing the register in the app', () => {
  it('lists every faulty row of a refused file by line, in Vietnamese, then imports a corrected one', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/customers`);
    const upload = (csv: string) =>
      page.getByTestId('import-customers').setInputFiles({
        name: 'customers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
    await upload('id,name,email\nN1,Lê Văn Tám,not-an-address\nN2,Trần Hưng,tran@example.vn,extra\n');
    const errors = page.getByTestId('import-errors');
    await expect.poll(() => errors.textContent()).toContain('Dòng 2 (email)');
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('“not-an-address” không phải là địa chỉ email.');
    expect(text).toContain('Dòng 3');
    expect(text).toContain('Không có gì được nhập: 2 dòng bị lỗi.');
    await upload('id,name,email\nN1,Lê Văn Tám,tam@example.vn\nN2,Trần Hưng,tran@example.vn\n');
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Đã nhập: 2 khách hàng mới, 0 khách hàng được cập nhật.');
    // The list reloads with the new customers in it.
    await page.getByTestId('customer-search').fill('Lê Văn Tám');
    await page.getByTestId('customer-search').press('Enter');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Both upload buttons stay inside their card on a phone (long Vietnamese labels wrap).
    const card = await page.locator('.customer-import').boundingBox();
    for (const kind of ['customers', 'transactions']) {
      const button = await page.locator('label', { has: page.getByTestId(`import-${kind}`) }).boundingBox();
      expect(button!.x + button!.width).toBeLessThanOrEqual(card!.x + card!.width);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'customers-import-vi-phone.png'), fullPage: true });
    await context.close();
  });
});

describe("the report's customer value", () => {
  it('goes from the high-value-at-risk list to an opened case, on a desktop in English', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    const csrf = (await (await context.request.get(`${server.url}/api/auth/state`)).json()).csrf as string;
    const post = async (path: string, data: unknown) => {
      const r = await context.request.post(`${server.url}${path}`, { data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), `${path}: ${await r.text()}`).toBeLessThan(300);
      return r.json();
    };
    const definition = {
      ...smallSurvey(),
      hiddenFields: ['customer_id'],
    };
    const survey = await post('/api/surveys', { definition });
    const published = await post(`/api/surveys/${survey.id}/publish`, {});
    // C1, the VIP (most revenue), answers low.
    await post(`/api/public/s/${survey.slug}/responses`, {
      clientId: 'browser-value-c1',
      versionId: published.versions[0].id,
      complete: true,
      page: 1,
      answers: { sat: 1, nps: 2 },
      hidden: { customer_id: 'C1' },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${survey.id}/report`);
    const item = page.getByTestId('at-risk-customer');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('Nguyễn Thị Minh Khai');
    expect(await item.textContent()).toContain(appEn['customers.value.reason.detractor']);
    await page.getByTestId('customer-value').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'customers-value-report-en-desktop.png'), fullPage: false });
    await item.getByTestId('open-case').click();
    await expect.poll(() => page.getByTestId('case-title').textContent()).toBe('High value at risk');
    expect(page.url()).toMatch(/\/cases\/[\w-]+$/);
    await context.close();
  });
});

describe('inviting from the register', () => {
  it("previews a seed's draw per tier, then invites exactly those customers, in Vietnamese on a phone", async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    const csrf = (await (await context.request.get(`${server.url}/api/auth/state`)).json()).csrf as string;
    const send = async (method: 'post' | 'put', path: string, data: unknown) => {
      const r = await context.request[method](`${server.url}${path}`, { data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), `${path}: ${await r.text()}`).toBeLessThan(300);
      return r.json();
    };
    const survey = await send('post', '/api/surveys', {
      definition: { ...smallSurvey(), hiddenFields: ['customer_id'] },
    });
    await send('post', `/api/surveys/${survey.id}/publish`, {});
    await send('put', `/api/surveys/${survey.id}/plan`, {
      plan: basePlan({
        sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 0.5, incidence: 1 },
        quotas: {
          variables: [
            {
              source: 'customer_tier',
              label: 'Tier',
              unit: 'percent',
              categories: [
                { value: 'vip', label: 'VIP', population: 20 },
                { value: 'small', label: 'Small', population: 80 },
              ],
            },
          ],
          method: 'proportional',
          cells: [
            { key: 'vip', values: ['vip'], target: 1 },
            { key: 'small', values: ['small'], target: 1 },
          ],
        },
      }),
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/surveys/${survey.id}/distribute`);
    await page.getByTestId('draw-seed').fill('wave-1');
    await page.getByTestId('draw-preview').click();
    const result = page.getByTestId('draw-result');
    await expect.poll(() => result.textContent()).toContain('Hạt giống này (wave-1)');
    await page.getByTestId('draw-invite').click();
    await expect.poll(() => result.textContent()).toContain('Đã mời');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const card = await page.locator('.register-draw').boundingBox();
    const seedBox = await page.getByTestId('draw-seed').boundingBox();
    expect(seedBox!.x + seedBox!.width).toBeLessThanOrEqual(card!.x + card!.width);
    await page.screenshot({ path: join(SCREENSHOTS, 'customers-draw-vi-phone.png'), fullPage: true });
    const invitations = await (await context.request.get(`${server.url}/api/surveys/${survey.id}/invitations`)).json();
    expect(invitations.counts.total).toBeGreaterThan(0);
    await context.close();
  });
});

describe("the register's contact and retention rules", () => {
  it('are set on the Customers page, in Italian on a phone', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'it-IT' });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('contact-interval').fill('30');
    await page.getByTestId('retention-days').fill('400');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    // The rules' card and the suppression card below it each have a status line.
    await expect
      .poll(async () => (await page.locator('.register-rules [role="status"]').allTextContents()).join(' '))
      .toContain('Salvato.');
    expect(await (await context.request.get(`${server.url}/api/customers/contact-rules`)).json()).toEqual({
      intervalDays: 30,
    });
    expect(await (await context.request.get(`${server.url}/api/customers/retention`)).json()).toEqual({
      retentionDays: 400,
    });
    await context.close();
  });
});
