import type { Locale } from '../../../shared/i18n';

/**
 * A survey text or code label in the reader's language: the exact tag, then a tag of the same
 * language (zh-Hans for zh), then the survey's default, then any.
 */
export function textIn(text: Record<string, string>, locale: Locale, fallback: string): string {
  const base = locale.split('-')[0];
  return (
    text[locale] ??
    Object.entries(text).find(([tag]) => tag.split('-')[0] === base)?.[1] ??
    text[fallback] ??
    Object.values(text)[0] ??
    ''
  );
}

/** A language tag's name in the reader's language ("Vietnamese", "越南语"), the tag itself if unknown. */
export function languageName(tag: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
