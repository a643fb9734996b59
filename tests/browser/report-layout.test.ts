import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  launchChromium,
  startTestServer,
  type Browser,
  type BrowserContext,
  type Page,
} from '../support/browser';
import appEn from '../../shared/i18n/app/en';
import appZhHant from '../../shared/i18n/app/zh-Hant';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const ids = { hotel: '', coffee: '' };

/** The report is computed on the server and charts drawn after it arrives: allow for a slow machine. */
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
  const surveys: { id: string; slug: string }[] = await (await ctx.request.get(`${server.url}/api/surveys`)).json();
  ids.hotel = surveys.find((s) => s.slug === 'demo')!.id;
  ids.coffee = surveys.find((s) => s.slug === 'demo-coffee')!.id;
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(options: object): Promise<BrowserContext> {
  const ctx = await browser.newContext(options);
  const login = await ctx.request.post(`${server.url}/api/auth/login`, {
    data: { email: 'ada@example.com', password: 'correct horse battery' },
  });
  expect(login.status()).toBe(200);
  return ctx;
}

async function openReport(page: Page, study: keyof typeof ids) {
  await page.goto(`${server.url}/surveys/${ids[study]}/report`);
  await expect.poll(() => page.getByTestId('section-verbatims').count(), POLL).toBe(1);
  // Tables are fitted on the next animation frame after the report renders.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Every visible table cell whose text box (its width less padding) is narrower than three
 * full-width characters of its own font: 3 em, as a CJK character is 1 em wide.
 */
function narrowCells(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.report table th, .report table td')]
      .filter((cell) => cell.getClientRects().length > 0)
      .map((cell) => {
        const css = getComputedStyle(cell);
        const text = cell.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
        return { text: cell.textContent!.slice(0, 24), width: Math.round(text), needed: 3 * parseFloat(css.fontSize) };
      })
      .filter((c) => c.width < c.needed - 0.5),
  );
}

/** Tables whose content runs past their box (scrolled or cut off). */
function tablesPastTheirBox(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.report .table-wrap')]
      .filter((w) => w.offsetParent !== null && w.scrollWidth > w.clientWidth + 1)
      .map((w) => w.closest('section')?.getAttribute('data-testid')),
  );
}

describe('the report on a 390 px phone', () => {
  it('in Traditional Chinese, has no table cell narrower than three characters, and turns a table too wide into cards', async () => {
    const ctx = await signedIn({ ...PHONE, locale: 'zh-TW' });
    const page = await ctx.newPage();
    for (const study of ['hotel', 'coffee'] as const) {
      await openReport(page, study);
      expect(await page.getByTestId('section-satisfaction').locator('h2').textContent()).toBe(
        appZhHant['report.section.satisfaction'],
      );
      // Squeezed, the satisfaction table's label column was 38 px: one character per line.
      expect(await narrowCells(page)).toEqual([]);
      expect(await tablesPastTheirBox(page)).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(1);
      // Seven columns cannot fit: one card per attribute, each value under its column's name.
      const table = page.getByTestId('section-satisfaction').locator('table.data-table');
      expect(await table.getAttribute('class')).toMatch(/\bas-cards\b/);
      const first = table.locator('tbody tr').first();
      expect(await first.locator('td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-label')))).toEqual([
        appZhHant['report.answerCount'],
        appZhHant['report.meanWithCi'],
        appZhHant['report.veryShare'],
        appZhHant['report.satisfiedShare'],
        appZhHant['report.topTwoBox'],
        appZhHant['report.index100'],
      ]);
      // A card's row label reads on one line: as wide as the card, not one character.
      expect(await first.locator('th').evaluate((th) => th.getBoundingClientRect().width)).toBeGreaterThan(250);
      await page.screenshot({ path: join(SCREENSHOTS, `report-layout-phone-zh-Hant-${study}.png`), fullPage: true });
    }
    await ctx.close();
  });

  it('reads in every interface language: no cell under three characters, no table past its box', async () => {
    for (const locale of ['en-US', 'zh-CN', 'it-IT', 'vi-VN']) {
      const ctx = await signedIn({ ...PHONE, locale });
      const page = await ctx.newPage();
      await openReport(page, 'hotel');
      expect({ locale, narrow: await narrowCells(page), past: await tablesPastTheirBox(page) }).toEqual({
        locale,
        narrow: [],
        past: [],
      });
      // The app bar sticks to the top of the window; in a picture of one section it would cover it.
      await page.addStyleTag({ content: '.topbar { position: static !important; }' });
      await page
        .getByTestId('section-priorities')
        .screenshot({ path: join(SCREENSHOTS, `report-layout-phone-priorities-${locale}.png`) });
      await ctx.close();
    }
  });

  it('keeps a table that fits as a table, its label column wide enough for a phrase', async () => {
    const ctx = await signedIn({ ...PHONE, locale: 'zh-TW' });
    const page = await ctx.newPage();
    await openReport(page, 'hotel');
    // Four short columns fit 390 px in Chinese: the quota attainment table stays a table (the
    // priorities table, with its intervals and bases, has six and becomes cards).
    const table = page
      .getByTestId('quota-attainment')
      .locator('table.data-table')
      .or(page.locator('[data-testid="quota-attainment"].data-table'))
      .first();
    expect(await table.getAttribute('class')).not.toMatch(/\bas-cards\b/);
    const label = await table
      .locator('tbody th')
      .first()
      .evaluate((th) => th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize));
    expect(label).toBeGreaterThan(7.95);
    // Wider than a phone (a tablet), the same table is never cards.
    await page.setViewportSize({ width: 900, height: 900 });
    await expect.poll(() => page.locator('table.as-cards').count(), POLL).toBe(0);
    await ctx.close();
  });
});

/** Pages in a PDF, from its page tree. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** The headings a printed page shows, in order: section titles and question titles. */
function printedHeadings(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.report h1, .report h2')]
      .filter((h) => h.getClientRects().length > 0)
      .map((h) => h.textContent!.trim()),
  );
}

describe('the printed report (A4 PDF from Chromium)', () => {
  // Measured: 10 pages each, as the README states; the bound leaves one page for fonts that set
  // wider on another machine (a page per section would make 24 and 31).
  const BOUND = { hotel: 11, coffee: 11 };
  for (const study of ['hotel', 'coffee'] as const) {
    it(`prints the ${study} study compactly: a title block, each section once, no screen-only text`, async () => {
      const ctx = await signedIn(DESKTOP);
      const page = await ctx.newPage();
      await openReport(page, study);
      const shownOnScreen = await page.getByTestId('section-verbatims').locator('.verbatim').count();
      await page.emulateMedia({ media: 'print' });

      // The title block: the study, its base and the filters (none).
      const cover = page.getByTestId('print-cover');
      expect(await cover.isVisible()).toBe(true);
      const title = await cover.locator('h1').textContent();
      expect(await cover.textContent()).toContain(
        appEn['report.coverN'].replace('{n}', study === 'hotel' ? '400' : '300'),
      );
      expect(title).toBe(study === 'hotel' ? 'Your stay with us' : 'Your office coffee service');
      expect(await cover.getByTestId('print-filters').textContent()).toBe(appEn['report.paper.noFilter']);

      // Each heading once: the title once (the screen's header is not printed), no section twice.
      const headings = await printedHeadings(page);
      expect(headings.filter((h) => h === title)).toHaveLength(1);
      expect(headings.length).toBe(new Set(headings).size);
      for (const id of ['fieldwork', 'satisfaction', 'loyalty', 'verbatims'])
        expect(await page.getByTestId(`section-${id}`).isVisible()).toBe(true);
      // Open answers printed once: the open question's own card is left off paper.
      expect(await page.locator('.report .verbatim:visible').count()).toBe(shownOnScreen);
      // No card that would print only a title and a count ("300 answers").
      const empty = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="question-report"]')].filter(
            (card) => card.getClientRects().length > 0 && !card.querySelector('canvas, table, .stats'),
          ).length,
      );
      expect(empty).toBe(0);
      // What only a screen can do is not offered on paper.
      const printed = await page.evaluate(() => document.body.innerText);
      expect(printed).not.toContain('search to narrow them down');
      expect(printed).toMatch(/Printed: the latest \d+ of \d+ open answers/);

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(BOUND[study]);
      await page.screenshot({ path: join(SCREENSHOTS, `report-layout-print-${study}.png`), fullPage: true });
      await ctx.close();
    });
  }

  it('prints the filters in force, and a chosen comparison and cross-tab, the wide cross-tab within the page', async () => {
    const ctx = await signedIn(DESKTOP);
    const page = await ctx.newPage();
    await openReport(page, 'hotel');
    await page.locator('select[data-filter="tier"]').selectOption('platinum');
    await expect
      .poll(async () => Number((await page.getByTestId('report-completes').textContent())!.replace(/\D/g, '')), POLL)
      .toBeLessThan(400);
    const compare = page.getByTestId('section-compare');
    await compare.getByTestId('compare-question').selectOption('purpose');
    await compare.getByTestId('compare-a').selectOption('business');
    await compare.getByTestId('compare-b').selectOption('leisure');
    await expect.poll(() => compare.locator('tbody tr').count(), POLL).toBeGreaterThanOrEqual(3);
    // Overall satisfaction by the eleven NPS scores: thirteen columns, wider than A4 in any type size.
    const crosstab = page.getByTestId('section-crosstab');
    await crosstab.getByTestId('crosstab-rows').selectOption('osat');
    await crosstab.getByTestId('crosstab-columns').selectOption('nps');
    await expect.poll(() => crosstab.getByTestId('crosstab-table').count(), POLL).toBe(1);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-filters').textContent()).toBe('Loyalty tier: Platinum');
    expect(await compare.isVisible()).toBe(true);
    expect(await compare.getByTestId('compare-caption').textContent()).toBe(
      'What was the main purpose of your stay?: segment A is Business, segment B is Leisure.',
    );
    expect(await crosstab.isVisible()).toBe(true);
    // Nothing sticks out past the page's text width (182 mm), or Chromium would shrink every page.
    const past = await page.evaluate(() => {
      const right = document.querySelector('.report')!.getBoundingClientRect().right;
      return [...document.querySelectorAll<HTMLElement>('.report *')]
        .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > right + 1)
        .map((e) => `${e.tagName}.${e.className}`)
        .slice(0, 5);
    });
    expect(past).toEqual([]);
    const zoom = await crosstab.locator('.table-wrap').evaluate((w) => Number(w.style.zoom));
    expect(zoom).toBeGreaterThan(0.55);
    expect(zoom).toBeLessThan(1);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pageCount(pdf)).toBeLessThanOrEqual(BOUND_FILTERED);
    await ctx.close();
  });
});

/** Platinum guests only, with a comparison and a cross-tab added: still a short document. */
const BOUND_FILTERED = 10;
