/**
 * The page's language, as signals: every `t()` and `text()` in JSX re-renders when the respondent
 * picks another language, without threading a translator through every component's props.
 */
import { createSignal } from 'solid-js';
import { createTranslator, loadRespondentMessages, type Locale, type MessageParams, type RespondentKey, type Translate } from '../../shared/i18n';
import type { Text } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';

const [locale, setLocale] = createSignal<Locale>('en');
const [translate, setTranslate] = createSignal<Translate<RespondentKey>>((key) => key);
let surveyDefault: Locale = 'en';

export { locale };

export const t = (key: RespondentKey, params?: MessageParams): string => translate()(key, params);

/** A survey text in the page's language, else the survey's default language, else any it has. */
export const text = (value: Text | undefined): string => pickText(value, locale(), surveyDefault);

/** Loads the interface messages, then switches everything at once so no screen mixes languages. */
export async function loadLanguage(next: Locale, defaultLanguage: Locale = next): Promise<void> {
  const messages = await loadRespondentMessages(next);
  surveyDefault = defaultLanguage;
  setTranslate(() => createTranslator(next, messages));
  setLocale(next);
  document.documentElement.lang = next;
}
