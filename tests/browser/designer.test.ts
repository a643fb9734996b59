import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  launchChromium,
  startTestServer,
  type Browser,
  setUpAdminInApp,
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

describe('the questionnaire designer', () => {
  it('builds a survey from a template, adds research questions, publishes, and a phone shows them', async () => {
    const desk = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const app = await desk.newPage();
    await setUpAdminInApp(app, server.url);

    // The price-sensitivity template: Van Westendorp and a Gabor-Granger ladder, roles set.
    await app.getByTestId('new-from-template').first().selectOption('price');
    await app.getByTestId('question').first().waitFor();
    expect(await app.getByTestId('question').count()).toBe(2);
    expect(await app.getByTestId('question-role').first().inputValue()).toBe('price');
    await app.getByTestId('gg-prices').fill('20 25 30 35 40');
    await app.getByTestId('gg-prices').blur();

    // A ranking question with help text, on the ladder's page.
    await app.getByTestId('question-type').last().selectOption('ranking');
    await app.getByTestId('add-question').last().click();
    const ranking = app.getByTestId('question').last();
    await ranking.getByTestId('question-text').fill('Rank what matters in a service plan');
    await ranking.getByTestId('question-help').fill('Most important first');
    await ranking.getByTestId('option-label').nth(0).fill('Price');
    await ranking.getByTestId('option-label').nth(1).fill('Speed');
    // Display logic: the ranking waits until the ladder is answered.
    await ranking.getByTestId('logic-add').click();
    await ranking.getByRole('combobox', { name: 'Question or hidden field' }).selectOption('gg');
    expect(await ranking.getByRole('combobox', { name: 'Condition' }).inputValue()).toBe('answered');
    // Translation: the new question's four texts (text, help, two options) lack Italian; a
    // translator's CSV fills one, and a row naming no text of the survey is reported.
    await expect.poll(() => app.getByTestId('missing-it').textContent()).toBe('4 texts missing');
    const csv =
      'path,it\npages[1].questions[1].text,Ordina ciò che conta in un piano di assistenza\npages[9].title,x\n';
    await app
      .getByTestId('import-translations')
      .setInputFiles({ name: 'it.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => app.getByTestId('missing-it').textContent()).toBe('3 texts missing');
    expect(await app.getByTestId('translation-report').textContent()).toContain(
      'Line 3: "pages[9].title" is not a text of this survey',
    );

    // Autosave: the draft is saved without pressing Save once the edits stop.
    await expect.poll(() => app.getByTestId('save-state').textContent(), { timeout: 5000 }).toBe('Saved');
    await app.getByTestId('publish').click();
    // Italian still lacks three of the new question's texts: publishing names them and asks.
    await expect
      .poll(() => app.getByTestId('missing-translations').textContent())
      .toContain('Italiano: 3 texts missing');
    await app.getByTestId('publish-confirm').click();
    await expect.poll(() => app.getByTestId('published-version').textContent()).toMatch(/1/);
    await app.screenshot({ path: join(SCREENSHOTS, 'designer-1-editor.png'), fullPage: true });
    const link = await app.getByTestId('open-link').getAttribute('href');

    // A customer on a phone: the template's texts in the researcher's language, the new ladder.
    const phone = await browser.newContext(PHONE);
    const customer = await phone.newPage();
    await customer.goto(new URL(link!, server.url).toString());
    await customer.getByText('At what price would it be a bargain — a great buy for the money?').waitFor();
    expect(await customer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await customer.screenshot({ path: join(SCREENSHOTS, 'designer-2-phone-vw.png'), fullPage: true });
    const price = (label: RegExp) => customer.getByRole('textbox', { name: label });
    await price(/so cheap/).fill('10');
    await price(/bargain/).fill('20');
    await price(/start to seem expensive/).fill('35');
    await price(/not consider buying/).fill('50');
    await customer.locator('input[name="vw.likelyCheap"][value="5"]').check({ force: true });
    await customer.locator('input[name="vw.likelyExpensive"][value="3"]').check({ force: true });
    await customer.getByRole('button', { name: 'Next' }).click();
    // The ladder starts at the middle of 20 25 30 35 40.
    await customer.getByText('Would you buy it at €30?').waitFor();
    expect(await customer.getByText('Rank what matters in a service plan').count()).toBe(0);
    await customer.getByRole('button', { name: 'No, I would not' }).click();
    await customer.getByRole('button', { name: 'Yes, I would' }).click();
    await customer.getByRole('button', { name: 'Keep this order' }).click();
    await customer.screenshot({ path: join(SCREENSHOTS, 'designer-3-phone-ladder.png'), fullPage: true });
    await customer.getByRole('button', { name: 'Finish' }).click();
    await customer.getByText('Thank you!').waitFor();

    const db = new Database(server.dbPath, { readonly: true });
    const row = db.prepare('select answers from responses').get() as { answers: string };
    const stored = db.prepare('select definition from survey_versions where version > 0').get() as {
      definition: string;
    };
    db.close();
    const answers = JSON.parse(row.answers);
    expect(answers.gg).toEqual({
      path: [
        { price: 30, buy: false },
        { price: 25, buy: true },
      ],
      highest: 25,
    });
    expect(answers.q1).toEqual(['o1', 'o2']);
    expect(JSON.parse(stored.definition).pages[1].questions[1].visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'gg', op: 'answered' }],
    });
    await phone.close();

    // Our own JSON: a download reads back as the same definition; a broken file never replaces the draft.
    const download = app.waitForEvent('download');
    await app.getByTestId('export-json').click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(exported.pages.flatMap((p: { questions: { id: string }[] }) => p.questions.map((q) => q.id))).toEqual([
      'vw',
      'gg',
      'q1',
    ]);
    const broken = {
      ...exported,
      pages: [
        {
          id: 'p1',
          questions: [{ id: 'x', type: 'gaborGranger', currency: 'EUR', text: { en: 'x' }, prices: [5, 3] }],
        },
      ],
    };
    await app.getByTestId('import-json').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect
      .poll(() => app.getByTestId('import-error').textContent())
      .toBe(
        'This file could not be imported. Question 1: The prices must rise from one to the next, with at least 2 of them.',
      );
    expect(await app.getByTestId('question').count()).toBe(3);
    const trimmed = { ...exported, pages: exported.pages.slice(0, 1) };
    await app.getByTestId('import-json').setInputFiles({
      name: 'trimmed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trimmed)),
    });
    await expect.poll(() => app.getByTestId('question').count()).toBe(1);
    await desk.close();
  });
});
