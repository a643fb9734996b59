/**
 * Survey content in any language: an Arabic survey reads right to left on the respondent page,
 * with the page's own words in English (we have no Arabic interface), and switches to its French
 * texts left to right; the builder adds a language by its tag, named through Intl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOTS, launchChromium, startTestServer, type Browser } from '../support/browser';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let cookie = '';
let csrf = '';

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(new URL(path, server.url), {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  const json = await res.json().catch(() => null);
  if (json?.csrf) csrf = json.csrf;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const arabic = {
  title: { ar: 'رأيك يهمنا', fr: 'Votre avis compte' },
  defaultLanguage: 'ar',
  languages: ['ar', 'fr'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          required: true,
          text: { ar: 'ما مدى رضاك عن زيارتك؟', fr: 'Êtes-vous satisfait de votre visite ?' },
          scale: { min: 1, max: 5 },
        },
      ],
    },
    { id: 'p2', questions: [{ id: 'note', type: 'text', text: { ar: 'هل لديك ملاحظات أخرى؟', fr: 'Autre chose ?' } }] },
  ],
};

let surveyId = '';
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  await api('POST', '/api/auth/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  const created = await api('POST', '/api/surveys', { definition: arabic, slug: 'avis' });
  surveyId = created.id;
  await api('POST', `/api/surveys/${created.id}/publish`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a survey in Arabic and French', () => {
  it('reads right to left in Arabic with English interface words, and left to right in French', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'ar-EG' });
    const page = await context.newPage();
    await page.goto(new URL('/s/avis', server.url).toString());
    await page.getByText('ما مدى رضاك عن زيارتك؟').waitFor();
    // Once the bundle has taken over (the language picker is live), the document keeps its direction.
    await page.waitForFunction(() => !document.getElementById('root')?.classList.contains('wait'));
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await expect.poll(() => page.getByRole('button', { name: 'Next' }).count()).toBe(1);
    // Laid out right to left, on screen: the question text ends at the right edge, and nothing
    // (the honeypot once sat at left: -10000px) widens the page so the view starts off its content.
    const box = await page.getByText('ما مدى رضاك عن زيارتك؟').boundingBox();
    expect(box!.x + box!.width).toBeGreaterThan(PHONE.viewport.width * 0.8);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.viewport.width);
    expect(await page.evaluate(() => [window.scrollX, document.documentElement.scrollWidth])).toEqual([
      0,
      PHONE.viewport.width,
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-languages-1-arabic.png') });

    await page.locator('select.lang').selectOption('fr');
    await page.getByText('Êtes-vous satisfait de votre visite ?').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'fr',
      'ltr',
    ]);
    await context.close();
  });
});

describe('the builder', () => {
  it("adds any language by its tag, named in the researcher's language, saves it, and can make another the default", async () => {
    const context = await browser.newContext(DESKTOP);
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(new URL(`/surveys/${surveyId}`, server.url).toString());
    const input = page.getByTestId('add-language');
    await input.fill('not a tag!');
    await expect.poll(() => page.getByTestId('add-language-name').textContent()).toMatch(/Not a language tag/);
    expect(await page.getByTestId('add-language-button').isDisabled()).toBe(true);
    await input.fill('et');
    await expect.poll(() => page.getByTestId('add-language-name').textContent()).toBe('Estonian');
    await page.getByTestId('add-language-button').click();
    await expect
      .poll(async () => (await api('GET', `/api/surveys/${surveyId}`)).draft.languages, { timeout: 15_000 })
      .toEqual(['ar', 'fr', 'et']);
    // Respondents in Estonian will see the page's own words in English: the builder says so.
    await page.getByTestId('english-ui-et').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-languages-2-builder.png') });
    // French becomes the language texts are edited in.
    await page.getByTestId('make-default-fr').click();
    await expect.poll(() => page.getByTestId('survey-title').inputValue()).toBe('Votre avis compte');
    await expect
      .poll(async () => (await api('GET', `/api/surveys/${surveyId}`)).draft.defaultLanguage, { timeout: 15_000 })
      .toBe('fr');
    await context.close();
  });
});
