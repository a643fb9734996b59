import { LOCALES, matchLocale, type Locale } from '../i18n/locales';

/**
 * The first tag (the link's `?lang=`, then the browser's preferences) naming a language the survey
 * is written in, else the survey's default. A tag the survey lacks is skipped rather than taken as
 * a near match: the respondent listed the next language they read after it.
 */
export function chooseLanguage(
  tags: readonly (string | null | undefined)[],
  available: readonly Locale[] = LOCALES,
  fallback: Locale = 'en',
): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const match = matchLocale(tag);
    if (match && available.includes(match)) return match;
  }
  return fallback;
}
