import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';

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

describe('the whole loop, in Chromium', () => {
  it('sets up the admin, builds and publishes a survey, answers it on a phone, and reports 1 response', async () => {
    const desk = await browser.newContext(DESKTOP);
    const app = await desk.newPage();
    await app.goto(server.url);

    // First run: the setup page creates the administrator.
    await app.getByTestId('setup-name').fill('Ada Admin');
    await app.getByTestId('setup-email').fill('ada@example.com');
    await app.getByTestId('setup-password').fill('correct horse battery');
    await app.getByTestId('setup-confirm').fill('correct horse battery');
    await app.screenshot({ path: join(SCREENSHOTS, 'foundation-1-setup.png') });
    await app.getByTestId('setup-submit').click();

    // A new survey with three question types.
    await app.getByTestId('new-survey').first().click();
    await app.getByTestId('survey-title').fill('Store visit');
    const add = async (kind: string, text: string) => {
      await app.getByTestId('question-type').last().selectOption(kind);
      await app.getByTestId('add-question').last().click();
      await app.getByTestId('question-text').last().fill(text);
    };
    await add('rating', 'How satisfied are you with your visit?');
    await add('single', 'Why did you come?');
    const options = app.getByTestId('question').last().getByTestId('option-label');
    await options.nth(0).fill('To buy');
    await options.nth(1).fill('To look around');
    await add('text', 'Anything else?');
    await app.getByTestId('publish').click();
    await expect.poll(() => app.getByTestId('published-version').textContent()).toMatch(/1/);
    await app.screenshot({ path: join(SCREENSHOTS, 'foundation-2-editor.png'), fullPage: true });
    const link = await app.getByTestId('open-link').getAttribute('href');
    expect(link).toMatch(/\/s\/[a-z0-9-]+$/);
    const reportUrl = app.url().replace(/\/?$/, '/report');

    // A customer answers on a phone.
    const phone = await browser.newContext(PHONE);
    const customer = await phone.newPage();
    await customer.goto(new URL(link!, server.url).toString());
    const questions = customer.locator('fieldset, .question, [id^="q-"]').filter({ hasText: 'How satisfied' }).first();
    await questions.getByRole('radio', { name: '4' }).check({ force: true });
    await customer.getByRole('radio', { name: 'To buy' }).check({ force: true });
    await customer.locator('textarea, input[type="text"]').last().fill('Friendly staff');
    await customer.screenshot({ path: join(SCREENSHOTS, 'foundation-3-phone.png'), fullPage: true });
    await customer.getByRole('button', { name: /Finish/ }).click();
    await customer.getByText('Thank you!').waitFor();
    await customer.screenshot({ path: join(SCREENSHOTS, 'foundation-4-thanks.png') });

    // The manager's report counts it.
    await app.goto(reportUrl);
    await expect.poll(() => app.getByTestId('report-completes').textContent()).toMatch(/^\s*1\s*$/);
    await app.screenshot({ path: join(SCREENSHOTS, 'foundation-5-report.png'), fullPage: true });
    await desk.close();
    await phone.close();
  });
});
