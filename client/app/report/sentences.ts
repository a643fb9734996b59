import type { Locale } from '../../../shared/i18n';

/**
 * Readings made of several sentences, joined as the language writes them: Chinese runs sentences
 * on after "。" with no space ("。 早餐" reads as a stray gap), the other languages with one.
 */
export function joinSentences(locale: Locale, parts: readonly string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.join(locale === 'zh-Hans' || locale === 'zh-Hant' ? '' : ' ');
}
