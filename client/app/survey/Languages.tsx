import { createSignal, For, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { LOCALES } from '../../../shared/i18n';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import {
  canonicalTag,
  interfaceLocale,
  languageName,
  textDirection,
  type SurveyLanguage,
} from '../../../shared/survey/survey-language';
import { importTranslations, missingTexts, translationsCsv } from '../../../shared/survey/translations';
import { useI18n } from '../lib/i18n';

/**
 * The survey's languages, how many texts each still lacks, and the CSV round trip for translators
 * (shared/survey/translations.ts): a file's unusable rows are listed, the usable ones applied.
 * Any language can be added by its BCP 47 tag (fr, de-CH, ar); its name comes from Intl.
 */
export default function Languages(props: {
  definition: SurveyDefinition;
  fileName: string;
  onLanguages: (languages: SurveyLanguage[]) => void;
  /** Makes a survey language the one texts are edited in and fall back to. */
  onDefault: (language: SurveyLanguage) => void;
  onImport: (def: SurveyDefinition) => void;
}) {
  const { t, locale } = useI18n();
  const [report, setReport] = createSignal<{ applied: number; problems: { line: number; message: string }[] } | null>(
    null,
  );
  const [added, setAdded] = createSignal<SurveyLanguage[]>([]);
  const [typed, setTyped] = createSignal('');
  let input!: HTMLInputElement;
  // The interface languages first, then every other one the survey has or the researcher added.
  const shown = () => [...new Set<SurveyLanguage>([...LOCALES, ...props.definition.languages, ...added()])];
  const on = (l: SurveyLanguage) => props.definition.languages.includes(l);
  const toggle = (l: SurveyLanguage, checked: boolean) =>
    props.onLanguages(shown().filter((x) => (x === l ? checked : on(x))));
  const tag = () => canonicalTag(typed());
  const add = () => {
    const l = tag();
    if (!l) return;
    const same = shown().find((x) => x.toLowerCase() === l.toLowerCase()) ?? l;
    setAdded((a) => (a.includes(same) ? a : [...a, same]));
    if (!on(same)) props.onLanguages([...props.definition.languages, same]);
    setTyped('');
  };

  const download = () => {
    // A byte-order mark lets spreadsheet programs read the file as UTF-8 (Chinese, Vietnamese).
    const blob = new Blob(['\ufeff', translationsCsv(props.definition)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${props.fileName}-translations.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const read = async (file: File) => {
    const r = importTranslations(unwrap(props.definition), (await file.text()).replace(/^\ufeff/, ''));
    setReport({ applied: r.applied, problems: r.problems });
    if (r.applied > 0) props.onImport(r.definition);
  };

  return (
    <fieldset class="languages" data-testid="languages">
      <legend class="field-label">{t('editor.languages')}</legend>
      <div class="language-list">
        <For each={shown()}>
          {(l) => (
            <label class="check">
              <input
                type="checkbox"
                checked={on(l)}
                disabled={l === props.definition.defaultLanguage}
                onChange={(e) => toggle(l, e.currentTarget.checked)}
              />
              <span lang={l} dir={textDirection(l)}>
                {languageName(l)}
              </span>
              <Show when={on(l) && l !== props.definition.defaultLanguage}>
                <button
                  type="button"
                  class="btn btn-small btn-quiet"
                  onClick={(e) => {
                    e.preventDefault();
                    props.onDefault(l);
                  }}
                  data-testid={`make-default-${l}`}
                >
                  {t('languages.makeDefault')}
                </button>
              </Show>
              <Show when={on(l) && interfaceLocale(l) === 'en' && !l.startsWith('en')}>
                <span class="field-hint" data-testid={`english-ui-${l}`}>
                  {t('languages.englishInterface')}
                </span>
              </Show>
              <Show when={on(l) && l !== props.definition.defaultLanguage && missingTexts(props.definition, l).length}>
                {(n) => (
                  <span class="badge" data-testid={`missing-${l}`}>
                    {t('editor.missingTexts', { count: n() })}
                  </span>
                )}
              </Show>
            </label>
          )}
        </For>
      </div>
      <div class="json-transfer">
        <label class="field-label" for="add-language">
          {t('languages.add')}
        </label>
        <input
          id="add-language"
          class="input"
          style={{ width: '10em' }}
          value={typed()}
          placeholder="fr, de-CH, ar"
          aria-describedby="add-language-hint"
          aria-invalid={typed().trim() && !tag() ? 'true' : undefined}
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-testid="add-language"
        />
        <button type="button" class="btn btn-small" disabled={!tag()} onClick={add} data-testid="add-language-button">
          {t('languages.addButton')}
        </button>
        <span id="add-language-hint" class="field-hint" role="status" data-testid="add-language-name">
          {typed().trim() ? (tag() ? languageName(tag()!, locale()) : t('languages.notATag')) : t('languages.hint')}
        </span>
      </div>
      <Show when={props.definition.languages.length > 1}>
        <div class="json-transfer">
          <button type="button" class="btn btn-small btn-quiet" onClick={download} data-testid="export-translations">
            {t('editor.exportTranslations')}
          </button>
          <button type="button" class="btn btn-small btn-quiet" onClick={() => input.click()}>
            {t('editor.importTranslations')}
          </button>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            hidden
            data-testid="import-translations"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void read(f);
            }}
          />
        </div>
      </Show>
      <Show when={report()}>
        {(r) => (
          <div role="status" data-testid="translation-report">
            <p class="field-hint">{t('editor.translationsApplied', { count: r().applied })}</p>
            <ul class="field-error">
              <For each={r().problems}>
                {(p) => <li>{t('editor.translationProblem', { line: p.line, message: p.message })}</li>}
              </For>
            </ul>
          </div>
        )}
      </Show>
    </fieldset>
  );
}
