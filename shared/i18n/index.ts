/**
 * The i18n layer of the app, the respondent page and the server.
 *
 * Catalogues are loaded per language with dynamic `import()`, for both namespaces: Vite turns
 * each language into its own chunk, so a respondent on a slow phone downloads one language, and
 * the app catalogue (which grows with every screen, report interpretations included) never weighs
 * on the first load. Nothing here imports a catalogue statically; the key types come in through
 * `import type`, which leaves no trace in a bundle.
 *
 * @example
 * const locale = negotiateLocale([user.locale ?? '', ...navigator.languages]);
 * const t = createTranslator(locale, await loadAppMessages(locale));
 * t('surveys.responses', { count: 1234 }) // "1,234 responses"
 */
import type appEn from './app/en';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';
import type respondentEn from './respondent/en';
import type { Message } from './translate';

export {
  DEFAULT_LOCALE,
  LOCALES,
  LOCALE_NAMES,
  isLocale,
  matchLocale,
  negotiateLocale,
  parseAcceptLanguage,
  type Locale,
} from './locales';
export {
  createTranslator,
  placeholders,
  type Message,
  type MessageParams,
  type PluralCategory,
  type PluralMessage,
  type Translate,
} from './translate';
export {
  currencyDigits,
  defaultCurrency,
  formatCurrency,
  formatDate,
  formatMoneyEstimate,
  formatNumber,
  formatPercent,
  formatPoints,
  type DateStyle,
} from './format';

export type RespondentKey = keyof typeof respondentEn;
export type AppKey = keyof typeof appEn;
export type RespondentMessages = Readonly<Record<RespondentKey, Message>>;
export type AppMessages = Readonly<Record<AppKey, Message>>;

type Loaders<M> = Record<Locale, () => Promise<{ default: M }>>;

// Literal import() paths, one per language: Vite can only split chunks it can see.
const respondentLoaders: Loaders<RespondentMessages> = {
  en: () => import('./respondent/en'),
  'zh-Hans': () => import('./respondent/zh-Hans'),
  'zh-Hant': () => import('./respondent/zh-Hant'),
  it: () => import('./respondent/it'),
  vi: () => import('./respondent/vi'),
};

const appLoaders: Loaders<AppMessages> = {
  en: () => import('./app/en'),
  'zh-Hans': () => import('./app/zh-Hans'),
  'zh-Hant': () => import('./app/zh-Hant'),
  it: () => import('./app/it'),
  vi: () => import('./app/vi'),
};

// A locale read from a URL or a stored profile is typed but not trusted: fall back, don't crash.
const pick = <M>(loaders: Loaders<M>, locale: Locale) => loaders[isLocale(locale) ? locale : DEFAULT_LOCALE]();

/** The respondent page's messages in one language, as its own chunk. */
export async function loadRespondentMessages(locale: Locale): Promise<RespondentMessages> {
  return (await pick(respondentLoaders, locale)).default;
}

/** The researcher/manager app's messages in one language, as its own chunk. */
export async function loadAppMessages(locale: Locale): Promise<AppMessages> {
  return (await pick(appLoaders, locale)).default;
}
