/**
 * The interface languages and how a user's preferences map onto them. Used by the server (profile,
 * share links, Accept-Language), the app and the respondent page, so it must stay free of DOM and
 * Node APIs.
 */

/** Interface languages. Chinese is split by script, not region: that is what a reader can read. */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'it', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in its own name, for the language picker: a reader must recognise their own. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  it: 'Italiano',
  vi: 'Tiếng Việt',
};

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

/**
 * The supported locale a single BCP-47 tag asks for, or null. Chinese without a script is resolved
 * through CLDR likely subtags (`Intl.Locale#maximize`), so zh, zh-CN, zh-SG, zh-MY → zh-Hans and
 * zh-TW, zh-HK, zh-MO → zh-Hant; an explicit script (zh-Hant-CN) wins over the region.
 */
export function matchLocale(tag: string): Locale | null {
  let parsed: Intl.Locale;
  try {
    // Some clients send POSIX-style tags (zh_TW); Intl.Locale rejects those and '*'.
    parsed = new Intl.Locale(tag.trim().replace(/_/g, '-'));
  } catch {
    return null;
  }
  switch (parsed.language) {
    case 'en':
    case 'it':
    case 'vi':
      return parsed.language;
    case 'zh': {
      const script = parsed.script ?? parsed.maximize().script;
      return script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
    }
    default:
      return null;
  }
}

/**
 * The first of the user's preferences (most wanted first) that we support, else `fallback`.
 * @example negotiateLocale(['fr-FR', 'zh-TW', 'en']) // 'zh-Hant'
 * @example negotiateLocale(parseAcceptLanguage(c.req.header('accept-language')))
 */
export function negotiateLocale(preferences: readonly string[], fallback: Locale = DEFAULT_LOCALE): Locale {
  for (const tag of preferences) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return fallback;
}

/**
 * The language tags of an Accept-Language header, most preferred first (RFC 9110 §12.5.4).
 * Entries with q=0 mean "not acceptable" and are dropped, as are malformed q values; ties keep
 * header order because Array#sort is stable.
 * @example parseAcceptLanguage('it-IT,it;q=0.9,en;q=0.8') // ['it-IT', 'it', 'en']
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number }[] = [];
  for (const part of header.split(',')) {
    const [rawTag, ...rawParams] = part.split(';');
    const tag = rawTag.trim();
    if (!tag) continue;
    let q = 1;
    for (const param of rawParams) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/i.exec(param);
      if (m) q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(m[1]) ? Number(m[1]) : 0;
    }
    if (q > 0) entries.push({ tag, q });
  }
  return entries.sort((a, b) => b.q - a.q).map((e) => e.tag);
}
