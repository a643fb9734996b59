import { createSignal, For, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../shared/i18n';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import { importTranslations, missingTexts, translationsCsv } from '../../../shared/survey/translations';
import { useI18n } from '../lib/i18n';

/**
 * The survey's languages, how many texts each still lacks, and the CSV round trip for translators
 * (shared/survey/translations.ts): a file's unusable rows are listed, the usable ones applied.
 */
export default function Languages(props: {
  definition: SurveyDefinition;
  fileName: string;
  onLanguages: (languages: Locale[]) => void;
  onImport: (def: SurveyDefinition) => void;
}) {
  const { t } = useI18n();
  const [report, setReport] = createSignal<{ applied: number; problems: { line: number; message: string }[] } | null>(null);
  let input!: HTMLInputElement;
  const on = (l: Locale) => props.definition.languages.includes(l);
  const toggle = (l: Locale, checked: boolean) =>
    props.onLanguages(LOCALES.filter((x) => (x === l ? checked : on(x))));

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
        <For each={LOCALES}>
          {(l) => (
            <label class="check">
              <input type="checkbox" checked={on(l)} disabled={l === props.definition.defaultLanguage} onChange={(e) => toggle(l, e.currentTarget.checked)} />
              <span lang={l}>{LOCALE_NAMES[l]}</span>
              <Show when={on(l) && l !== props.definition.defaultLanguage && missingTexts(props.definition, l).length}>
                {(n) => <span class="badge" data-testid={`missing-${l}`}>{t('editor.missingTexts', { count: n() })}</span>}
              </Show>
            </label>
          )}
        </For>
      </div>
      <Show when={props.definition.languages.length > 1}>
        <div class="json-transfer">
          <button type="button" class="btn btn-small btn-quiet" onClick={download} data-testid="export-translations">{t('editor.exportTranslations')}</button>
          <button type="button" class="btn btn-small btn-quiet" onClick={() => input.click()}>{t('editor.importTranslations')}</button>
          <input
            ref={input} type="file" accept=".csv,text/csv" hidden data-testid="import-translations"
            onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void read(f); }}
          />
        </div>
      </Show>
      <Show when={report()}>
        {(r) => (
          <div role="status" data-testid="translation-report">
            <p class="field-hint">{t('editor.translationsApplied', { count: r().applied })}</p>
            <ul class="field-error">
              <For each={r().problems}>{(p) => <li>{t('editor.translationProblem', { line: p.line, message: p.message })}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
    </fieldset>
  );
}
