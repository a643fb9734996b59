import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SurveyLanguageSchema } from '../../../shared/survey/schema';
import { canonicalTag, interfaceLocale, languageName, textDirection } from '../../../shared/survey/survey-language';
import { fixedLabel } from '../../../shared/survey/import/fixed-labels';

describe('survey languages', () => {
  it('accepts any BCP 47 tag in its canonical spelling, and names the fix for another spelling', () => {
    for (const tag of ['fr', 'et', 'de-CH', 'ar', 'he', 'zh-Hant', 'pt-BR', 'de-informal'])
      expect(v.is(SurveyLanguageSchema, tag), tag).toBe(true);
    for (const tag of ['fr_CA', 'FR', 'zh-hant', 'not a tag', ''])
      expect(v.is(SurveyLanguageSchema, tag), tag).toBe(false);
    expect(canonicalTag('fr_ca')).toBe('fr-CA');
    expect(canonicalTag('ZH-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalTag('x!')).toBeNull();
  });
  it('lays out Arabic, Hebrew, Persian and Urdu right to left, from the tag or its likely script', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG', 'yi'].map(textDirection)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
    ]);
    expect(['en', 'fr', 'zh-Hant', 'az-Latn', 'et'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    // Azerbaijani written in Arabic script, as in Iran, runs right to left.
    expect(textDirection('az-Arab')).toBe('rtl');
  });
  it("speaks the page's own words in the interface language a tag maps to, English otherwise", () => {
    expect(['it-CH', 'zh-TW', 'vi', 'fr', 'ar'].map(interfaceLocale)).toEqual(['it', 'zh-Hant', 'vi', 'en', 'en']);
  });
  it("names a language in itself, or in the reader's language", () => {
    expect(languageName('fr')).toBe('français');
    expect(languageName('zh-Hans')).toBe('简体中文');
    expect(languageName('et', 'en')).toBe('Estonian');
  });
  it('has Yes/No and Gender words for the languages it knows, English standing in for the others', () => {
    expect(fixedLabel('yes', ['fr', 'zh-TW', 'et'])).toEqual({ fr: 'Oui', 'zh-TW': '是', et: 'Jah' });
    expect(fixedLabel('male', ['he', 'xx'])).toEqual({ he: 'זכר' });
    expect(fixedLabel('no', ['xx'])).toEqual({ xx: 'No' });
  });
});
