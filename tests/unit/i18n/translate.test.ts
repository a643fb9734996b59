import { describe, expect, it } from 'vitest';
import { createTranslator, loadRespondentMessages, placeholders, type Message } from '../../../shared/i18n';

const answers: Message = { one: '{count} answer', many: '{count} di risposte', other: '{count} answers' };

describe('createTranslator', () => {
  it('fills placeholders, formatting numbers for the locale', () => {
    const t = createTranslator('it', { 'progress.page': 'Pagina {page} di {total}', greet: 'Ciao {name}' });
    expect(t('progress.page', { page: 2, total: 1500 })).toBe('Pagina 2 di 1.500');
    expect(t('greet', { name: 'Anna' })).toBe('Ciao Anna');
  });

  it('picks en plural forms one and other', () => {
    const t = createTranslator('en', { n: { one: '{count} answer', other: '{count} answers' } });
    expect([0, 1, 2, 1.5].map((count) => t('n', { count }))).toEqual([
      '0 answers',
      '1 answer',
      '2 answers',
      '1.5 answers',
    ]);
  });

  it('picks Italian one, many (whole millions) and other', () => {
    const t = createTranslator('it', { n: answers });
    expect([1, 2, 1_000_000].map((count) => t('n', { count }))).toEqual([
      '1 answer',
      '2 answers',
      '1.000.000 di risposte',
    ]);
  });

  it.each(['vi', 'zh-Hans', 'zh-Hant'] as const)('uses only "other" in %s', (locale) => {
    expect(new Intl.PluralRules(locale).resolvedOptions().pluralCategories).toEqual(['other']);
    const t = createTranslator(locale, { n: answers });
    expect([0, 1, 2].map((count) => t('n', { count }))).toEqual(['0 answers', '1 answers', '2 answers']);
  });

  it('never throws: a missing param stays visible, an unknown key comes back as the key', () => {
    const t = createTranslator<string>('en', { p: 'Page {page} of {total}', n: answers });
    expect(t('p', { page: 1 })).toBe('Page 1 of {total}');
    expect(t('p')).toBe('Page {page} of {total}');
    expect(t('n')).toBe('{count} answers');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('toString')).toBe('toString');
  });

  it('shows string params as given', () => {
    const t = createTranslator('en', { v: 'Version {v}' });
    expect(t('v', { v: '2026' })).toBe('Version 2026');
  });

  it('types keys: a typo is a compile error', async () => {
    const t = createTranslator('vi', await loadRespondentMessages('vi'));
    // @ts-expect-error 'nav.nxt' is not a respondent key
    expect(t('nav.nxt')).toBe('nav.nxt');
    expect(t('validation.summary', { count: 3 })).toBe('Vui lòng kiểm tra 3 câu trả lời.');
  });
});

describe('placeholders', () => {
  it('collects names across plural forms', () => {
    expect([...placeholders({ one: 'one {item}', other: '{count} {item}s' })].sort()).toEqual(['count', 'item']);
    expect(placeholders('no placeholders').size).toBe(0);
  });
});

describe('loadRespondentMessages', () => {
  it('loads the language asked for', async () => {
    const t = createTranslator('zh-Hant', await loadRespondentMessages('zh-Hant'));
    expect(t('progress.page', { page: 1, total: 3 })).toBe('第 1 頁，共 3 頁');
  });
});
