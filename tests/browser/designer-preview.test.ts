import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import {
  DESKTOP,
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

const PAGE_TITLE = 'Page title';
const order = (app: Page, page: number) =>
  app
    .getByTestId('page')
    .nth(page)
    .getByTestId('question')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id')));

/** A real mouse drag (the browser's own drag and drop), with both ends in view. */
async function dragOnto(app: Page, handle: Locator, target: Locator) {
  await target.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await app.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await app.mouse.down();
  for (let i = 1; i <= 10; i++)
    await app.mouse.move(from.x + ((to.x + 40 - from.x) * i) / 10, from.y + ((to.y + 100 - from.y) * i) / 10);
  await app.mouse.up();
}

describe('designing with the phone preview', () => {
  it('builds from a template, adds logic, translates a question, reorders, previews on a phone, publishes', async () => {
    const desk = await browser.newContext(DESKTOP);
    const app = await desk.newPage();
    await setUpAdminInApp(app, server.url);

    // The NPS template (every text in all five languages), then a third page with a new question.
    await app.getByTestId('new-from-template').first().selectOption('nps');
    await app.getByTestId('question').first().waitFor();
    await app.getByTestId('add-page').click();
    const third = app.getByTestId('page').nth(2);
    await third.getByTestId('question-type').selectOption('single');
    await third.getByTestId('add-question').click();
    const store = third.getByTestId('question');
    await store.getByTestId('question-text').fill('Which store did you visit?');
    await store.getByTestId('option-label').nth(0).fill('Downtown');
    await store.getByTestId('option-label').nth(1).fill('Airport');

    // Page logic: the third page only for promoters (NPS 9–10).
    const pageLogic = third.getByTestId('page-logic');
    await pageLogic.getByTestId('logic-add').click();
    await pageLogic.getByRole('combobox', { name: 'Condition' }).selectOption('between');
    await pageLogic.getByRole('spinbutton', { name: 'Minimum' }).fill('9');
    await pageLogic.getByRole('spinbutton', { name: 'Maximum' }).fill('10');

    // A hidden field from the link, and a screening rule that ends the survey for staff after page 1.
    await app.getByTestId('hidden-name').fill('2tier');
    await app.getByTestId('hidden-add').click();
    expect(await app.getByTestId('hidden-fields').getByRole('alert').textContent()).toMatch(/starts with a letter/);
    await app.getByTestId('hidden-name').fill('staff');
    await app.getByTestId('hidden-add').click();
    await app.getByTestId('screen-out-add').click();
    const rule = app.getByTestId('screen-out');
    await rule.getByRole('combobox', { name: 'Question or hidden field' }).selectOption('staff');
    await rule.getByRole('combobox', { name: 'Condition' }).selectOption('equals');
    await rule.getByRole('textbox', { name: 'Value' }).fill('yes');
    await rule.getByRole('textbox', { name: 'Value' }).blur();
    // Typed key by key: a box re-created on each change would lose the focus and the text.
    await rule.getByTestId('screen-out-message').pressSequentially('Thank you! This survey is for customers only.');

    // Translation side by side: the new question's text, its two options and the screening message
    // lack Italian; fill the text.
    await app.getByTestId('open-translations').click();
    await app.getByTestId('translate-language').selectOption('it');
    await expect.poll(() => app.getByTestId('translate-missing').textContent()).toBe('4 texts missing');
    const row = app.locator('[data-testid="translation-row"][data-path="pages[2].questions[0].text"]');
    expect(await row.textContent()).toContain('Which store did you visit?');
    await row.getByTestId('translation-input').pressSequentially('Quale negozio hai visitato?');
    await expect.poll(() => app.getByTestId('translate-missing').textContent()).toBe('3 texts missing');
    await app.screenshot({ path: join(SCREENSHOTS, 'designer-preview-1-translations.png'), fullPage: true });

    // Reordering by keyboard (Alt+↓ in the card) and back by dragging the handle onto the other card.
    expect(await order(app, 1)).toEqual(['whyLow', 'whyHigh']);
    await app.locator('[data-question-id="whyLow"] [data-testid="question-text"]').focus();
    await app.keyboard.press('Alt+ArrowDown');
    expect(await order(app, 1)).toEqual(['whyHigh', 'whyLow']);
    expect(await app.getByTestId('move-announcement').textContent()).toBe('Moved to position 3 of 4.');
    expect(
      await app.evaluate(() => document.activeElement?.closest('[data-question-id]')?.getAttribute('data-question-id')),
    ).toBe('whyLow');
    await dragOnto(
      app,
      app.locator('[data-question-id="whyLow"] [data-testid="question-drag"]'),
      app.locator('[data-question-id="whyHigh"]'),
    );
    expect(await order(app, 1)).toEqual(['whyLow', 'whyHigh']);
    // Deleting is undoable.
    await app.locator('[data-question-id="whyHigh"] [data-testid="delete-question"]').click();
    expect(await order(app, 1)).toEqual(['whyLow']);
    await app.getByTestId('undo-delete').click();
    expect(await order(app, 1)).toEqual(['whyLow', 'whyHigh']);
    // Pages move the same ways (Alt+↑ in the page's head, its buttons), and deleting one is undoable.
    await app.getByTestId('page').nth(2).getByRole('textbox', { name: PAGE_TITLE }).focus();
    await app.keyboard.press('Alt+ArrowUp');
    expect(await order(app, 1)).toEqual(['q1']);
    expect(await app.getByTestId('move-announcement').textContent()).toBe('Page moved to position 2 of 3.');
    await app.getByTestId('page').nth(1).getByTestId('page-down').click();
    expect(await order(app, 2)).toEqual(['q1']);
    await app.getByTestId('page').nth(1).getByTestId('remove-page').click();
    expect(await app.getByTestId('page').count()).toBe(2);
    await app.getByTestId('undo-delete').click();
    expect(await order(app, 1)).toEqual(['whyLow', 'whyHigh']);

    // The preview runs the saved draft in a phone-sized frame, here in Italian.
    await expect.poll(() => app.getByTestId('save-state').textContent(), { timeout: 8000 }).toBe('Saved');
    await app.getByTestId('preview-language').selectOption('it');
    const frame = app.frameLocator('[data-testid="preview-frame"]');
    await frame.getByRole('radio', { name: '10' }).waitFor({ state: 'attached' });
    const frameWidth = await app
      .getByTestId('preview-frame')
      .evaluate((f: HTMLIFrameElement) => f.contentWindow!.innerWidth);
    expect(frameWidth).toBe(360);
    expect(
      await app
        .getByTestId('preview-frame')
        .evaluate((f: HTMLIFrameElement) => f.contentDocument!.documentElement.scrollWidth <= 360),
    ).toBe(true);
    await frame.getByRole('radio', { name: '10' }).check({ force: true });
    await frame.getByRole('button', { name: 'Avanti' }).click();
    await frame.getByText('Che cosa apprezzi di più di noi?').waitFor();
    await frame.getByRole('button', { name: 'Avanti' }).click();
    // The promoter reaches the third page, with the question translated a moment ago.
    await frame.getByText('Quale negozio hai visitato?').waitFor();
    await app.screenshot({ path: join(SCREENSHOTS, 'designer-preview-2-phone.png') });
    await frame.getByRole('radio', { name: 'Airport' }).check({ force: true });
    await frame.getByRole('button', { name: 'Termina' }).click();
    await frame.getByText('Grazie!').waitFor();
    await expect
      .poll(() => app.getByTestId('test-responses').textContent(), { timeout: 8000 })
      .toContain('1 test response');

    await app.getByTestId('publish').click();
    // The new question and the screening message lack the other four languages: publishing names
    // the missing texts per language and asks first.
    const missing = app.getByTestId('missing-translations');
    await expect.poll(() => missing.locator('li').count()).toBe(4);
    expect(await missing.locator('li[data-language="it"]').textContent()).toContain('Italiano: 3 texts missing');
    expect(await missing.locator('li[data-language="zh-Hans"]').textContent()).toContain('简体中文: 4 texts missing');
    await app.getByTestId('publish-confirm').click();
    await expect.poll(() => app.getByTestId('published-version').textContent()).toMatch(/1/);
    await app.screenshot({ path: join(SCREENSHOTS, 'designer-preview-3-published.png'), fullPage: true });

    // The preview's answers are a test response, kept apart from the real ones.
    const db = new Database(server.dbPath, { readonly: true });
    const rows = db.prepare('select is_test, status, answers from responses').all() as {
      is_test: number;
      status: string;
      answers: string;
    }[];
    const versions = db.prepare('select version, definition from survey_versions where version > 0').all() as {
      version: number;
      definition: string;
    }[];
    db.close();
    expect(rows.map((r) => [r.is_test, r.status])).toEqual([[1, 'complete']]);
    expect(JSON.parse(rows[0].answers)).toMatchObject({ nps: 10, q1: 'o2' });
    expect(versions.map((v) => v.version)).toEqual([1]);
    const published = JSON.parse(versions[0].definition);
    expect(published.pages[2].visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'nps', op: 'between', min: 9, max: 10 }],
    });
    expect(published.pages[2].questions[0].text).toMatchObject({
      en: 'Which store did you visit?',
      it: 'Quale negozio hai visitato?',
    });
    expect(published.hiddenFields).toEqual(['staff']);
    expect(published.screenOuts).toEqual([
      {
        id: 'so1',
        afterPage: 'p1',
        when: { match: 'all', conditions: [{ source: 'staff', op: 'equals', value: 'yes' }] },
        message: { en: 'Thank you! This survey is for customers only.' },
      },
    ]);
    const list = await app.evaluate(() => fetch('/api/surveys').then((r) => r.json()));
    expect(list.map((s: { completes: number; partials: number }) => [s.completes, s.partials])).toEqual([[0, 0]]);

    // A LimeSurvey .lss from the survey list becomes a new survey; the editor lists what was left out.
    await app.getByRole('link', { name: 'Surveys' }).first().click();
    await app.getByTestId('import-survey-file').setInputFiles({
      name: 'hotel.lss',
      mimeType: 'application/xml',
      buffer: Buffer.from(readFileSync(join(import.meta.dirname, '../fixtures/import/limesurvey-hotel-v6.lss'))),
    });
    await app.getByTestId('import-notice').waitFor();
    expect(await app.getByTestId('import-notice').textContent()).toContain(
      'Read from a LimeSurvey file. 3 things could not be carried over',
    );
    expect(await app.getByTestId('import-notice').textContent()).toContain('NIGHTSX2');
    // SPEND, a multiple numerical input, imports as several fields.
    expect(await app.getByTestId('question').count()).toBe(11);
    await app.screenshot({ path: join(SCREENSHOTS, 'designer-preview-4-imported.png') });
    await desk.close();
  });
});
