import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  DESKTOP,
  SCREENSHOTS,
  launchChromium,
  startTestServer,
  type Browser,
  type BrowserContext,
  setUpAdminInApp,
} from '../support/browser';
import appEn from '../../shared/i18n/app/en';
import appZhHant from '../../shared/i18n/app/zh-Hant';
import appVi from '../../shared/i18n/app/vi';
import type { Message } from '../../shared/i18n';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let reportPath: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await setUpAdminInApp(page, server.url);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('survey-report').first().waitFor();
  reportPath = (await page.getByTestId('survey-report').first().getAttribute('href'))!;
  await page.close();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/**
 * Pieces of English interface text that must not show once another language is chosen: every
 * app message, split at its placeholders, keeping pieces with at least one word of 4+ letters
 * (so "NPS" or "%" alone can't match by accident), unless the language's own message is the same.
 */
function englishFragments(target: Record<string, Message>): string[] {
  const texts = (m: Message) =>
    typeof m === 'string' ? [m] : Object.values(m).filter((x): x is string => typeof x === 'string');
  const out = new Set<string>();
  for (const [key, en] of Object.entries(appEn as Record<string, Message>)) {
    const own = new Set(texts(target[key]));
    for (const text of texts(en)) {
      if (own.has(text)) continue;
      for (const piece of text.split(/\{[^}]*\}/)) {
        const p = piece.trim();
        if (/[A-Za-z]{4,}/.test(p) && !/^Yardstick$/.test(p)) out.add(p);
      }
    }
  }
  return [...out];
}

async function switchTo(locale: string) {
  const page = await context.newPage();
  await page.goto(new URL('/', server.url).toString());
  await page.getByTestId('language-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  return page;
}

for (const [locale, catalogue] of [
  ['zh-Hant', appZhHant],
  ['vi', appVi],
] as const) {
  describe(`the app in ${locale}`, () => {
    it('shows the survey list and the report with no English interface text, and screenshots them', async () => {
      const page = await switchTo(locale);
      const fragments = englishFragments(catalogue as Record<string, Message>);
      expect(fragments.length).toBeGreaterThan(50);

      await page.getByTestId('survey-row').first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `languages-${locale}-list.png`), fullPage: true });
      const listText = await page.evaluate(() => document.body.innerText);
      expect(fragments.filter((f) => listText.includes(f))).toEqual([]);

      await page.goto(new URL(reportPath, server.url).toString());
      await page.getByTestId('report-completes').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `languages-${locale}-report.png`), fullPage: true });
      // The research plan is the researcher's document, in the one language it was written in (the
      // demo's in English): its quota variables' labels are the study's data, like an open answer,
      // so exactly those strings are taken out before looking for interface English.
      const surveyId = reportPath.split('/')[2];
      const { plan } = await (
        await page.request.get(new URL(`/api/surveys/${surveyId}/plan`, server.url).toString())
      ).json();
      const planLabels: string[] = plan.quotas.variables
        .flatMap((x: { label?: string; categories: { label?: string }[] }) => [
          x.label,
          ...x.categories.map((c) => c.label),
        ])
        .filter((x: string | undefined): x is string => !!x);
      expect(planLabels).toContain('Loyalty tier');
      const reportText = planLabels.reduce(
        (text, label) => text.replaceAll(label, ''),
        await page.evaluate(() => document.body.innerText),
      );
      expect(fragments.filter((f) => reportText.includes(f))).toEqual([]);
      // The demo survey's own texts come in the reader's language too.
      expect(reportText).toContain(locale === 'zh-Hant' ? '整體而言' : 'Nhìn chung');
      await page.close();
    });
  });
}
