import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser, type BrowserContext } from '../support/browser';
import { researchStudy, researchStudyAnswers } from '../support/research-demo';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let surveyId: string;
let researchId: string;

/** A context signed in as the administrator (set up through the API, as the setup page would). */
async function signedIn(options: object): Promise<{ ctx: BrowserContext; csrf: string }> {
  const ctx = await browser.newContext(options);
  const login = await ctx.request.post(`${server.url}/api/auth/login`, { data: { email: 'ada@example.com', password: 'correct horse battery' } });
  expect(login.status()).toBe(200);
  return { ctx, csrf: (await login.json()).csrf };
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  const ctx = await browser.newContext();
  const setup = await ctx.request.post(`${server.url}/api/auth/setup`, { data: { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' } });
  expect(setup.status()).toBe(201);
  const demo = await ctx.request.post(`${server.url}/api/demo`, { data: {}, headers: { 'x-csrf-token': (await setup.json()).csrf } });
  expect(demo.status()).toBe(201);
  surveyId = (await demo.json()).id;
  // A SERVQUAL, price and benchmark study with 150 synthetic respondents, for the research sections.
  const headers = { 'x-csrf-token': (await setup.json()).csrf };
  const created = await (await ctx.request.post(`${server.url}/api/surveys`, { data: { definition: researchStudy }, headers })).json();
  researchId = created.id;
  const published = await (await ctx.request.post(`${server.url}/api/surveys/${researchId}/publish`, { data: {}, headers })).json();
  for (let i = 0; i < 150; i++) {
    const res = await ctx.request.post(`${server.url}/api/public/s/${created.slug}/responses`, {
      data: { clientId: `research-${i}`, versionId: published.versions[0].id, complete: true, answers: researchStudyAnswers(i) },
    });
    expect(res.status()).toBe(201);
  }
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The report is computed on the server and charts drawn after it arrives: allow for a slow machine. */
const POLL = { timeout: 15_000 };
const SECTIONS = ['quality', 'satisfaction', 'priorities', 'loyalty', 'verbatims'];

describe('the demo study\'s report, in Chromium', () => {
  it('shows every section with its reading at desktop size, filters by a segment, and prints to a PDF with the sections', async () => {
    const { ctx } = await signedIn(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    for (const id of SECTIONS) await expect.poll(() => page.getByTestId(`section-${id}`).count(), POLL).toBe(1);
    // The demo has 400 completes; the satisfaction reading names shares and a mean.
    expect(await page.getByTestId('report-completes').textContent()).toMatch(/400/);
    expect(await page.getByTestId('section-satisfaction').getByTestId('reading').textContent()).toMatch(/very satisfied/);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-1-desktop.png'), fullPage: true });
    for (const id of ['satisfaction', 'priorities', 'loyalty']) {
      await page.getByTestId(`section-${id}`).screenshot({ path: join(SCREENSHOTS, `report-section-${id}.png`) });
    }

    // Business travellers only: fewer completes, and the URL of the API call carries the filter.
    const filtered = page.waitForResponse((r) => r.url().includes('/report?filter=purpose%3Abusiness') && r.status() === 200);
    await page.locator('select[data-filter="purpose"]').selectOption('business');
    await filtered;
    await expect.poll(async () => Number((await page.getByTestId('report-completes').textContent())!.replace(/\D/g, '')), POLL).toBeLessThan(400);
    const business = Number((await page.getByTestId('report-completes').textContent())!.replace(/\D/g, ''));
    expect(business).toBeGreaterThan(50);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-2-filtered.png'), fullPage: true });

    // Business against leisure travellers: both columns carry the completes, differences are tested.
    const compare = page.getByTestId('section-compare');
    await compare.getByTestId('compare-question').selectOption('purpose');
    await compare.getByTestId('compare-a').selectOption('business');
    await compare.getByTestId('compare-b').selectOption('leisure');
    await expect.poll(() => compare.locator('tbody tr').count(), POLL).toBeGreaterThanOrEqual(5);
    expect(Number((await compare.locator('tbody tr').first().locator('td').nth(0).textContent())!.replace(/\D/g, ''))).toBe(business);
    expect(await compare.textContent()).toMatch(/Welch/);
    await compare.screenshot({ path: join(SCREENSHOTS, 'report-section-compare.png') });

    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-3-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const raw = pdf.toString('latin1');
    // Page count from the PDF's page tree; a cover plus a page per section at least.
    const pages = (raw.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1 + SECTIONS.length);
    await ctx.close();
  });

  it('cross-tabulates two variables: letters per column, the chi-square reading, a CSV, and a table that prints whole', async () => {
    const { ctx } = await signedIn(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    const section = page.getByTestId('section-crosstab');
    await expect.poll(() => section.count(), POLL).toBe(1);
    await section.getByTestId('crosstab-rows').selectOption('return');
    await section.getByTestId('crosstab-columns').selectOption('hidden:tier');
    const table = section.getByTestId('crosstab-table');
    await expect.poll(() => table.locator('tbody tr').count(), POLL).toBe(4);
    // The tiers in the plan's order, lettered; their bases add up to the demo's 400 completes.
    expect(await table.locator('thead th[data-letter]').evaluateAll((ths) => ths.map((th) => `${th.getAttribute('data-letter')}:${th.textContent}`)))
      .toEqual(['A:Platinum(A)', 'B:Gold(B)', 'C:Iron(C)', 'D:Lead(D)']);
    const bases = await table.locator('tr.bases td').allTextContents();
    const numbers = bases.map((b) => Number(b.replace(/\D/g, '')));
    expect(numbers.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(400);
    expect(numbers[4]).toBe(400);
    expect(await table.locator('tbody tr').first().locator('th').textContent()).toBe('Certainly');
    expect(await section.getByTestId('reading').textContent()).toMatch(/^(“Would you stay with us again\?” and “Loyalty tier” are related|No evidence of a relation between “Would you stay with us again\?” and “Loyalty tier”) \(χ² = \d+\.\d, df 9, p [=<] /);
    const csv = await page.request.get(new URL(await section.getByTestId('crosstab-csv').getAttribute('href') ?? '', server.url).href);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toMatch(/^Would you stay with us again\?,measure,Platinum \(A\),Gold \(B\),Iron \(C\),Lead \(D\),Total/);
    await section.screenshot({ path: join(SCREENSHOTS, 'report-section-crosstab.png') });
    // Printed on A4 (about 680 CSS px between the margins), the table fits: nothing is cut off at the right.
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const overflow = await table.evaluate((el) => el.getBoundingClientRect().right - el.closest('section')!.getBoundingClientRect().right);
    expect(overflow).toBeLessThanOrEqual(0);
    await ctx.close();
  });

  it('shows the SERVQUAL, price tolerance and competitive standing sections of a research study, and prints them', async () => {
    const { ctx } = await signedIn(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/surveys/${researchId}/report`);
    for (const id of ['servqual', 'price', 'competition']) await expect.poll(() => page.getByTestId(`section-${id}`).count(), POLL).toBe(1);
    // The generator's largest shortfall is reliability's (1.1 points below expectation).
    expect(await page.getByTestId('section-servqual').getByTestId('reading').textContent()).toMatch(/^Reliability is the widest gap: -1\.\d points; weighted by importance/);
    expect(await page.getByTestId('section-price').getByTestId('reading').textContent()).toMatch(/Customers accept prices from €\d+\.\d\d to €\d+\.\d\d; the optimal price point is €/);
    expect(await page.getByTestId('van-westendorp').locator('[data-point]').count()).toBe(4);
    await expect.poll(() => page.getByTestId('nms').count(), POLL).toBe(1);
    expect(await page.getByTestId('gabor-granger').locator('tbody tr').count()).toBe(6);
    // The generator rates our company above both competitors on quality and service, below
    // Competitor A on price and below Competitor B on innovation.
    const competition = page.getByTestId('section-competition');
    expect(await competition.getByTestId('reading').textContent()).toBe('Our company leads on Quality and Service, but trails on Price and Innovation.');
    expect(await competition.getByTestId('weaknesses').textContent()).toMatch(/Price/);
    for (const id of ['servqual', 'price', 'competition']) {
      await page.getByTestId(`section-${id}`).screenshot({ path: join(SCREENSHOTS, `report-section-${id}.png`) });
    }
    // No chart may leave a blank canvas: each has drawn pixels.
    const blank = await page.evaluate(() => [...document.querySelectorAll<HTMLCanvasElement>('#section-servqual canvas, #section-price canvas, #section-competition canvas')]
      .filter((c) => !c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((x) => x !== 0)).length);
    expect(blank).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('section-price').screenshot({ path: join(SCREENSHOTS, 'report-print-section-price.png') });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(4);
    await ctx.close();
  });

  it('reads on a phone without sideways scrolling', async () => {
    const { ctx } = await signedIn(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    await expect.poll(() => page.getByTestId('section-loyalty').count(), POLL).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-4-phone.png'), fullPage: true });
    // The research sections' wide tables scroll inside their own box, not the page.
    await page.goto(`${server.url}/surveys/${researchId}/report`);
    await expect.poll(() => page.getByTestId('section-competition').count(), POLL).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    for (const id of ['servqual', 'price', 'competition']) {
      await page.getByTestId(`section-${id}`).screenshot({ path: join(SCREENSHOTS, `report-phone-section-${id}.png`) });
    }
    await ctx.close();
  });

  it('makes a share link that opens the report signed out, in the link\'s language', async () => {
    const { ctx } = await signedIn(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/surveys/${surveyId}/report`);
    await page.locator('.share-panel summary').click();
    await page.locator('.share-panel select').selectOption('it');
    await page.getByTestId('share-create').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
    await ctx.close();

    const outsider = await browser.newContext(PHONE);
    const shared = await outsider.newPage();
    await shared.goto(url);
    await expect.poll(() => shared.getByTestId('section-satisfaction').count(), POLL).toBe(1);
    // Italian, as the link was made: the satisfaction reading says "molto soddisfatti".
    expect(await shared.getByTestId('section-satisfaction').getByTestId('reading').textContent()).toMatch(/molto soddisfatti/);
    expect(await shared.locator('.share-panel').count()).toBe(0);
    // Cross-tabs work signed out too, labelled in the link's language.
    const crosstab = shared.getByTestId('section-crosstab');
    await crosstab.getByTestId('crosstab-rows').selectOption('return');
    await crosstab.getByTestId('crosstab-columns').selectOption('purpose');
    await expect.poll(() => crosstab.locator('tbody tr').count(), POLL).toBe(4);
    expect(await crosstab.locator('tbody tr').first().locator('th').textContent()).toBe('Sicuramente');
    expect(await crosstab.getByTestId('crosstab-csv').getAttribute('href')).toMatch(/^\/api\/public\/reports\/[A-Za-z0-9_-]{43}\/export\/crosstab\.csv\?/);
    await shared.screenshot({ path: join(SCREENSHOTS, 'report-5-shared-phone.png'), fullPage: true });
    await outsider.close();
  });
});
