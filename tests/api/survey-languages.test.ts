import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { type Agent, makeTestApp, signedInAgents } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
beforeEach(async () => {
  t = makeTestApp();
  // The survey page is served from the built respondent page; a stand-in with its placeholders will do.
  const clientDir = join(t.config.DATABASE_PATH, '..', 'client');
  mkdirSync(join(clientDir, 'respondent'), { recursive: true });
  writeFileSync(
    join(clientDir, 'respondent', 'index.html'),
    '<!doctype html><html lang="en"><head><title>Survey</title></head><body><div id="root"></div><!--survey-data--></body></html>',
  );
  t.app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir });
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

const arabicSurvey = () => ({
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
          text: { ar: 'ما مدى رضاك؟', fr: 'Êtes-vous satisfait ?' },
          scale: { min: 1, max: 5 },
        },
      ],
    },
  ],
});

describe('survey content in any language', () => {
  it("stores an Arabic and French survey and serves its page right to left, the page's own words in English", async () => {
    const created = await researcher.post('/api/surveys', { definition: arabicSurvey(), slug: 'avis' });
    expect(created.status).toBe(201);
    expect((await researcher.post(`/api/surveys/${created.body.id}/publish`)).status).toBe(200);
    const page = await t.app.request('/s/avis', { headers: { 'accept-language': 'ar-EG,ar;q=0.9' } });
    const html = await page.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('ما مدى رضاك؟');
    // We have no Arabic interface: the page's own words are in English, the clear fallback.
    expect(html).toMatch(/>Finish<\/button>/);
    expect(html).toContain('>Required<');
    // The picker names each language in itself.
    expect(html).toContain('>français</option>');

    const french = await (await t.app.request('/s/avis?lang=fr-CA')).text();
    expect(french).toContain('<html lang="fr" dir="ltr">');
    expect(french).toContain('Êtes-vous satisfait ?');
  });

  it('exports answers labelled in any survey language', async () => {
    const definition = {
      ...arabicSurvey(),
      pages: [
        {
          id: 'p1',
          questions: [
            {
              id: 'pick',
              type: 'single',
              text: { ar: 'اختر', fr: 'Choisissez' },
              options: [
                { id: 'a', label: { ar: 'أ', fr: 'Premier' } },
                { id: 'b', label: { ar: 'ب', fr: 'Second' } },
              ],
            },
          ],
        },
      ],
    };
    const created = await researcher.post('/api/surveys', { definition, slug: 'choix' });
    const published = await researcher.post(`/api/surveys/${created.body.id}/publish`);
    const versionId = published.body.versions[0].id;
    const sent = await t.app.request('/api/public/s/choix/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'abcdefgh1234', versionId, answers: { pick: 'b' }, complete: true, lang: 'fr' }),
    });
    expect(sent.status).toBe(201);
    const csv = await researcher.get(`/api/surveys/${created.body.id}/export/responses.csv?labels=1&lang=fr`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Second');
    expect(
      (await researcher.get(`/api/surveys/${created.body.id}/export/responses.csv?labels=1&lang=fr_FR`)).status,
    ).toBe(400);
  });

  it('refuses a language that is no BCP 47 tag, or one spelled otherwise than Intl spells it, naming where', async () => {
    for (const [languages, path] of [
      [['en', 'not a tag!'], 'definition.languages[1]'],
      [['en', 'fr_ca'], 'definition.languages[1]'],
    ] as const) {
      const r = await researcher.post('/api/surveys', {
        definition: { ...arabicSurvey(), defaultLanguage: 'en', languages, title: { en: 'x' } },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.message).toMatch(/BCP 47 language tag/);
    }
  });
});

describe('what cannot be published or imported, in clear words', () => {
  it('refuses to publish a survey with no question', async () => {
    const created = await researcher.post('/api/surveys', {
      definition: { title: { en: 'Empty' }, pages: [{ id: 'p1', questions: [] }] },
    });
    const r = await researcher.post(`/api/surveys/${created.body.id}/publish`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'no-questions', path: 'pages' });
    expect((await researcher.get(`/api/surveys/${created.body.id}`)).body.versions).toEqual([]);
  });

  it('names what is wrong with malformed JSON and self-references', async () => {
    const pages = await researcher.post('/api/surveys/convert', { content: '{"pages":"abc"}' });
    expect(pages.status).toBe(400);
    expect(pages.body.error.message).toBe('content: “pages” must be a list of pages');
    // The app words it from the note, in the user's language.
    expect(pages.body.error.params.note).toEqual({ code: 'pagesNotList' });
    const self = await researcher.post('/api/surveys', {
      definition: {
        title: { en: 'x' },
        pages: [
          {
            id: 'p1',
            questions: [
              {
                id: 'q3',
                type: 'nps',
                text: { en: 'Recommend?' },
                visibleIf: { conditions: [{ source: 'q3', op: 'answered' }] },
              },
            ],
          },
        ],
      },
    });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/question "q3" refers to itself/);
    expect(self.body.error.message).not.toMatch(/comes later/);
  });
});
