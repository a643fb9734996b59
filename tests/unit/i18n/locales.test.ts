import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALE_NAMES, isLocale, negotiateLocale, parseAcceptLanguage } from '../../../shared/i18n';

describe('isLocale', () => {
  it('accepts exactly the interface languages', () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(['EN', 'zh', 'zh-CN', 'fr', '', null, 3].some(isLocale)).toBe(false);
  });
});

describe('LOCALE_NAMES', () => {
  it('names each language in itself', () => {
    expect(LOCALE_NAMES).toEqual({
      en: 'English',
      'zh-Hans': '简体中文',
      'zh-Hant': '繁體中文',
      it: 'Italiano',
      vi: 'Tiếng Việt',
    });
  });
});

describe('negotiateLocale', () => {
  it.each([
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['it-IT', 'it'],
    ['it-CH', 'it'],
    ['vi-VN', 'vi'],
    ['en-GB', 'en'],
    ['ZH-hant', 'zh-Hant'],
  ])('maps %s to %s', (tag, expected) => {
    expect(negotiateLocale([tag])).toBe(expected);
  });

  it('takes the first supported preference', () => {
    expect(negotiateLocale(['fr-FR', 'de', 'vi', 'en'])).toBe('vi');
  });

  it('falls back when nothing is supported or a tag is malformed', () => {
    expect(negotiateLocale(['fr'])).toBe('en');
    expect(negotiateLocale(['*', 'x_'], 'it')).toBe('it');
    expect(negotiateLocale([])).toBe('en');
  });
});

describe('parseAcceptLanguage', () => {
  it('orders tags by q, keeping header order on ties', () => {
    expect(parseAcceptLanguage('en;q=0.5, vi, zh-TW;q=0.8, it')).toEqual(['vi', 'it', 'zh-TW', 'en']);
  });

  it('reads a typical Italian browser header as Italian', () => {
    expect(negotiateLocale(parseAcceptLanguage('it-IT,it;q=0.9'))).toBe('it');
  });

  it('drops q=0 (not acceptable) and malformed q values', () => {
    expect(parseAcceptLanguage('en;q=0, it;q=abc, vi;q=1.5, zh;q=0.001')).toEqual(['zh']);
  });

  it('copes with an absent or empty header', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage(' , ;q=1')).toEqual([]);
  });
});
