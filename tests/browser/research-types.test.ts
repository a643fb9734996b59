import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';
import { researchSurvey } from '../fixtures/research-survey';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let slug: string;

/** Signs the admin up over HTTP and publishes the fixture survey, as the builder would. */
async function publishFixture(base: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(new URL(path, base), {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /ys_session=[^;]*/.exec(set)?.[0] ?? cookie;
    const json = await res.json();
    if (typeof json.csrf === 'string') csrf = json.csrf;
    if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  await call('POST', '/api/auth/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  const created = await call('POST', '/api/surveys', { definition: researchSurvey() });
  await call('POST', `/api/surveys/${created.id}/publish`);
  return created.slug as string;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  slug = await publishFixture(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the research question types on a phone', () => {
  it('are answered with native controls, refuse what does not add up, and store the shapes the server validates', async () => {
    const phone = await browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(new URL(`/s/${slug}`, server.url).toString());
    const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    // Next is disabled while the last page's save is in flight; click() waits for it.
    const next = () => page.getByRole('button', { name: /^(Next|Finish)$/ }).click();

    // Page 1: "other" with its text; ranking by buttons.
    await page.getByRole('radio', { name: 'Other (please specify)' }).check({ force: true });
    await next();
    await page.getByText('Please tell us your other answer.').first().waitFor();
    await page.getByRole('textbox', { name: 'Your other answer' }).fill('A friend sold it to me');
    await page.getByRole('button', { name: 'Move up: Choice' }).click();
    await page.getByRole('button', { name: 'Move up: Choice' }).click();
    // Focus stays with the row moved: at the top its Move up is disabled, so Move down has it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move down: Choice');
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'research-1-other-ranking.png'), fullPage: true });
    await next();

    // Page 2: SERVQUAL pairs, constant sum with its running total.
    const sq = page.locator('#q-sq');
    for (const name of ['sq.t1.e', 'sq.t1.p', 'sq.r1.e', 'sq.r1.p'])
      await sq.locator(`input[name="${name}"][value="6"]`).check({ force: true });
    const points = page.locator('#q-imp input');
    await points.nth(0).fill('50');
    await points.nth(1).fill('30');
    await points.nth(2).fill('10');
    await page.getByText('Total: 90 of 100').waitFor();
    await next();
    await page.getByText('The total must be 100; it is now 90.').first().waitFor();
    await points.nth(2).fill('20');
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'research-2-servqual-sum.png'), fullPage: true });
    await next();

    // Page 3: Van Westendorp out of order first; then the ladder: yes at 89, no at 109, then over again.
    const price = (label: RegExp) => page.getByRole('textbox', { name: label });
    await price(/so cheap/).fill('20');
    await price(/bargain/).fill('40');
    await price(/start to seem expensive/).fill('30');
    await price(/not consider buying/).fill('120');
    await page.locator('#q-vw input[name="vw.likelyCheap"][value="4"]').check({ force: true });
    await page.locator('#q-vw input[name="vw.likelyExpensive"][value="2"]').check({ force: true });
    await page.getByRole('button', { name: 'Yes, I would' }).click();
    await page.getByRole('button', { name: 'No, I would not' }).click();
    await page.getByText('Change my answers').click();
    // Starting over, no twice walks down to the first price, which must still be asked.
    await page.getByRole('button', { name: 'No, I would not' }).click();
    await page.getByRole('button', { name: 'No, I would not' }).click();
    await page.getByRole('button', { name: 'Yes, I would' }).click();
    await page.getByText('Change my answers').waitFor();
    await next();
    await page.getByText('Each price must be higher than the one before.').first().waitFor();
    await price(/start to seem expensive/).fill('80');
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'research-3-prices.png'), fullPage: true });
    await next();

    // Page 4: only the brands known are rated; contact needs a valid e-mail.
    await page.getByRole('checkbox', { name: 'Our shop' }).check({ force: true });
    await page.getByRole('checkbox', { name: 'Bike Barn' }).check({ force: true });
    const comp = page.locator('#q-comp');
    expect(await comp.locator('legend', { hasText: 'Cycle World' }).count()).toBe(0);
    for (const brand of ['b1', 'b3'])
      for (const attr of ['a1', 'a2'])
        await comp.locator(`input[name="comp_${brand}.${attr}"][value="4"]`).check({ force: true });
    await page.getByRole('textbox', { name: 'E-mail address' }).fill('ana@example');
    await page.getByRole('checkbox', { name: 'You may contact me about my answers.' }).check({ force: true });
    await next();
    await page.getByText('Enter a valid e-mail address, such as name@example.com.').first().waitFor();
    await page.getByRole('textbox', { name: 'E-mail address' }).fill('ana@example.com');
    expect(await noHorizontalScroll()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'research-4-competitor-contact.png'), fullPage: true });
    await next();
    await page.getByText('Thank you!').waitFor();
    await phone.close();

    const db = new Database(server.dbPath, { readonly: true });
    const row = db.prepare('select status, answers from responses').get() as { status: string; answers: string };
    db.close();
    expect(row.status).toBe('complete');
    expect(JSON.parse(row.answers)).toEqual({
      where: { other: 'A friend sold it to me' },
      rank: ['o3', 'o1', 'o2'],
      sq: { t1: { e: 6, p: 6 }, r1: { e: 6, p: 6 } },
      imp: { i1: 50, i2: 30, i3: 20 },
      vw: { tooCheap: 20, cheap: 40, expensive: 80, tooExpensive: 120, likelyCheap: 4, likelyExpensive: 2 },
      // The ladder starts at the middle price, 89: no → 69: no → 49 (the first price): yes.
      gg: {
        path: [
          { price: 89, buy: false },
          { price: 69, buy: false },
          { price: 49, buy: true },
        ],
        highest: 49,
      },
      comp: { known: ['b1', 'b3'], ratings: { b1: { a1: 4, a2: 4 }, b3: { a1: 4, a2: 4 } } },
      contact: { email: 'ana@example.com', consent: true },
    });
  });
});
