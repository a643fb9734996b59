/**
 * The page's language, as signals: every `t()` and `text()` in JSX re-renders when the respondent
 * picks another language, without threading a translator through every component's props.
 * The survey's language may be any tag (fr, ar…); the page's own words come in the interface
 * language it maps to, English for one we lack.
 */
import { createSignal } from 'solid-js';
import {
  createTranslator,
  loadRespondentMessages,
  type MessageParams,
  type RespondentKey,
  type Translate,
} from '../../shared/i18n';
import type { Text } from '../../shared/survey/schema';
import { interfaceLocale, textDirection } from '../../shared/survey/survey-language';
import { pickText } from '../../shared/survey/text';

const [locale, setLocale] = createSignal<string>('en');
const [translate, setTranslate] = createSignal<Translate<RespondentKey>>((key) => key);
let surveyDefault = 'en';

/** The survey language the page shows (any tag): texts, number formats and `lang` follow it. */
export { locale };

export const t = (key: RespondentKey, params?: MessageParams): string => translate()(key, params);

/** A survey text in the page's language, else the survey's default language, else any it has. */
export const text = (value: Text | undefined): string => pickText(value, locale(), surveyDefault);

/** Loads the interface messages, then switches everything at once so no screen mixes languages. */
export async function loadLanguage(next: string, defaultLanguage: string = next): Promise<void> {
  const ui = interfaceLocale(next);
  const messages = await loadRespondentMessages(ui);
  surveyDefault = defaultLanguage;
  setTranslate(() => createTranslator(ui, messages));
  setLocale(next);
  document.documentElement.lang = next;
  document.documentElement.dir = textDirection(next);
}
