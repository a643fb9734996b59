/**
 * The respondent page's first page comes rendered from the server (server/collect/first-page):
 * readable with JavaScript off, in the respondent's language, with page 1's display logic and
 * option order; the bundle then takes over without losing what was answered meanwhile, and a
 * returning respondent is taken to their own page, never shown page 1 first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let cookie = '';
let csrf = '';

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

const options = (ids: string[]) => ids.map((id) => ({ id, label: { en: `Option ${id}`, it: `Opzione ${id}` } }));
const definition = {
  title: { en: 'Breakfast', it: 'Colazione' },
  languages: ['en', 'it'],
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          required: true,
          text: { en: 'How was breakfast?', it: 'Com’era la colazione?' },
          scale: { min: 1, max: 5 },
        },
        // Display logic on page 1, from a hidden field of the link.
        {
          id: 'vip',
          type: 'text',
          text: {
            en: 'What would make your next stay perfect?',
            it: 'Cosa renderebbe perfetto il prossimo soggiorno?',
          },
          visibleIf: { match: 'all', conditions: [{ source: 'tier', op: 'equals', value: 'gold' }] },
        },
        {
          id: 'dish',
          type: 'single',
          randomize: true,
          text: { en: 'Favourite dish?', it: 'Piatto preferito?' },
          options: options(['a', 'b', 'c', 'd', 'e', 'f']),
        },
      ],
    },
    { id: 'p2', questions: [{ id: 'note', type: 'text', text: { en: 'Anything else?', it: 'Altro?' } }] },
  ],
};

const stored = (slug: string) => {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return db
      .prepare('select r.status, r.answers from responses r join surveys s on s.id = r.survey_id where s.slug = ?')
      .all(slug) as { status: string; answers: string }[];
  } finally {
    db.close();
  }
};

let slug = '';
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await api('POST', '/api/auth/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  const created = await api('POST', '/api/surveys', { definition, slug: 'breakfast' });
  await api('POST', `/api/surveys/${created.id}/publish`);
  slug = created.slug;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const dishOrder = (page: import('playwright-core').Page) =>
  page.locator('#q-dish input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe('the first page rendered by the server', () => {
  it('shows the first question with JavaScript disabled, in the language of the link, then of the browser', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${slug}?lang=en&tier=gold`);
    await page.getByText('How was breakfast?').waitFor();
    expect(await page.getByText('Page 1 of 2').isVisible()).toBe(true);
    expect(await page.getByText('What would make your next stay perfect?').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Next' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'first-page-1-no-js.png'), fullPage: true });

    // No ?lang=: the browser's Accept-Language (it-IT); no gold tier: the logic hides the question.
    await page.goto(`${server.url}/s/${slug}`);
    await page.getByText('Com’era la colazione?').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    expect(await page.title()).toBe('Colazione');
    expect(await page.getByText('Cosa renderebbe perfetto il prossimo soggiorno?').count()).toBe(0);
    await context.close();
  });

  it('shows a closed survey’s page with JavaScript disabled', async () => {
    const closed = await api('POST', '/api/surveys', { definition, slug: 'breakfast-closed' });
    await api('POST', `/api/surveys/${closed.id}/publish`);
    await api('PATCH', `/api/surveys/${closed.id}`, { status: 'closed' });
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/s/breakfast-closed?lang=it`);
    await page.getByRole('heading', { name: 'Questo questionario è chiuso' }).waitFor();
    await context.close();
  });

  it('is taken over by the bundle keeping the option order, the answers and the Next given before it loaded', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    // The bundle is held back, as on a slow phone, until the respondent has answered.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/respondent-.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/s/${slug}?lang=en&tier=gold`, { waitUntil: 'commit' });
    await page.getByText('How was breakfast?').waitFor();
    const serverOrder = await dishOrder(page);
    expect([...serverOrder].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    await page.getByRole('radio', { name: '4' }).check({ force: true });
    await page.getByRole('textbox', { name: 'What would make your next stay perfect?' }).fill('Fresh juice');
    await page.getByRole('radio', { name: 'Option c' }).check({ force: true });
    await page.getByRole('button', { name: 'Next' }).click();
    // Still the server's page: the click neither reloaded it nor went anywhere.
    expect(page.url()).toBe(`${server.url}/s/${slug}?lang=en&tier=gold`);
    release();

    await page.getByText('Anything else?').waitFor();
    await page.getByText('Page 2 of 2').waitFor();
    await expect
      .poll(() => stored(slug).map((r) => JSON.parse(r.answers)))
      .toEqual([{ sat: 4, vip: 'Fresh juice', dish: 'c' }]);

    // Back to page 1: the bundle's own rendering, with the server's option order for this respondent.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByText('How was breakfast?').waitFor();
    expect(await dishOrder(page)).toEqual(serverOrder);
    expect(await page.getByRole('radio', { name: 'Option c' }).isChecked()).toBe(true);
    await context.close();
  });

  it('moves nothing when the bundle takes over (no layout shift)', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.shift += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/s/${slug}?lang=en&tier=gold`);
    // The server's root carries data-key; the bundle's own root does not.
    await page.waitForFunction(() => !document.querySelector('#root[data-key]'));
    await page.getByRole('radio', { name: '2' }).check({ force: true });
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
    await context.close();
  });

  it('renders every question type as the bundle does, and keeps prices and brands given before it loaded', async () => {
    const en = (x: string) => ({ en: x });
    const opts = (ids: string[]) => ids.map((id) => ({ id, label: en(`Label ${id}`) }));
    const all = await api('POST', '/api/surveys', {
      slug: 'every-type',
      definition: {
        title: en('Every type'),
        pages: [
          {
            id: 'p1',
            questions: [
              { id: 'rk', type: 'ranking', text: en('Rank these'), options: opts(['a', 'b', 'c']) },
              { id: 'gg', type: 'gaborGranger', text: en('Price ladder'), currency: 'EUR', prices: [10, 20, 30, 40] },
              { id: 'vw', type: 'vanWestendorp', text: en('Prices'), currency: 'EUR', likelihood: true },
              {
                id: 'imp',
                type: 'importance',
                mode: 'sum',
                total: 100,
                text: en('Share 100 points'),
                items: opts(['x', 'y']),
              },
              {
                id: 'cmp',
                type: 'competitor',
                text: en('Brands'),
                brands: opts(['own', 'rival']),
                ownBrand: 'own',
                attributes: opts(['q1']),
                scale: { min: 1, max: 5 },
              },
              {
                id: 'sq',
                type: 'servqual',
                text: en('Service'),
                scale: { min: 1, max: 7 },
                items: [{ id: 'i1', label: en('Item 1'), dimension: 'tangibles' }],
              },
              { id: 'ct', type: 'contact', text: en('Contact'), consent: en('You may contact me'), phone: true },
              {
                id: 'mx',
                type: 'matrix',
                text: en('Matrix'),
                items: opts(['m1']),
                scale: { min: 1, max: 5, minLabel: en('Bad'), maxLabel: en('Good') },
                notApplicable: true,
              },
              {
                id: 'dd',
                type: 'single',
                display: 'dropdown',
                other: true,
                text: en('Dropdown'),
                options: opts(['d1', 'd2']),
              },
              {
                id: 'mul',
                type: 'multiple',
                min: 1,
                text: en('Multi'),
                help: en('Some help'),
                options: opts(['u1', 'u2']),
              },
              { id: 'num', type: 'number', text: en('Number'), integer: true },
            ],
          },
          { id: 'p2', questions: [{ id: 'end', type: 'text', text: en('The end') }] },
        ],
      },
    });
    await api('POST', `/api/surveys/${all.id}/publish`);
    const url = `${server.url}/s/every-type?lang=en`;
    // Every visible element's box; the server's wrappers of a matrix's two layouts aside.
    const boxes = (page: import('playwright-core').Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('#root *')]
          .filter((e) => (e as HTMLElement).offsetParent && !/ssr-/.test(e.className))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return `${e.tagName} ${r.x},${r.y},${r.width},${r.height}`;
          }),
      );

    for (const device of [PHONE, { viewport: { width: 1366, height: 900 } }]) {
      const off = await browser.newContext({ ...device, javaScriptEnabled: false });
      const server0 = await off.newPage();
      await server0.goto(url);
      const on = await browser.newContext(device);
      const bundle = await on.newPage();
      await bundle.goto(url);
      await bundle.waitForFunction(() => !document.querySelector('#root[data-key]'));
      const [a, b] = [await boxes(server0), await boxes(bundle)];
      expect(a.length).toBeGreaterThan(200);
      expect(a).toEqual(b);
      await off.close();
      await on.close();
    }

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
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('textbox', { name: 'At what price would it be a bargain' }).fill('12.50');
    await page.getByRole('checkbox', { name: 'Label rival' }).check({ force: true });
    await page.getByRole('textbox', { name: 'Label x' }).fill('60');
    release();
    await page.waitForFunction(() => !document.querySelector('#root[data-key]'));
    // The bundle shows what was given: the rival's attribute grid appears, the price is kept (as the number read).
    await page.getByRole('group', { name: 'Label rival' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'At what price would it be a bargain' }).inputValue()).toBe('12.5');
    // The page's own copy of the answers (kept on the device, sent with the next save).
    const kept = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('yardstick:every-type:'))!;
      return JSON.parse(localStorage.getItem(key)!).answers;
    });
    expect(kept).toEqual({ vw: { cheap: 12.5 }, imp: { x: 60 }, cmp: { known: ['rival'], ratings: {} } });
    await context.close();
  });

  it('takes a double tap on Next for one: the second lands while the save is in flight and is ignored', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    // A phone network: each save takes 400 ms to be answered.
    await page.route(/\/responses$/, async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.goto(`${server.url}/s/${slug}?lang=en`);
    await page.waitForFunction(() => !document.querySelector('#root[data-key]'));
    await page.getByRole('radio', { name: '3' }).check({ force: true });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2 of 2').waitFor();
    // The second tap, where the button now says Finish; force: a person does not wait for it to be enabled.
    await page.locator('button.primary').click({ force: true });
    // Page 2's question is optional; without the guard the second tap would have finished the survey.
    await expect.poll(() => page.getByRole('button', { name: 'Finish' }).isEnabled({ timeout: 1000 })).toBe(true);
    expect(await page.getByText('Anything else?').isVisible()).toBe(true);
    expect(await page.getByText('Thank you!').count()).toBe(0);
    await context.close();
  });

  it('hides the server’s page 1 from a returning respondent, who resumes at their own page', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/${slug}?lang=en`);
    await page.getByRole('radio', { name: '5' }).check({ force: true });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2 of 2').waitFor();

    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/respondent-.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'commit' });
    await page.locator('#root.wait').waitFor({ state: 'attached' });
    expect(await page.getByText('How was breakfast?').isVisible()).toBe(false);
    release();
    await page.getByText('Page 2 of 2').waitFor();
    await page.getByText('You started this survey earlier on this device.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'first-page-2-resumed.png') });
    await context.close();
  });
});
