/**
 * The languages a survey's content is written in: any BCP 47 tag (fr, de-CH, ar, he, et…), not
 * only the five the interface speaks. The respondent page's own words (Next, Back, errors) come
 * in the survey language where the product has them, else in English; right-to-left scripts are
 * laid out right to left. Intl only (no Valibot: the respondent page imports it), so the server,
 * the app and the respondent page share it; the schema is SurveyLanguageSchema in schema-parts.ts.
 */
import { LOCALE_NAMES, isLocale, matchLocale, type Locale } from '../i18n/locales';

/** A survey language: a BCP 47 tag in Intl's canonical spelling. */
export type SurveyLanguage = string;

/** The tag in Intl's canonical spelling (`fr_ca` → `fr-CA`), or null when it is no language tag. */
export function canonicalTag(raw: string): SurveyLanguage | null {
  const tag = raw.trim().replace(/_/g, '-');
  if (!tag || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

// Scripts written right to left (Unicode's Bidi_Class R/AL scripts in present use).
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/** `rtl` for Arabic, Hebrew, Persian, Urdu… (from the tag's script, else its likely one), else `ltr`. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag);
    return RTL_SCRIPTS.has(locale.script ?? locale.maximize().script ?? '') ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The interface language the respondent page speaks for a survey language: its own where we have it, else English. */
export function interfaceLocale(tag: string): Locale {
  return matchLocale(tag) ?? 'en';
}

/** A language's name in that language (`fr` → "français"), for pickers a reader must recognise. */
export function languageName(tag: string, displayIn: string = tag): string {
  if (isLocale(tag) && displayIn === tag) return LOCALE_NAMES[tag];
  try {
    return new Intl.DisplayNames([displayIn, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
