import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { languageName, type SurveyLanguage } from '../../../shared/survey/survey-language';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import { surveyTexts } from '../../../shared/survey/translations';
import { useI18n } from '../lib/i18n';

type TextMap = Partial<Record<SurveyLanguage, string>>;

/**
 * Every translatable text of the survey side by side: the default language on the left (edited
 * in the builder, read-only here), the chosen language on the right, missing ones marked and
 * counted. The rows come from the same walk as the translators' CSV, so nothing is left out.
 */
export default function Translations(props: {
  definition: SurveyDefinition;
  onText: (path: string, lang: SurveyLanguage, value: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const others = () => props.definition.languages.filter((l) => l !== props.definition.defaultLanguage);
  const [chosen, setChosen] = createSignal<SurveyLanguage | null>(null);
  const target = () => (chosen() && others().includes(chosen()!) ? chosen()! : others()[0]);
  const [onlyMissing, setOnlyMissing] = createSignal(false);
  const rows = createMemo(
    () =>
      new Map(
        surveyTexts(props.definition).map(({ path, text }) => [
          path,
          { text: text as TextMap, where: describe(path, props.definition) },
        ]),
      ),
  );
  const missing = (text: TextMap) => !text[target()]?.trim();
  const missingCount = () => [...rows().values()].filter((r) => missing(r.text)).length;
  // Rows are keyed by path (a string), so typing, which rebuilds the texts, keeps each row's box and focus.
  // "Only missing" is applied when switched on, not per keystroke, so a row being filled stays.
  const [shownPaths, setShownPaths] = createSignal<string[] | null>(null);
  const paths = () => shownPaths() ?? [...rows().keys()];
  const filter = (on: boolean) => {
    setOnlyMissing(on);
    setShownPaths(on ? [...rows()].filter(([, r]) => missing(r.text)).map(([p]) => p) : null);
  };

  return (
    <section class="card translations" aria-labelledby={`${id}-title`} data-testid="translations">
      <div class="translations-head">
        <h2 id={`${id}-title`} class="translations-title">
          {t('editor.translate.title')}
        </h2>
        <Show when={others().length > 0} fallback={<p class="field-hint">{t('editor.translate.noLanguages')}</p>}>
          <label class="field-label" for={`${id}-lang`}>
            {t('editor.translate.language')}
          </label>
          <select
            id={`${id}-lang`}
            class="select select-small"
            value={target()}
            onChange={(e) => setChosen(e.currentTarget.value as SurveyLanguage)}
            data-testid="translate-language"
          >
            <For each={others()}>{(l) => <option value={l}>{languageName(l)}</option>}</For>
          </select>
          <span class="badge" classList={{ 'badge-paused': missingCount() > 0 }} data-testid="translate-missing">
            {t('editor.missingTexts', { count: missingCount() })}
          </span>
          <label class="check">
            <input type="checkbox" checked={onlyMissing()} onChange={(e) => filter(e.currentTarget.checked)} />
            <span>{t('editor.translate.onlyMissing')}</span>
          </label>
        </Show>
        <button
          type="button"
          class="btn btn-small btn-quiet"
          style={{ 'margin-left': 'auto' }}
          onClick={() => props.onClose()}
        >
          {t('common.close')}
        </button>
      </div>
      <Show when={others().length > 0}>
        <table class="translation-table">
          <thead>
            <tr>
              <th scope="col">{languageName(props.definition.defaultLanguage)}</th>
              <th scope="col" lang={target()}>
                {languageName(target())}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={paths().filter((p) => rows().has(p))}>
              {(path) => {
                const row = () => rows().get(path)!;
                return (
                  <tr classList={{ 'is-missing': missing(row().text) }} data-testid="translation-row" data-path={path}>
                    <td>
                      <span class="where">{row().where}</span>
                      <span lang={props.definition.defaultLanguage}>
                        {row().text[props.definition.defaultLanguage] ?? ''}
                      </span>
                    </td>
                    <td>
                      <textarea
                        class="input"
                        rows="1"
                        lang={target()}
                        aria-label={`${languageName(target())}: ${row().where}`}
                        value={row().text[target()] ?? ''}
                        placeholder={t('editor.translate.missing')}
                        onInput={(e) => props.onText(path, target(), e.currentTarget.value)}
                        data-testid="translation-input"
                      />
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

/** `pages[0].questions[2].options[1].label` as the ids a researcher sees on the cards: `p1 › q3 › o2 › label`. */
function describe(path: string, def: SurveyDefinition): string {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  const out: string[] = [];
  let node: unknown = def;
  for (const k of keys) {
    node = (node as Record<string | number, unknown>)?.[k];
    if (typeof k === 'number') {
      const idOf = (node as { id?: unknown } | undefined)?.id;
      out.push(typeof idOf === 'string' ? idOf : `#${k + 1}`);
    } else if (!['pages', 'questions', 'options', 'items', 'brands', 'attributes', 'screenOuts'].includes(k)) {
      out.push(k);
    }
  }
  return out.join(' › ');
}
