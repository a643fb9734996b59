/**
 * A tiny typed translator: `{name}` interpolation and CLDR plural forms, nothing else. Screens get
 * `t(key, params)`; keys are the en catalogue's keys, so a typo is a compile error.
 */
import { formatNumber } from './format';
import type { Locale } from './locales';

export type PluralCategory = Intl.LDMLPluralRule;

/**
 * Plural forms chosen by `params.count` through `Intl.PluralRules(locale)`. Give exactly the
 * categories the language has (en: one, other; it: one, many, other; vi and Chinese: other); the
 * catalogue test checks that. `other` is the fallback for any category left out.
 */
export type PluralMessage = { [C in Exclude<PluralCategory, 'other'>]?: string } & { other: string };
export type Message = string | PluralMessage;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;
const own = (o: object, k: string) => Object.hasOwn(o, k);

/** The placeholder names of a message, across all its plural forms. */
export function placeholders(message: Message): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]);
  return names;
}

/**
 * Makes `t` for one locale's catalogue. Number params are formatted for the locale ("1.234" in
 * it); pass a string to show a value as is (an id, a preformatted percentage or date).
 * `t` never throws: a screen with a missing param must still render, so an unknown key comes back
 * as the key and a missing param leaves its `{name}` visible, where a tester will see it.
 * @example
 * const t = createTranslator('it', await loadRespondentMessages('it'));
 * t('progress.page', { page: 2, total: 5 })        // "Pagina 2 di 5"
 * t('validation.summary', { count: 3 })            // "Controlla 3 risposte"
 */
export function createTranslator<K extends string>(
  locale: Locale,
  messages: Readonly<Record<K, Message>>,
): Translate<K> {
  const rules = new Intl.PluralRules(locale);
  return (key, params) => {
    if (!own(messages, key)) return key;
    const message: Message = messages[key];
    let text: string;
    if (typeof message === 'string') {
      text = message;
    } else {
      const count = Number(params?.count);
      const category = Number.isFinite(count) ? rules.select(count) : 'other';
      text = message[category] ?? message.other;
    }
    if (!params) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      if (!own(params, name)) return whole;
      const value = params[name];
      return typeof value === 'number' ? formatNumber(locale, value) : value;
    });
  };
}
