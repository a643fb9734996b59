import { describe, expect, it } from 'vitest';
import { readSurveyData } from '../../../client/respondent/data';
import { issueMessage } from '../../../client/respondent/issues';
import { chooseLanguage } from '../../../shared/survey/language';
import { addPageTime, buildSubmission } from '../../../client/respondent/payload';
import { hiddenFromUrl } from '../../../shared/survey/hidden';
import { seededShuffle } from '../../../shared/survey/shuffle';
import { freshProgress, loadProgress, newClientId, saveProgress } from '../../../client/respondent/storage';
import type { Question, SurveyDefinition } from '../../../shared/survey/schema';

const en = (s: string) => ({ en: s });

describe('chooseLanguage', () => {
  it('prefers the link, then the browser, then the survey default, within the survey languages', () => {
    expect(chooseLanguage(['it', 'en'], ['en', 'it'], 'en')).toBe('it');
    expect(chooseLanguage([null, 'zh-TW', 'it-IT'], ['en', 'it', 'zh-Hant'], 'en')).toBe('zh-Hant');
    expect(chooseLanguage(['fr', 'de'], ['en', 'vi'], 'vi')).toBe('vi');
    expect(chooseLanguage(['zh-CN', 'en'], ['en', 'zh-Hant'], 'zh-Hant')).toBe('en');
    expect(chooseLanguage(['not a tag!!', 'vi-VN'], ['en', 'vi'], 'en')).toBe('vi');
  });
  it('matches any survey language: the same tag, or its language without the region', () => {
    expect(chooseLanguage(['fr-CA', 'en'], ['ar', 'fr'], 'ar')).toBe('fr');
    expect(chooseLanguage(['he-IL'], ['en', 'he'], 'en')).toBe('he');
    expect(chooseLanguage(['de-AT', 'et'], ['en', 'et', 'de-CH'], 'en')).toBe('et');
  });
});

describe('storage', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    } as unknown as Storage;
  };

  it('makes ids the server accepts, different every time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newClientId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('round-trips progress and survives missing, broken or foreign records', () => {
    const storage = memory();
    const p = {
      ...freshProgress('abcdefgh12'),
      answers: { q1: 3 },
      page: 2,
      pageTimes: { a: 1200 },
      lang: 'it' as const,
    };
    saveProgress(storage, 'k', p);
    expect(loadProgress(storage, 'k')).toEqual(p);
    expect(loadProgress(storage, 'missing')).toBeNull();
    expect(loadProgress(null, 'k')).toBeNull();
    storage.setItem('bad', '{not json');
    expect(loadProgress(storage, 'bad')).toBeNull();
    storage.setItem('foreign', JSON.stringify({ clientId: 'x y', answers: {} }));
    expect(loadProgress(storage, 'foreign')).toBeNull();
    storage.setItem(
      'odd',
      JSON.stringify({
        clientId: 'abcdefgh12',
        page: -1,
        lang: 'not a language!',
        pageTimes: { a: 'x', b: 5 },
        outcome: 'weird',
      }),
    );
    expect(loadProgress(storage, 'odd')).toMatchObject({
      page: 0,
      lang: undefined,
      pageTimes: { b: 5 },
      outcome: undefined,
      answers: {},
    });
  });

  it('does not throw when storage refuses to write', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => saveProgress(full, 'k', freshProgress('abcdefgh12'))).not.toThrow();
  });
});

describe('payload', () => {
  const def = {
    title: en('T'),
    defaultLanguage: 'en',
    languages: ['en'],
    hiddenFields: ['tier', 'region'],
    screenOuts: [],
    pages: [
      {
        id: 'p1',
        questions: [
          { id: 'age', type: 'number', text: en('Age'), required: true, integer: true, min: 18, max: 99 },
          { id: 'note', type: 'text', text: en('Note'), required: false, multiline: false, maxLength: 5 },
        ],
      },
    ],
  } as unknown as SurveyDefinition;

  it('takes only declared hidden fields from the link, cut to the server limit', () => {
    const params = new URLSearchParams({ tier: 'gold', other: 'x', region: 'n'.repeat(600) });
    expect(hiddenFromUrl(params, def.hiddenFields)).toEqual({ tier: 'gold', region: 'n'.repeat(500) });
  });

  it('adds page times, capped at a day and never negative', () => {
    expect(addPageTime({ a: 1000 }, 'a', 500.4)).toEqual({ a: 1500 });
    expect(addPageTime({}, 'b', -20)).toEqual({ b: 0 });
    expect(addPageTime({ c: 86_000_000 }, 'c', 9_000_000)).toEqual({ c: 86_400_000 });
  });

  it('sends only answers the server will accept', () => {
    const progress = {
      ...freshProgress('abcdefgh12'),
      answers: { age: 'abc', note: 'far too long', gone: 1 } as never,
      page: 1,
    };
    const s = buildSubmission(def, 7, progress, { complete: false, lang: 'en', website: '' });
    expect(s).toMatchObject({
      clientId: 'abcdefgh12',
      versionId: 7,
      answers: {},
      complete: false,
      page: 1,
      lang: 'en',
      website: '',
    });
    const ok = buildSubmission(
      def,
      7,
      { ...progress, answers: { age: 30, note: 'hi' } },
      { complete: true, lang: 'en', website: 'bot' },
    );
    expect(ok).toMatchObject({ answers: { age: 30, note: 'hi' }, complete: true, website: 'bot' });
  });
});

describe('issueMessage', () => {
  const q = (type: string, extra = {}) =>
    ({ id: 'q', type, text: en('Q'), required: true, ...extra }) as unknown as Question;
  it('picks the message for the question type and passes its numbers', () => {
    expect(issueMessage(q('matrix'), { questionId: 'q', code: 'required', message: '' })).toEqual([
      'validation.requiredEveryRow',
    ]);
    expect(issueMessage(q('single'), { questionId: 'q', code: 'required', message: '' })).toEqual([
      'validation.required',
    ]);
    expect(issueMessage(q('multiple'), { questionId: 'q', code: 'too-many', message: '', params: { max: 2 } })).toEqual(
      ['validation.maxChoices', { count: 2 }],
    );
    expect(issueMessage(q('number'), { questionId: 'q', code: 'wrong-type', message: '' })).toEqual([
      'validation.number',
    ]);
    expect(
      issueMessage(q('number'), {
        questionId: 'q',
        code: 'out-of-range',
        message: '',
        params: { min: 1, max: Infinity },
      }),
    ).toEqual(['validation.numberMin', { min: 1 }]);
    expect(
      issueMessage(q('number'), {
        questionId: 'q',
        code: 'out-of-range',
        message: '',
        params: { min: -Infinity, max: 9 },
      }),
    ).toEqual(['validation.numberMax', { max: 9 }]);
    expect(
      issueMessage(q('number'), { questionId: 'q', code: 'out-of-range', message: '', params: { min: 1, max: 9 } }),
    ).toEqual(['validation.numberRange', { min: 1, max: 9 }]);
    expect(issueMessage(q('text'), { questionId: 'q', code: 'too-long', message: '', params: { max: 20 } })).toEqual([
      'validation.tooLong',
      { count: 20 },
    ]);
  });
});

describe('seededShuffle', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  it('is a permutation, stable per seed, different across seeds', () => {
    const one = seededShuffle(items, 'respondent-1q');
    expect([...one].sort()).toEqual(items);
    expect(seededShuffle(items, 'respondent-1q')).toEqual(one);
    const orders = new Set(Array.from({ length: 20 }, (_, i) => seededShuffle(items, `r${i}`).join('')));
    expect(orders.size).toBeGreaterThan(15);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});

describe('readSurveyData', () => {
  it('accepts an open survey and turns anything else into a friendly state', () => {
    const open = JSON.stringify({ slug: 's', status: 'open', versionId: 3, definition: { pages: [] } });
    expect(readSurveyData(open)).toMatchObject({ kind: 'open', survey: { slug: 's', versionId: 3 } });
    expect(readSurveyData(JSON.stringify({ slug: 's', status: 'paused', versionId: null, definition: null }))).toEqual({
      kind: 'paused',
    });
    expect(readSurveyData(JSON.stringify({ status: 'closed' }))).toEqual({ kind: 'closed' });
    expect(readSurveyData(JSON.stringify({ status: 'not-found' }))).toEqual({ kind: 'not-found' });
    expect(readSurveyData('{oops')).toEqual({ kind: 'not-found' });
    expect(readSurveyData(undefined)).toEqual({ kind: 'not-found' });
  });
});
