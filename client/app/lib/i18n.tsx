/**
 * The app's language: one context holding the locale and its catalogue, so switching language
 * re-renders every text at once without a reload. Screens call `useI18n()` and read `t`, never
 * a catalogue directly, and format numbers and dates through the helpers here (Intl, per locale).
 */
import { createContext, createMemo, createSignal, useContext, type ParentProps } from 'solid-js';
import {
  createTranslator,
  formatDate,
  formatNumber,
  formatPercent,
  formatPoints,
  loadAppMessages,
  negotiateLocale,
  type AppKey,
  type AppMessages,
  type DateStyle,
  type Locale,
  type MessageParams,
} from '../../../shared/i18n';

export interface I18n {
  locale: () => Locale;
  t: (key: AppKey, params?: MessageParams) => string;
  /** Loads the catalogue first, so the page never shows a mix of two languages. */
  setLocale: (locale: Locale) => Promise<void>;
  num: (n: number, maxFractionDigits?: number) => string;
  pct: (share0to1: number, digits?: number) => string;
  points: (value: number, digits?: number) => string;
  date: (at: number | string, style?: DateStyle) => string;
}

const I18nContext = createContext<I18n>();

/** The profile's language, else the browser's first supported one, else English. */
export function preferredLocale(profileLocale: string | null | undefined): Locale {
  return negotiateLocale([...(profileLocale ? [profileLocale] : []), ...navigator.languages]);
}

export function applyDocumentLocale(locale: Locale) {
  // The lang attribute picks the CJK font (SC or TC glyphs) and line-breaking rules in CSS.
  document.documentElement.lang = locale;
}

export function I18nProvider(props: ParentProps<{ locale: Locale; messages: AppMessages }>) {
  // Captured once: later changes come through setLocale, not through the boot props.
  const [current, setCurrent] = createSignal({ locale: props.locale, messages: props.messages });
  const translator = createMemo(() => createTranslator(current().locale, current().messages));
  const locale = () => current().locale;
  let pending: Locale | null = null;

  const i18n: I18n = {
    locale,
    t: (key, params) => translator()(key, params),
    async setLocale(next) {
      pending = next;
      const messages = await loadAppMessages(next);
      // A quicker second click must win over a slower first one.
      if (pending !== next) return;
      applyDocumentLocale(next);
      setCurrent({ locale: next, messages });
    },
    num: (n, digits) => formatNumber(locale(), n, digits),
    pct: (share, digits) => formatPercent(locale(), share, digits),
    points: (value, digits) => formatPoints(locale(), value, digits),
    date: (at, style) => formatDate(locale(), at, style),
  };
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
