/**
 * What the import says about a file reaches the researcher in the interface language: every note
 * (and the reason inside a left-out condition) is a code with parameters, worded by the catalogues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, loadAppMessages, LOCALES } from '../../../shared/i18n';
import { ImportError, importSurvey } from '../../../shared/survey/import';
import { noteText } from '../../../shared/survey/import/notes';
import { duplicateChoices } from '../../../bench/import-files';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name), 'utf8');
const FILES = [
  'surveyjs-hotel.json',
  'surveyjs-study-he.json',
  'surveyjs-more-types.json',
  'limesurvey-hotel-v6.lss',
  'limesurvey-store-fr-v6.lss',
  'limesurvey-more-types-v6.lss',
];
const notes = [
  ...FILES.map((f) => importSurvey(fixture(f)).unmapped),
  importSurvey(duplicateChoices(300)).unmapped,
].flat();

/** The note of an unreadable file. */
function refusal(content: string) {
  try {
    importSurvey(content);
  } catch (err) {
    if (err instanceof ImportError) return err.note;
  }
  throw new Error('the file was read');
}

describe('import notes in the interface language', () => {
  it('covers the kinds of note the fixtures produce', () => {
    const codes = new Set(notes.map((n) => n.code));
    for (const code of ['conditionDropped', 'scaleTurned', 'codeRemoved', 'pageEmpty', 'tooManyChoices', 'unpipedIf'])
      expect(codes).toContain(code);
  });

  it.each(LOCALES)('words every note in %s, with no key or placeholder left over', async (locale) => {
    const t = createTranslator(locale, await loadAppMessages(locale));
    for (const n of notes) {
      // Expressions as given ({nps} >= 9) may hold braces; what is left once they are out may not.
      const text = noteText(t, n);
      const rest = Object.values({ ...n.params, ...n.reason?.params }).reduce<string>(
        (out, v) => out.split(String(v)).join(''),
        text,
      );
      expect(rest).not.toMatch(/import\.note\.|\{\w+\}/);
      if (locale !== 'en') expect(text).not.toBe(n.message);
    }
  });

  it('words the reason a condition was left out inside the sentence, both in Simplified Chinese', async () => {
    const t = createTranslator('zh-Hans', await loadAppMessages('zh-Hans'));
    const dropped = notes.find((n) => n.code === 'conditionDropped' && n.reason?.code === 'exprFunction');
    expect(dropped).toBeDefined();
    // PLUS in the French file: `sum(...)` cannot be said, so the question now always shows.
    expect(noteText(t, dropped!)).toMatch(
      /^其条件“.*sum.*”已省略（函数 sum\(\) 在我们的逻辑中没有对应项）：该题目现在将始终显示$/,
    );
  });

  it("names a refused question's field in the researcher's words: a choice question with one option", async () => {
    const file = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'radiogroup', name: 'alone', title: 'Pick one', choices: ['only'] },
            { type: 'comment', name: 'why', title: 'Why?' },
          ],
        },
      ],
    };
    const left = importSurvey(JSON.stringify(file)).unmapped.find((u) => u.source === 'alone');
    expect(left).toMatchObject({ code: 'questionRefused', params: { field: 'options', rule: 'too-short', limit: 2 } });
    expect(left?.message).toBe('left out: its options needs at least 2');
    const zh = createTranslator('zh-Hant', await loadAppMessages('zh-Hant'));
    expect(noteText(zh, left!)).toBe('已略去：其選項至少需要 2 個');
  });

  it('says why a condition naming a later question was left out, in the words of each language', async () => {
    const file = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'why', title: 'Why?', visibleIf: '{visit} = true' },
            { type: 'boolean', name: 'visit', title: 'Did you visit?' },
          ],
        },
      ],
    };
    const left = importSurvey(JSON.stringify(file)).unmapped.find((u) => u.source === 'why');
    expect(left).toMatchObject({ code: 'conditionRefused', params: { ref: 'later', name: 'visit' } });
    expect(left?.message).toBe(
      'its display condition was left out (it names “visit”, which comes later in the survey): the question will now always show',
    );
    const it = createTranslator('it', await loadAppMessages('it'));
    expect(noteText(it, left!)).toBe(
      'la sua condizione di visualizzazione è stata omessa (nomina «visit», che viene dopo nel questionario): la domanda ora sarà sempre mostrata',
    );
  });

  it('words an unreadable file in Vietnamese, and a fault in our own format with its rule', async () => {
    const vi = createTranslator('vi', await loadAppMessages('vi'));
    expect(noteText(vi, refusal('{"pages":"abc"}'))).toBe('“pages” phải là danh sách các trang');
    expect(noteText(vi, refusal('<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions>'))).toBe(
      'tệp .lss không phải XML hợp lệ (dòng 1)',
    );
    const it = createTranslator('it', await loadAppMessages('it'));
    const own = refusal(JSON.stringify({ title: { en: 'x' }, defaultLanguage: 'en', languages: ['en'], pages: [] }));
    expect(own).toMatchObject({ code: 'ownFormat', params: { field: 'pages', rule: 'too-short', limit: 1 } });
    expect(noteText(it, own)).toBe('nel questionario: le pagine del questionario richiede almeno 1');
  });
});
