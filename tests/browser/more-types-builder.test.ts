/**
 * The builder makes the new question types: a researcher adds yes/no, several fields with a
 * required total, a matrix with two scales and an instructions block, turns a list into a
 * dropdown, and the saved draft holds each as the schema says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
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

describe('the builder', () => {
  it('adds each new type, and the draft holds them', async () => {
    const desk = await browser.newContext(DESKTOP);
    const app = await desk.newPage();
    await setUpAdminInApp(app, server.url);
    await app.getByTestId('new-survey').first().click();
    await app.getByTestId('question-type').last().waitFor();
    const surveyId = /\/surveys\/([^/?#]+)/.exec(app.url())![1];

    const add = async (kind: string, text: string) => {
      await app.getByTestId('question-type').last().selectOption(kind);
      await app.getByTestId('add-question').last().click();
      const q = app.getByTestId('question').last();
      await q.getByTestId('question-text').fill(text);
      return q;
    };
    const info = await add('info', 'Please think about your last visit.');
    expect(await info.getByTestId('question-required').count()).toBe(0);
    await add('yesno', 'Have you shopped with us before?');
    const shares = await add('fields', 'What share of your spending goes to each channel?');
    await shares.getByTestId('option-label').nth(0).fill('Online');
    await shares.getByTestId('option-label').nth(1).fill('In store');
    await shares.getByRole('button', { name: 'Add field' }).click();
    await shares.getByTestId('option-label').nth(2).fill('By phone');
    await shares.getByTestId('fields-total').fill('100');
    const ipa = await add('matrixScales', 'How important is each, and how satisfied are you?');
    await ipa.getByTestId('option-label').nth(0).fill('Prices');
    await ipa.getByTestId('option-label').nth(1).fill('Staff');
    await ipa.getByTestId('scale-label').nth(0).fill('Importance');
    await ipa.getByTestId('scale-label').nth(1).fill('Satisfaction');
    // The report reads the first as each row's importance, the second as its performance.
    await ipa.getByTestId('scale-role').nth(0).selectOption('importance');
    await ipa.getByTestId('scale-role').nth(1).selectOption('attribute');
    const where = await add('single', 'Where do you live?');
    await where.getByTestId('option-label').nth(0).fill('Italy');
    await where.getByTestId('option-label').nth(1).fill('France');
    await where.getByTestId('question-kind').selectOption('dropdown');
    await app.screenshot({ path: join(SCREENSHOTS, 'more-types-builder.png'), fullPage: true });

    // The draft as the server keeps it, once the builder has saved it.
    const draft = async () => {
      const res = await app.evaluate(async (id) => (await fetch(`/api/surveys/${id}`)).json(), surveyId);
      return (res.draft.pages as { questions: Record<string, unknown>[] }[]).flatMap((p) => p.questions);
    };
    await expect
      .poll(async () => (await draft()).map((q) => q.type), { timeout: 10_000 })
      .toEqual(['info', 'yesno', 'fields', 'matrixScales', 'single']);
    const [, , f, m, d] = await draft();
    expect(f).toMatchObject({
      input: 'number',
      total: 100,
      items: [{ label: { en: 'Online' } }, { label: { en: 'In store' } }, { label: { en: 'By phone' } }],
    });
    expect(m).toMatchObject({
      items: [{ label: { en: 'Prices' } }, { label: { en: 'Staff' } }],
      scales: [
        { id: 's1', label: { en: 'Importance' }, scale: { min: 1, max: 5 }, role: 'importance' },
        { id: 's2', label: { en: 'Satisfaction' }, role: 'attribute' },
      ],
    });
    expect(d).toMatchObject({
      display: 'dropdown',
      options: [{ label: { en: 'Italy' } }, { label: { en: 'France' } }],
    });
    await desk.close();
  });
});
