/**
 * A respondent on a phone answers the instructions block, yes/no, a date, a long dropdown through
 * its search box, fields that must add up to 100, text fields and a matrix with two scales; the
 * server's first page of those types is taken over by the bundle without losing what was answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser, type Page } from '../support/browser';
import { moreTypesSurvey } from '../support/more-types-survey';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let cookie = '';
let csrf = '';
let slug = '';

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

const stored = () => {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return db.prepare('select status, answers from responses order by id').all() as {
      status: string;
      answers: string;
    }[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await api('POST', '/api/auth/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  const created = await api('POST', '/api/surveys', { definition: moreTypesSurvey(), slug: 'store-visit' });
  await api('POST', `/api/surveys/${created.id}/publish`);
  slug = created.slug;
  // Every new type on page 1, the one the server renders; the date without its condition.
  const def = moreTypesSurvey();
  const questions = [...def.pages[0].questions, ...def.pages[1].questions].map((q) => {
    const { visibleIf: _, ...rest } = q as typeof q & { visibleIf?: unknown };
    return rest;
  });
  const all = await api('POST', '/api/surveys', {
    slug: 'every-new-type',
    definition: {
      ...def,
      pages: [
        { id: 'p1', questions },
        { id: 'p2', questions: [{ id: 'end', type: 'text', text: { en: 'The end' } }] },
      ],
    },
  });
  await api('POST', `/api/surveys/${all.id}/publish`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const countryOptions = (page: Page) =>
  page.locator('#q-country-in option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));

describe('the new question types on a phone', () => {
  it("are answered, checked in the respondent's terms and stored", async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${slug}?lang=en`);
    await page.getByText('Please think about your last visit to our store.').waitFor();
    // The instructions are text, not a question: nothing to answer, no "Required".
    expect(await page.locator('#q-intro input, #q-intro .req').count()).toBe(0);

    // The date appears once "Yes" is chosen, with the phone's own date picker.
    expect(await page.locator('#q-visit_date-in').count()).toBe(0);
    await page.getByRole('radio', { name: 'Yes' }).check({ force: true });
    const date = page.getByLabel('When was your visit?');
    await date.waitFor();
    expect(await date.getAttribute('type')).toBe('date');
    expect([await date.getAttribute('min'), await date.getAttribute('max')]).toEqual(['2026-01-01', '2026-11-30']);
    await date.fill('2026-12-24');

    // Fifteen countries: the search box narrows the list; the one chosen stays in it.
    const search = page.getByRole('searchbox', { name: 'Search the list' });
    await search.fill('swe');
    expect(await countryOptions(page)).toEqual(['', 'se']);
    await page.locator('#q-country-in').selectOption('se');
    await search.fill('ita');
    expect(await countryOptions(page)).toEqual(['', 'it', 'se']);
    await search.fill('');
    expect(await countryOptions(page)).toHaveLength(16);

    await page.getByLabel('Online').fill('60');
    await page.getByLabel('In store').fill('30');
    await page.getByLabel('By phone').fill('5');
    await page.getByText('Total: 95 of 100').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('#q-visit_date .err', { hasText: 'Choose a date from Jan 1, 2026 to Nov 30, 2026.' }).waitFor();
    await page.locator('#q-share .err', { hasText: 'The total must be 100; it is now 95.' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'more-types-1-errors.png'), fullPage: true });

    await date.fill('2026-03-02');
    await page.getByLabel('By phone').fill('10');
    await page.getByText('Total: 100 of 100').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByText('How important is each, and how satisfied are you?').waitFor();
    await page.getByLabel('First name').fill('Ada');
    const card = (item: string) =>
      page.locator('#q-ipa fieldset.card').filter({ has: page.locator('legend', { hasText: item }) });
    await card('Prices').locator('input[name="ipa.price.imp"][value="5"]').check({ force: true });
    await card('Prices').getByRole('radio', { name: 'Fair' }).check({ force: true });
    await card('Staff').locator('input[name="ipa.staff.imp"][value="4"]').check({ force: true });
    await card('Staff').getByRole('radio', { name: 'Excellent' }).check({ force: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'more-types-2-scales.png'), fullPage: true });
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByText('Thank you!').waitFor();
    await expect
      .poll(() =>
        stored()
          .filter((r) => r.status === 'complete')
          .map((r) => JSON.parse(r.answers)),
      )
      .toEqual([
        {
          returning: 'yes',
          visit_date: '2026-03-02',
          country: 'se',
          share: { online: 60, store: 30, phone: 10 },
          names: { first: 'Ada' },
          ipa: { price: { imp: 5, sat: 2 }, staff: { imp: 4, sat: 4 } },
        },
      ]);
    await context.close();
  });

  it("keep what was answered on the server's page before the bundle took over", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/respondent-.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/s/${slug}?lang=en`, { waitUntil: 'commit' });
    await page.getByText('Have you shopped with us before?').waitFor();
    await page.getByRole('radio', { name: 'No' }).check({ force: true });
    await page.locator('#q-country-in').selectOption('fr');
    await page.getByLabel('Online').fill('50');
    await page.getByLabel('In store').fill('50');
    await page.getByLabel('By phone').fill('0');
    release();
    // The bundle's own page, with the server page's answers: Next goes on to page 2.
    await page.getByText('Total: 100 of 100').waitFor();
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    expect(await page.locator('#q-country-in').inputValue()).toBe('fr');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('How important is each, and how satisfied are you?').waitFor();
    await context.close();
  });

  it('come from the server laid out exactly as the bundle lays them out (no shift at the takeover)', async () => {
    const url = `${server.url}/s/every-new-type?lang=en`;
    const boxes = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('#root *')]
          .filter((e) => (e as HTMLElement).offsetParent)
          .map((e) => {
            const r = e.getBoundingClientRect();
            return `${e.tagName} ${r.x},${r.y},${r.width},${r.height}`;
          }),
      );
    for (const device of [PHONE, { viewport: { width: 1366, height: 900 } }]) {
      const off = await browser.newContext({ ...device, javaScriptEnabled: false });
      const serverPage = await off.newPage();
      await serverPage.goto(url);
      const on = await browser.newContext(device);
      const bundle = await on.newPage();
      await bundle.goto(url);
      await bundle.waitForFunction(() => !document.querySelector('#root[data-key]'));
      const [a, b] = [await boxes(serverPage), await boxes(bundle)];
      expect(a.length).toBeGreaterThan(100);
      expect(a).toEqual(b);
      await off.close();
      await on.close();
    }
  });

  it('have no serious or critical accessibility violations (axe-core), all on one page', async () => {
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/every-new-type?lang=en`);
    await page.waitForFunction(() => !document.querySelector('#root[data-key]'));
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
});
