import type { Text } from './schema';

/** The text in `lang`, else the survey's default language, else any language that has one. */
export function pickText(text: Text | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  const t = text as Record<string, string | undefined>;
  return t[lang]?.trim()
    ? t[lang]!
    : t[fallback]?.trim()
      ? t[fallback]!
      : (Object.values(t).find((s) => s?.trim()) ?? '');
}
