import { LOCALES, matchLocale } from '../i18n/locales';
import { canonicalTag } from './survey-language';

/**
 * The first tag (the link's `?lang=`, then the browser's preferences) naming a language the survey
 * is written in, else the survey's default. A tag matches the same tag, the same interface
 * language (zh-TW reads zh-Hant), or its own language without region (fr-CA reads fr). A tag the
 * survey lacks is otherwise skipped rather than taken as a near match: the respondent listed the
 * next language they read after it.
 */
export function chooseLanguage<L extends string>(
  tags: readonly (string | null | undefined)[],
  available: readonly L[] = LOCALES as readonly string[] as readonly L[],
  fallback: L = 'en' as L,
): L {
  const lower = available.map((l) => l.toLowerCase());
  for (const tag of tags) {
    if (!tag) continue;
    const canonical = canonicalTag(tag);
    if (!canonical) continue;
    const exact = lower.indexOf(canonical.toLowerCase());
    if (exact >= 0) return available[exact];
    const match = matchLocale(canonical);
    if (match && available.includes(match as L)) return match as L;
    const language = canonical.split('-')[0].toLowerCase();
    const bare = lower.indexOf(language);
    if (bare >= 0) return available[bare];
  }
  return fallback;
}
