import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

/** The stored draft, read from the database file itself, as the next visit would load it. */
const storedDraft = () => {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return JSON.parse(db.prepare('select draft from surveys').pluck().get() as string) as {
      title: Record<string, string>;
      languages: string[];
      pages: {
        questions: {
          id: string;
          type: string;
          text: Record<string, string>;
          options?: { label: Record<string, string> }[];
        }[];
      }[];
    };
  } finally {
    db.close();
  }
};

describe('the designer never loses work', () => {
  it('saves edits with an unfinished question present, across leaving to the Plan and closing the tab; publishing asks about missing texts', async () => {
    const desk = await browser.newContext(DESKTOP);
    const app = await desk.newPage();
    await setUpAdminInApp(app, server.url);
    await app.getByTestId('new-survey').first().click();
    await app.getByTestId('survey-title').waitFor();
    expect(await app.getByTestId('open-link').textContent()).toMatch(/\/s\/untitled-survey-[a-z0-9]{6}$/);
    const tail = (await app.getByTestId('open-link').textContent())!.slice(-6);

    // A single choice whose options have no labels yet: unfinished, and listed as such.
    await app.getByTestId('question-type').last().selectOption('single');
    await app.getByTestId('add-question').last().click();
    await app.getByTestId('question').first().getByTestId('question-text').fill('Why did you choose us?');
    await expect
      .poll(() => app.getByTestId('draft-problems').textContent())
      .toContain('Question 1: Every option needs a label.');
    // Autosave goes on regardless.
    await expect.poll(() => app.getByTestId('save-state').textContent(), { timeout: 5000 }).toBe('Saved');
    expect(storedDraft().pages[0].questions[0].text.en).toBe('Why did you choose us?');

    // A second question and a new title, and straight to the Plan before autosave's pause is over.
    await app.getByTestId('question-type').last().selectOption('rating');
    await app.getByTestId('add-question').last().click();
    await app.getByTestId('question').nth(1).getByTestId('question-text').fill('How was the breakfast?');
    await app.getByTestId('survey-title').fill('Hotel stay 2027');
    await app.getByTestId('editor-plan').click();
    await app.waitForURL(/\/plan$/);
    const stored = storedDraft();
    expect(stored.title.en).toBe('Hotel stay 2027');
    expect(stored.pages[0].questions.map((q) => q.text.en)).toEqual([
      'Why did you choose us?',
      'How was the breakfast?',
    ]);

    // Back in the editor every edit is there, and the link has followed the title.
    await app.goBack();
    await app.getByTestId('question').nth(1).waitFor();
    expect(await app.getByTestId('question').nth(1).getByTestId('question-text').inputValue()).toBe(
      'How was the breakfast?',
    );
    expect(await app.getByTestId('survey-title').inputValue()).toBe('Hotel stay 2027');
    expect(await app.getByTestId('open-link').textContent()).toMatch(new RegExp(`/s/hotel-stay-2027-${tail}$`));

    // The list's link leads to the unfinished question.
    await app.getByTestId('draft-problem').first().click();
    await expect
      .poll(() =>
        app.evaluate(() =>
          document.activeElement?.closest('[data-testid="question"]')?.getAttribute('data-question-id'),
        ),
      )
      .toBe('q1');
    const labels = app.getByTestId('question').first().getByTestId('option-label');
    await labels.nth(0).fill('Location');
    await labels.nth(1).fill('Price');
    await expect.poll(() => app.getByTestId('draft-problems').count()).toBe(0);

    // Closing the tab right after an edit: the edit is sent on the way out.
    await app
      .getByTestId('question')
      .nth(1)
      .getByTestId('question-text')
      .fill('How was the breakfast on your last stay?');
    await app.close({ runBeforeUnload: true });
    await expect
      .poll(() => storedDraft().pages[0].questions[1].text.en, { timeout: 5000 })
      .toBe('How was the breakfast on your last stay?');

    // Simplified Chinese added with only the title translated: publishing names what is missing.
    const again = await desk.newPage();
    await again.goto(`${server.url}/surveys`);
    // The demo study stays within reach once a survey exists.
    await again.getByTestId('survey-list').waitFor();
    expect(await again.getByTestId('load-demo').count()).toBe(1);
    await again.getByTestId('edit-survey').first().click();
    await again.getByTestId('survey-title').waitFor();
    await again.getByTestId('languages').getByText('简体中文').click();
    await again.getByTestId('open-translations').click();
    await again.locator('tr[data-path="title"] textarea').fill('2027 年酒店住宿');
    await again.getByTestId('publish').click();
    const missing = again.getByTestId('missing-translations');
    await missing.waitFor();
    // The two question texts and the two option labels (the rating's scale has no labels).
    expect(await missing.textContent()).toContain('简体中文: 4 texts missing');
    expect(await missing.textContent()).toContain('In: Question 1, Question 2');
    await again.screenshot({ path: join(SCREENSHOTS, 'designer-drafts-missing.png') });
    await again.getByTestId('drop-language').click();
    await expect.poll(() => again.getByTestId('published-version').textContent()).toMatch(/1/);
    expect(storedDraft().languages).toEqual(['en']);
    // The link stays once published.
    await again.getByTestId('survey-title').fill('Hotel stay, spring 2027');
    await expect.poll(() => again.getByTestId('save-state').textContent(), { timeout: 5000 }).toBe('Saved');
    expect(await again.getByTestId('open-link').textContent()).toMatch(new RegExp(`/s/hotel-stay-2027-${tail}$`));

    // Published, with unpublished changes: the top bar keeps to one line at 1366 px.
    const bar = await again.locator('.editor-bar').boundingBox();
    const publishButton = await again.getByTestId('publish').boundingBox();
    await again.screenshot({ path: join(SCREENSHOTS, 'designer-drafts-bar.png') });
    expect(bar!.height).toBeLessThan(publishButton!.height * 2);
    await desk.close();
  });
});
