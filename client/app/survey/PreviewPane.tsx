import { createSignal, For, onCleanup, Show } from 'solid-js';
import { languageName, type SurveyLanguage } from '../../../shared/survey/survey-language';
import { api, apiUrl } from '../lib/api';
import { ConfirmButton } from '../lib/components';
import { useI18n } from '../lib/i18n';

// Answers given in the frame arrive without telling the editor; a light poll keeps the count honest.
const COUNT_POLL_MS = 5000;

/**
 * The draft as a customer's phone shows it: the real respondent page (server/survey/preview.ts)
 * in a phone-sized frame, reloaded whenever a save changes the draft. Answers given here are test
 * responses, kept out of reports and counts, with their own count and a delete.
 */
export default function PreviewPane(props: {
  surveyId: string;
  languages: SurveyLanguage[];
  defaultLanguage: SurveyLanguage;
  revision: string;
  unfinished: boolean;
}) {
  const { t } = useI18n();
  const [lang, setLang] = createSignal<SurveyLanguage>(props.defaultLanguage);
  const [restart, setRestart] = createSignal(0);
  // A plain signal, not a resource: a resource would suspend the whole editor on every poll,
  // which takes the frame out of the page and reloads it.
  const [count, setCount] = createSignal(0);
  const refetch = () =>
    api.get('/api/surveys/:id/test-responses', { params: { id: props.surveyId } }).then(
      (r) => setCount(r.count),
      () => undefined,
    );
  void refetch();
  const timer = setInterval(() => void refetch(), COUNT_POLL_MS);
  onCleanup(() => clearInterval(timer));

  // The revision (the saved draft) is in the address, so every save reloads the frame; "restart"
  // forgets this browser's progress in the preview by asking for a fresh respondent.
  const src = () => {
    const query = { lang: lang(), r: String(hash(props.revision)), restart: restart() || undefined };
    return apiUrl('/api/surveys/:id/preview', { params: { id: props.surveyId }, query });
  };

  const remove = async () => {
    await api.delete('/api/surveys/:id/test-responses', { params: { id: props.surveyId } });
    await refetch();
    setRestart((n) => n + 1);
  };

  return (
    <aside class="preview-pane" aria-label={t('editor.preview.title')} data-testid="preview-pane">
      <div class="preview-tools">
        <Show when={props.languages.length > 1}>
          <label class="visually-hidden" for="preview-lang">
            {t('editor.preview.language')}
          </label>
          <select
            id="preview-lang"
            class="select select-small"
            value={lang()}
            onChange={(e) => setLang(e.currentTarget.value as SurveyLanguage)}
            data-testid="preview-language"
          >
            <For each={props.languages}>{(l) => <option value={l}>{languageName(l)}</option>}</For>
          </select>
        </Show>
        <button
          type="button"
          class="btn btn-small btn-quiet"
          onClick={() => setRestart((n) => n + 1)}
          data-testid="preview-restart"
        >
          {t('editor.preview.restart')}
        </button>
      </div>
      <div class="phone-frame">
        <Show
          when={!props.unfinished}
          fallback={
            <p class="preview-blocked" data-testid="preview-blocked">
              {t('editor.preview.blocked')}
            </p>
          }
        >
          <iframe
            src={src()}
            title={t('editor.preview.frameTitle')}
            data-testid="preview-frame"
            onLoad={() => void refetch()}
          />
        </Show>
      </div>
      <div class="test-responses" data-testid="test-responses">
        <span>{t('editor.preview.testResponses', { count: count() })}</span>
        <Show when={count() > 0}>
          <ConfirmButton label={t('editor.preview.deleteTests')} onConfirm={remove} testid="delete-test-responses" />
        </Show>
      </div>
      <p class="field-hint">{t('editor.preview.hint')}</p>
    </aside>
  );
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}
