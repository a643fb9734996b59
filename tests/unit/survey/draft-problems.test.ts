import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  createTranslator,
  loadAppMessages,
  LOCALES,
  type AppKey,
  type Locale,
  type MessageParams,
} from '../../../shared/i18n';
import type { ApiErrorCode } from '../../../shared/api/errors';
import { DraftDefinitionSchema } from '../../../shared/survey/draft';
import { ApiError } from '../../../client/app/lib/api';
import { errorText } from '../../../client/app/lib/errors';
import { findProblems } from '../../../client/app/survey/definition';
import { placeOf, problemWords } from '../../../client/app/survey/places';
import { importFault } from '../../../client/app/survey/import-fault';
import { ImportError, importSurvey } from '../../../shared/survey/import';

const translator = async (locale: Locale) =>
  createTranslator(locale, await loadAppMessages(locale)) as (key: AppKey, params?: MessageParams) => string;

const unfinished = () => ({
  title: { en: 'Store visit' },
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'q1',
          type: 'single',
          text: { en: 'Why?' },
          options: [
            { id: 'o1', label: { en: '' } },
            { id: 'o2', label: { en: 'Price' } },
          ],
        },
        {
          id: 'q2',
          type: 'number',
          text: { en: 'How many?' },
          min: 9,
          max: 1,
          visibleIf: { conditions: [{ source: 'q3', op: 'answered' }] },
        },
      ],
    },
    { id: 'p2', questions: [{ id: 'q3', type: 'vanWestendorp', text: { en: '' }, currency: 'EU' }] },
  ],
});

describe('unfinished drafts', () => {
  it('are accepted by the draft schema with the defaults filled in', () => {
    const r = v.safeParse(DraftDefinitionSchema, unfinished());
    expect(r.success).toBe(true);
    expect(r.success && r.output.languages).toEqual(['en']);
  });

  it("list every problem in the builder's words, at the question it concerns", async () => {
    const def = v.parse(DraftDefinitionSchema, unfinished());
    const problems = findProblems(def);
    expect(problems.map((p) => [p.path, p.key])).toEqual([
      ['pages[0].questions[0].options[0].label', 'editor.problem.optionLabel'],
      ['pages[0].questions[1]', 'editor.problem.minMax'],
      ['pages[1].questions[0].text', 'editor.problem.questionText'],
      ['pages[1].questions[0].currency', 'editor.problem.currency'],
      ['pages[0].questions[1].visibleIf.conditions[0].source', 'editor.problem.logic'],
    ]);
    const t = await translator('zh-Hans');
    // Questions are numbered across pages, as the editor shows them.
    expect(problems.map((p) => placeOf(p.path, [[1, 2], [3]], t))).toEqual([
      '第 1 题',
      '第 2 题',
      '第 3 题',
      '第 3 题',
      '第 2 题',
    ]);
  });

  it('tell apart the whole-question checks: a contact asking for nothing, more choices allowed than options', () => {
    const def = unfinished();
    def.pages[1].questions.push(
      {
        id: 'ct',
        type: 'contact',
        text: { en: 'May we call?' },
        consent: { en: 'You may contact me' },
        name: false,
        email: false,
        phone: false,
      } as never,
      {
        id: 'mu',
        type: 'multiple',
        text: { en: 'Which?' },
        options: [
          { id: 'a', label: { en: 'A' } },
          { id: 'b', label: { en: 'B' } },
        ],
        max: 3,
      } as never,
    );
    const keys = findProblems(v.parse(DraftDefinitionSchema, def))
      .filter((p) => /^pages\[1\]\.questions\[[12]\]$/.test(p.path))
      .map((p) => [p.path, p.key]);
    expect(keys).toEqual([
      ['pages[1].questions[1]', 'editor.problem.contactFields'],
      ['pages[1].questions[2]', 'editor.problem.maxOptions'],
    ]);
  });

  it('refuse what no form produces: a wrong type, an oversized text, an id that is not an id', () => {
    const wrongType = { ...unfinished(), title: 5 };
    const long = unfinished();
    long.pages[0].questions[0].text = { en: 'x'.repeat(5001) };
    const badId = unfinished();
    badId.pages[0].questions[0].id = 'q1; drop';
    for (const def of [wrongType, long, badId]) expect(v.safeParse(DraftDefinitionSchema, def).success).toBe(false);
  });
});

// Every code, so the compiler names a code added to shared/api/errors.ts but missing here.
const EVERY_CODE: Record<ApiErrorCode, Record<string, unknown>> = {
  invalid: { field: 'definition.title', rule: 'type' },
  'invalid-json': {},
  'unsupported-media-type': {},
  'too-large': { limit: 1048576 },
  'rate-limited': {},
  'cross-origin': {},
  'not-found': { what: 'survey' },
  'not-built': {},
  'http-error': {},
  internal: {},
  unauthenticated: {},
  csrf: {},
  forbidden: {},
  'bad-credentials': {},
  'already-set-up': {},
  'email-taken': {},
  'invite-invalid': {},
  'last-admin': {},
  'self-delete': {},
  'account-locked': {},
  'wrong-password': {},
  'reset-invalid': {},
  'no-mail': {},
  'mail-failed': {},
  'session-required': {},
  'response-finished': {},
  'slug-taken': { slug: 'spring' },
  'not-published': {},
  'already-published': {},
  'no-questions': {},
  'draft-has-problems': { problems: [{ path: 'title', rule: 'rule', message: 'x' }] },
  'confirm-changes': { missing: [] },
  'missing-translations': { missing: [] },
  'invalid-import': { detail: 'line 3' },
  'demo-exists': {},
  'no-plan': {},
  'one-off': {},
  'survey-closed': {},
  'survey-paused': {},
  'survey-draft': {},
  'survey-not-yet-open': {},
  'survey-full': {},
  'survey-not-open': {},
  'invalid-answers': {},
  'not-a-test': {},
  'invitation-used': {},
  'invitation-unknown': {},
  'invalid-contacts': { line: 4 },
  'invalid-bounces': { line: 7 },
  'no-smtp': {},
  'mail-busy': {},
  'nobody-to-mail': {},
  'webhook-address': { reason: 'internal', host: '127.0.0.1' },
  'mixed-currency': {},
  'erased-customer': {},
  'nothing-to-undo': {},
  'frame-in-use': {},
};

describe('errors the app shows', () => {
  it("are worded in each interface language from the code, never as the server's English", async () => {
    const english = await translator('en');
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const t = await translator(locale);
      for (const [code, params] of Object.entries(EVERY_CODE)) {
        const err = new ApiError(400, code, "the server's English message", undefined, undefined, params);
        const text = errorText(t, err);
        expect(text, `${locale} ${code}`).not.toContain("the server's English message");
        expect(text, `${locale} ${code}`).not.toMatch(/\b(errors|editor|common)\.[a-z]/);
        expect(text, `${locale} ${code}`).not.toBe(errorText(english, err));
      }
    }
  });

  it("say a refused webhook address in the user's terms, naming the host and not the setting", async () => {
    const err = new ApiError(
      400,
      'webhook-address',
      'url: 127.0.0.1 is a loopback address; set WEBHOOK_ALLOW_PRIVATE=1 to allow it',
      'url',
      undefined,
      { reason: 'internal', host: '127.0.0.1' },
    );
    const zh = errorText(await translator('zh-Hans'), err);
    expect(zh).toBe(
      '127.0.0.1 位于您自己的网络内（本机或私有地址）。Webhook 只能发送到互联网上的地址；管理员可以允许发送到内网地址。',
    );
    expect(zh).not.toContain('WEBHOOK_ALLOW_PRIVATE');
  });

  it('word a value of the wrong type by its rule, not Valibot\'s "Invalid type: Expected Object"', async () => {
    const err = new ApiError(
      400,
      'invalid',
      'definition.title: Invalid type: Expected Object but received 5',
      'definition.title',
      undefined,
      { field: 'definition.title', rule: 'type' },
    );
    expect(errorText(await translator('zh-Hant'), err)).toBe('有一個值未被接受：問卷標題 值的類型不正確。');
    // The same fault in an imported file of our own format ("content: title: Invalid type: Expected Object but received 5").
    const imported = new ApiError(
      400,
      'invalid-import',
      'content: title: Invalid type: Expected Object but received 5',
      'content',
      undefined,
      { detail: 'title: Invalid type: Expected Object but received 5', field: 'title', rule: 'type' },
    );
    expect(errorText(await translator('zh-Hans'), imported)).toBe('无法导入此文件：问卷中的 问卷标题 值的类型不正确。');
    expect(
      errorText(
        await translator('it'),
        new ApiError(400, 'invalid', 'x', 'slug', undefined, { field: 'slug', rule: 'too-long', limit: 64 }),
      ),
    ).toBe('Un valore non è stato accettato: slug ammette al massimo 64.');
  });

  it('name a setting the editor does not show by what it is, not by its API path, in every language', async () => {
    // An imported or API-written draft: a short text allowing 20,000 characters, a rating up to 12.
    const def = {
      title: { en: 'Visit' },
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'q1', type: 'text', text: { en: 'Why?' }, multiline: true, maxLength: 20_000 },
            { id: 'q2', type: 'rating', text: { en: 'How good?' }, scale: { min: 1, max: 12 } },
          ],
        },
      ],
    };
    const problems = findProblems(def as never);
    expect(problems.map((p) => [p.path, p.key])).toEqual([
      ['pages[0].questions[0].maxLength', 'editor.problem.other'],
      ['pages[0].questions[1].scale.max', 'editor.problem.other'],
    ]);
    const en = await translator('en');
    expect(problems.map((p) => `${placeOf(p.path, [[1, 2]], en)}: ${problemWords(en, p)}`)).toEqual([
      'Question 1: the longest answer allowed must be at most 10,000.',
      "Question 2: the scale's highest point must be at most 11.",
    ]);
    expect(problemWords(await translator('zh-Hans'), problems[1])).toBe('量表的最高分不能大于 11。');
    for (const locale of LOCALES) {
      const t = await translator(locale);
      for (const p of problems) expect(problemWords(t, p)).not.toMatch(/maxLength|scale\.max|pages\[/);
    }
    // The server's refusal of the same field names the question by its page and place.
    const refused = new ApiError(400, 'invalid', 'x', 'definition.pages[0].questions[1].scale.max', undefined, {
      field: 'definition.pages[0].questions[1].scale.max',
      rule: 'too-large',
      limit: 11,
    });
    expect(errorText(await translator('it'), refused)).toBe(
      'Un valore non è stato accettato: Pagina 1, domanda 2, il punto più alto della scala deve essere al massimo 11.',
    );
  });

  it('say a broken file of our own format as the builder says the problem, at its question', async () => {
    const detail = 'pages[0].questions[0].prices: prices must be strictly increasing';
    const err = new ApiError(400, 'invalid-import', `content: ${detail}`, 'content', undefined, {
      detail,
      field: 'pages[0].questions[0].prices',
      rule: 'rule',
    });
    expect(importFault(await translator('vi'), err)).toBe(
      'Không nhập được tệp này. Câu 1: Các mức giá phải tăng dần và có ít nhất 2 mức.',
    );
    // A SurveyJS or LimeSurvey file's fault names no field of ours: the general wording takes it.
    expect(
      importFault(
        await translator('vi'),
        new ApiError(400, 'invalid-import', 'x', 'content', undefined, { detail: 'not XML' }),
      ),
    ).toBeNull();
  });

  it('say a whole-question fault of an imported file of our own format by what it breaks', async () => {
    const file = {
      title: { en: 'x' },
      defaultLanguage: 'en',
      languages: ['en'],
      pages: [
        {
          id: 'p1',
          questions: [
            {
              id: 'c',
              type: 'contact',
              text: { en: 'Your details' },
              consent: { en: 'You may call me' },
              name: false,
              email: false,
            },
          ],
        },
      ],
    };
    let refused: ImportError | null = null;
    try {
      importSurvey(JSON.stringify(file));
    } catch (err) {
      refused = err as ImportError;
    }
    expect(refused).toBeInstanceOf(ImportError);
    const params = refused!.note.params!;
    const err = new ApiError(400, 'invalid-import', refused!.message, 'content', undefined, {
      detail: String(params.check),
      field: String(params.field),
      rule: params.rule as never,
    });
    expect(importFault(await translator('en'), err)).toBe(
      'This file could not be imported. Question 1: Ask for at least one of name, e-mail address or phone number.',
    );
  });

  it('fall back to a general message for a code the app does not know, and to the network message offline', async () => {
    const t = await translator('vi');
    expect(errorText(t, new ApiError(418, 'teapot', 'short and stout'))).toBe(t('common.error'));
    expect(errorText(t, new ApiError(0, 'network', 'fetch failed'))).toBe(t('errors.network'));
  });
});
