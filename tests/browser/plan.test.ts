/**
 * The research plan in Chromium: write a plan, size the sample, design tier × region quotas and
 * print it; then answer the survey on phones through its open link until a quota cell is full,
 * and see the next respondent in that cell stopped politely while another cell still completes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  launchChromium,
  startTestServer,
  type Browser,
  type BrowserContext,
  setUpAdminInApp,
} from '../support/browser';
import respondentEn from '../../shared/i18n/respondent/en';
import type { Page } from 'playwright-core';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let desk: BrowserContext;
let app: Page;
let survey: { id: string; slug: string };
const pdfDir = mkdtempSync(join(tmpdir(), 'yardstick-plan-pdf-'));
const shot = (name: string) => join(SCREENSHOTS, `plan-${name}.png`);
/**
 * A full-page screenshot taken from the top (or the part of it under `selector`), so the sticky
 * top bar isn't drawn across the middle, as it is when Playwright scrolls to an element.
 */
async function pageShot(page: Page, name: string, selector?: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const clip = selector ? ((await page.locator(selector).boundingBox()) ?? undefined) : undefined;
  await page.screenshot({ path: shot(name), fullPage: true, clip });
}

/** Two pages, so a respondent whose cell is full is stopped at the first page save, before the second. */
const definition = {
  title: { en: 'Hotel stay' },
  hiddenFields: ['tier', 'region'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          required: true,
          text: { en: 'How satisfied are you with your stay?' },
          scale: { min: 1, max: 5 },
        },
      ],
    },
    { id: 'p2', questions: [{ id: 'why', type: 'text', text: { en: 'Anything else?' } }] },
  ],
};

/** A JSON request from inside the signed-in page: its session cookie, and the CSRF token the app itself would send. */
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field
  return app.evaluate(
    async ({ method, path, body }) => {
      const state = await (await fetch('/api/auth/state')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': state.csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  desk = await browser.newContext(DESKTOP);
  app = await desk.newPage();
  await setUpAdminInApp(app, server.url);
  await app.getByTestId('new-survey').first().waitFor();

  const created = await api('POST', '/api/surveys', { definition });
  expect(created.status).toBe(201);
  const published = await api('POST', `/api/surveys/${created.body.id}/publish`);
  expect(published.status).toBe(200);
  survey = { id: created.body.id, slug: created.body.slug };
});
afterAll(async () => {
  await desk?.close();
  await browser?.close();
  await server?.stop();
  rmSync(pdfDir, { recursive: true, force: true });
});

const text = (testid: string) => app.getByTestId(testid).textContent();
const value = (testid: string) => app.getByTestId(testid).inputValue();

/**
 * One respondent on a fresh phone (no stored progress), through the open link with tier and region
 * in the URL. Returns what the first page save answered, what the page says at the end, and how many
 * form controls were still on screen then.
 */
async function respond(tier: string, region: string, screenshot?: string) {
  const phone = await browser.newContext(PHONE);
  try {
    const page = await phone.newPage();
    await page.goto(new URL(`/s/${survey.slug}?tier=${tier}&region=${region}`, server.url).toString());
    // Answered once the bundle has taken the server's first page over, not while it swaps them.
    await page.waitForFunction(() => !document.querySelector('#root[data-key]'));
    await page.getByRole('radio', { name: '4' }).check({ force: true });
    if (screenshot) await pageShot(page, `${screenshot}-page1`);
    const firstSave = page.waitForResponse(
      (r) => r.url().endsWith(`/api/public/s/${survey.slug}/responses`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: respondentEn['nav.next'] }).click();
    const saved = (await (await firstSave).json()) as { status: string };
    if (saved.status === 'partial') {
      await page.getByRole('textbox', { name: 'Anything else?' }).fill('Quiet room, thank you');
      await page.getByRole('button', { name: respondentEn['nav.finish'] }).click();
    }
    await page.getByText(respondentEn['end.thanksTitle']).waitFor();
    const body = await page.evaluate(() => document.body.innerText);
    if (screenshot) await pageShot(page, screenshot);
    return { firstSave: saved.status, body, controls: await page.locator('input, textarea, button').count() };
  } finally {
    await phone.close();
  }
}

describe('the research plan, in Chromium', () => {
  it('writes the study fields and sizes the sample, the figures following every change', async () => {
    await app.goto(new URL(`/surveys/${survey.id}`, server.url).toString());
    await app.getByTestId('editor-plan').click();
    await app.getByTestId('plan-purpose').waitFor();

    await app.getByTestId('plan-purpose').fill('Find what to improve first for guests, and how loyal they are.');
    await app.getByTestId('plan-target').selectOption('current-customers');
    await app.getByTestId('plan-method').selectOption('online-link');
    await app.getByTestId('plan-frequency').selectOption('quarterly');
    await app.getByTestId('plan-start').fill('2026-12-01');
    await app.getByTestId('plan-end').fill('2026-12-20');
    await app.getByTestId('plan-report-due').fill('2027-01-15');

    // The new plan starts at 95 %, ±5 points, p = 0.5 and a 20 % response rate (client/app/plan/defaults.ts).
    await app.getByTestId('plan-population').fill('10000');
    // Raosoft's calculator for N = 10,000, 95 %, ±5 %, 50 %: 370. Invitations: 370 / 0.20 = 1,850.
    await expect.poll(() => text('plan-completes-needed')).toBe('370');
    expect(await text('plan-invitations')).toBe('1,850');

    // 99 %: n0 = 2.5758² · 0.25 / 0.05² = 663.5; n0 / (1 + (n0 − 1) / 10,000) = 622.3 → 623 (Raosoft: 623); 623 / 0.2 = 3,115.
    await app.getByTestId('plan-confidence').fill('99');
    await expect.poll(() => text('plan-completes-needed')).toBe('623');
    expect(await text('plan-invitations')).toBe('3,115');

    // 95 %, ±3 points: n0 = 1.96² · 0.25 / 0.03² = 1,067.1; with the correction 964.3 → 965 (Raosoft: 965); 965 / 0.2 = 4,825.
    await app.getByTestId('plan-confidence').fill('95');
    await app.getByTestId('plan-margin').fill('3');
    await expect.poll(() => text('plan-completes-needed')).toBe('965');
    expect(await text('plan-invitations')).toBe('4,825');

    // Back to ±5 points, with a 25 % response rate: 370 / 0.25 = 1,480 invitations.
    await app.getByTestId('plan-margin').fill('5');
    await app.getByTestId('plan-response-rate').fill('25');
    await expect.poll(() => text('plan-invitations')).toBe('1,480');
    expect(await text('plan-completes-needed')).toBe('370');

    // What 1,000 completes buy: 1.96 · √(0.25 / 1,000) · √((10,000 − 1,000) / 9,999) = 0.0294 → ±2.9 points.
    await app.getByTestId('plan-at-n').fill('1000');
    await expect.poll(() => text('plan-margin-at-n')).toBe('±2.9 points');
    await app.getByTestId('plan-at-n').fill('');

    // A bad margin gets its message next to the field, and the figures go blank rather than wrong.
    await app.getByTestId('plan-margin').fill('0');
    await app.getByTestId('plan-margin-error').waitFor();
    expect(await text('plan-completes-needed')).toBe('—');
    await app.getByTestId('plan-margin').fill('5');
    await expect.poll(() => app.getByTestId('plan-margin-error').count()).toBe(0);
    await expect.poll(() => text('plan-completes-needed')).toBe('370');
    await pageShot(app, '1-sample');
  });

  it('designs tier × region quotas with a small total, the cells adding up to it, and budgets and saves the plan', async () => {
    await app.getByTestId('quota-add').click();
    await app.getByTestId('quota-source-0').selectOption('tier');
    // As copied from a spreadsheet: value, label, population share.
    await app
      .getByTestId('quota-paste-0')
      .fill(
        ['Tier\tName\tShare', 'platinum\tPlatinum\t10%', 'gold\tGold\t20%', 'iron\tIron\t30%', 'lead\tLead\t40%'].join(
          '\n',
        ),
      );
    await expect.poll(() => value('category-value-0-3')).toBe('lead');
    expect(await value('category-value-0-0')).toBe('platinum');

    await app.getByTestId('quota-cross').click();
    await app.getByTestId('quota-source-1').selectOption('region');
    await app.getByTestId('quota-paste-1').fill(['north\tNorth\t50%', 'south\tSouth\t50%'].join('\n'));
    await expect.poll(() => value('category-value-1-1')).toBe('south');

    await app.getByTestId('quota-total').fill('12');
    // Proportional, largest remainder: 12 × shares (tier × region, 50/50) = platinum 0.6, gold 1.2, iron 1.8,
    // lead 2.4 in each region; floors 0+1+1+2 = 4 per region, 8 in all; the 4 left go to the largest
    // remainders, iron (.8) and platinum (.6) in both regions → platinum 1, gold 1, iron 2, lead 2.
    const expected: Record<string, string> = { platinum: '1', gold: '1', iron: '2', lead: '2' };
    for (const tier of Object.keys(expected)) {
      for (const region of ['north', 'south'])
        await expect.poll(() => value(`cell-target-${tier}|${region}`)).toBe(expected[tier]);
    }
    expect(await text('cells-sum')).toBe('The cells add up to the total of 12.');

    // A target changed by hand shows at once that the cells no longer match the total; reallocating restores them.
    await app.getByTestId('cell-target-lead|south').fill('3');
    await expect.poll(() => text('cells-sum')).toBe('The cells add up to 13, not the total of 12.');
    await app.getByTestId('quota-reallocate').click();
    await expect.poll(() => value('cell-target-lead|south')).toBe('2');
    expect(await text('cells-sum')).toBe('The cells add up to the total of 12.');

    // Budget for the 12 planned completes: 12 × €2.50 + €1,200.00 fixed = €1,230.00.
    await app.getByTestId('budget-add').click();
    await app.getByTestId('budget-label-0').fill('Voucher');
    await app.getByTestId('budget-kind-0').selectOption('incentive-per-complete');
    await app.getByTestId('budget-amount-0').fill('2.50');
    await app.getByTestId('budget-add').click();
    await app.getByTestId('budget-label-1').fill('Set-up and report');
    await app.getByTestId('budget-kind-1').selectOption('fixed');
    await app.getByTestId('budget-amount-1').fill('1200');
    await expect.poll(() => text('budget-total-EUR')).toBe('€1,230.00');

    await pageShot(app, '2-quotas', 'section[aria-labelledby="plan-quotas"]');
    await pageShot(app, '2-plan');
    await app.getByTestId('plan-save').click();
    await expect.poll(() => text('plan-save-state')).toBe('All changes saved');

    // The server allocated the same targets when it stored the plan.
    const saved = await api('GET', `/api/surveys/${survey.id}/plan`);
    expect(saved.status).toBe(200);
    expect(Object.fromEntries(saved.body.cells.map((c: { key: string; target: number }) => [c.key, c.target]))).toEqual(
      {
        'platinum|north': 1,
        'platinum|south': 1,
        'gold|north': 1,
        'gold|south': 1,
        'iron|north': 2,
        'iron|south': 2,
        'lead|north': 2,
        'lead|south': 2,
      },
    );
    expect(saved.body.plan.fieldwork).toEqual({ start: '2026-12-01', end: '2026-12-20' });
  });

  it('prints the plan as a document with its sections, on one or two pages', async () => {
    // The button hands over to the browser's print dialog.
    await app.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await app.getByTestId('plan-print').click();
    expect(await app.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await app.emulateMedia({ media: 'print' });
    try {
      expect(await app.locator('.plan-print').isVisible()).toBe(true);
      expect(await app.locator('.plan-form').isVisible()).toBe(false);
      expect(await app.getByTestId('fieldwork').isVisible()).toBe(false);
      await pageShot(app, '3-print');
      // textContent, not innerText: the kicker above the title is upper-cased by CSS.
      const doc = (await app.locator('.plan-print').textContent()) ?? '';
      for (const part of [
        'Research plan',
        'Hotel stay',
        'Find what to improve first',
        'Sample size',
        'Completes needed',
        '370',
        'Quotas',
        'Platinum × North',
        'Lead × South',
        'Budget',
        'Voucher',
        '€1,230.00',
      ]) {
        expect(doc).toContain(part);
      }
      const headings = await app.locator('.plan-print h2').allTextContents();
      expect(headings).toEqual(['Sample size', 'Quotas', 'Budget']);

      const pdf = join(pdfDir, 'plan.pdf');
      await app.pdf({ path: pdf, format: 'A4' });
      const bytes = readFileSync(pdf).toString('latin1');
      expect(bytes.startsWith('%PDF-')).toBe(true);
      const pages = bytes.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    } finally {
      await app.emulateMedia({ media: 'screen' });
    }
  });

  it('fills a cell on phones until it is full; the next respondent in it is stopped politely, another cell still completes', async () => {
    // platinum|north has a target of 1: the first respondent fills it.
    const first = await respond('platinum', 'north', '4-phone-complete');
    expect(first.firstSave).toBe('partial');
    expect(first.body).toContain(respondentEn['end.thanksBody']);

    // The cell is known from the link, so the very first page save already stops the next one: no second page.
    const second = await respond('platinum', 'north', '5-phone-over-quota');
    expect(second.firstSave).toBe('over-quota');
    expect(second.body).toContain(respondentEn['end.overQuota']);
    expect(second.body).not.toContain(respondentEn['end.thanksBody']);
    expect(second.controls).toBe(0);

    // gold|north still has its place; the link's "Gold" matches the category "gold" (values from links are matched loosely).
    const other = await respond('Gold', 'north');
    expect(other.firstSave).toBe('partial');
    expect(other.body).toContain(respondentEn['end.thanksBody']);
  });

  it("shows each cell's completes against its target on the fieldwork panel", async () => {
    await app.reload();
    const cells = app.getByTestId('fieldwork-cells');
    await cells.waitFor();
    const bar = (key: string) => cells.locator(`li[data-cell="${key}"] .bar-value`).textContent();
    expect(await bar('platinum|north')).toBe('1 of 1');
    expect(await bar('gold|north')).toBe('1 of 1');
    expect(await bar('lead|south')).toBe('0 of 2');
    expect(await cells.locator('li[data-cell="platinum|north"] .meter-fill.is-full').count()).toBe(1);
    expect(await cells.locator('li').count()).toBe(8);
    // Two completes of the 12 planned; the one stopped is counted as over quota, not as a complete.
    expect(await text('fieldwork-completes')).toBe('2 of 12');
    expect(await text('fieldwork-over-quota')).toBe('1');
    await pageShot(app, '6-fieldwork', '[data-testid="fieldwork"]');
  });
});
