/**
 * A researcher working in Simplified Chinese imports a SurveyJS study and a file that is no
 * survey: what the import changed, and why the file was refused, are told in Chinese, including
 * the reason inside a condition that was left out, not in the server's English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  SCREENSHOTS,
  launchChromium,
  setUpAdminInApp,
  startTestServer,
  type Browser,
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

describe('import notes in the interface language', () => {
  it('lists what a SurveyJS file lost, and why a file was refused, in Simplified Chinese', async () => {
    const ctx = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await setUpAdminInApp(page, server.url);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/surveys`);

    // Not a survey: the refusal names what is wrong in Chinese.
    await page.getByTestId('import-survey-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"pages":"abc"}'),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('“pages”必须是页面列表');

    await page.getByTestId('import-survey-file').setInputFiles({
      name: 'study.json',
      mimeType: 'application/json',
      buffer: readFileSync(join(import.meta.dirname, '../fixtures/import/surveyjs-study-he.json')),
    });
    const notice = page.getByTestId('import-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    // The script taken out of the closing text, the empty page dropped, and a condition that
    // could not be kept with its reason, each in Chinese.
    expect(text).toContain('其说明或结束语包含脚本或样式表，已删除');
    expect(text).toContain('该页面没有可导入的题目，因此已省略');
    expect(text).toMatch(/其条件“[^”]+”已省略（[^）]+）：该题目现在将始终显示/);
    expect(text).not.toMatch(/will now always show|was left out|taken out/);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-notes-zh-hans.png'), fullPage: true });
    await ctx.close();
  });
});
