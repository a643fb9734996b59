import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SurveyDefinitionSchema } from '../../../shared/survey/schema';
import { importTranslations, missingTexts, translationsCsv } from '../../../shared/survey/translations';

const def = () =>
  v.parse(SurveyDefinitionSchema, {
    title: { en: 'Store visit', it: 'Visita al negozio' },
    languages: ['en', 'it'],
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'visit',
            type: 'single',
            text: { en: 'Why did you come?' },
            options: [
              { id: 'buy', label: { en: 'To buy' } },
              { id: 'look', label: { en: 'To look, "just" around' } },
            ],
            visibleIf: { match: 'all', conditions: [{ source: 'tier', op: 'equals', value: 'gold' }] },
          },
        ],
      },
    ],
    hiddenFields: ['tier'],
  });

describe('translations as CSV', () => {
  it('lists every text by its path, default language first, with what is missing', () => {
    expect(translationsCsv(def()).split('\r\n')).toEqual([
      'path,en,it',
      'title,Store visit,Visita al negozio',
      'pages[0].questions[0].text,Why did you come?,',
      'pages[0].questions[0].options[0].label,To buy,',
      'pages[0].questions[0].options[1].label,"To look, ""just"" around",',
    ]);
    expect(missingTexts(def(), 'it')).toEqual([
      'pages[0].questions[0].text',
      'pages[0].questions[0].options[0].label',
      'pages[0].questions[0].options[1].label',
    ]);
  });

  it('reads a translator’s file back, reporting the rows it cannot use', () => {
    const csv = [
      'path,en,it,fr',
      'pages[0].questions[0].text,Why did you come?,Perché sei venuto?,Pourquoi ?',
      'pages[0].questions[0].options[0].label,,Per comprare,',
      'pages[0].questions[9].text,x,y,z',
      'pages[0].questions[0].options[1].label,To look around,',
    ].join('\n');
    const r = importTranslations(def(), csv);
    // 3 texts changed: the question's and option 1's Italian, and option 2's English (option 2's Italian is empty: kept).
    expect(r.applied).toBe(3);
    expect(r.definition.pages[0].questions[0].text).toEqual({ en: 'Why did you come?', it: 'Perché sei venuto?' });
    expect(r.problems).toEqual([
      { line: 1, message: 'column 4 "fr" is not a language of this survey' },
      { line: 4, message: '"pages[0].questions[9].text" is not a text of this survey' },
      { line: 5, message: 'has 3 cells, the header 4' },
    ]);
    expect(v.safeParse(SurveyDefinitionSchema, r.definition).success).toBe(true);
  });

  it('refuses a file without the path column and changes nothing', () => {
    const r = importTranslations(def(), 'key,en\ntitle,X');
    expect(r).toEqual({
      definition: def(),
      applied: 0,
      problems: [{ line: 1, message: 'the first column must be "path"' }],
    });
  });
});
