/**
 * The language an open answer is read in: its base language, except that Chinese is told apart by
 * script (zh, zh-CN → zh-Hans; zh-TW, zh-HK → zh-Hant), because stop words and phrases differ.
 * An unreadable tag reads as 'und', which has no stop words.
 */
export function textLanguage(tag: string): string {
  let language = known.get(tag);
  if (language === undefined) {
    language = parse(tag);
    // Tags come from a short list (a survey's languages); the bound keeps hostile input from growing it.
    if (known.size < 1000) known.set(tag, language);
  }
  return language;
}

const known = new Map<string, string>();

function parse(tag: string): string {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim().replace(/_/g, '-'));
  } catch {
    return 'und';
  }
  if (locale.language !== 'zh') return locale.language;
  return locale.maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
}

/** Languages written without spaces between words: a phrase is its words joined with nothing between. */
export function joinsWithoutSpace(lang: string): boolean {
  return lang === 'zh-Hans' || lang === 'zh-Hant' || lang === 'ja' || lang === 'th';
}
