/** Due hours per priority, the linked follow-up survey and e-mail to owners. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { PRIORITIES, type AlertSettings, type AlertsState } from '../../../shared/api/alerts';
import { pickText } from '../../../shared/survey/text';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { PRIORITY_KEY } from './keys';

export default function AlertSettingsCard(props: {
  surveyId: string;
  state: AlertsState;
  readOnly: boolean;
  onSaved: (s: AlertSettings) => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = createStore<AlertSettings>(structuredClone(props.state.settings));
  const [failure, setFailure] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const [surveys] = createResource(() => api.get('/api/surveys'));
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaved(false);
    try {
      props.onSaved(
        await api.put('/api/surveys/:id/alerts/settings', {
          params: { id: props.surveyId },
          body: JSON.parse(JSON.stringify(draft)),
        }),
      );
      setSaved(true);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <form class="card form" onSubmit={save} aria-labelledby="alert-settings-title">
      <h2 class="card-title" id="alert-settings-title">
        {t('alerts.settings')}
      </h2>
      <fieldset class="field" disabled={props.readOnly}>
        <legend class="field-label">{t('alerts.dueByPriority')}</legend>
        <div class="due-grid">
          <For each={PRIORITIES}>
            {(p) => (
              <label class="field">
                <span class="field-hint">{t(PRIORITY_KEY[p])}</span>
                <input
                  class="input input-narrow"
                  type="number"
                  min="0.25"
                  step="0.25"
                  required
                  value={draft.dueHours[p]}
                  onInput={(e) => setDraft('dueHours', p, Number(e.currentTarget.value))}
                />
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <label class="field">
        <span class="field-label">{t('alerts.followUpSurvey')}</span>
        <select
          class="select"
          disabled={props.readOnly}
          value={draft.followUpSurveyId ?? ''}
          onChange={(e) => setDraft('followUpSurveyId', e.currentTarget.value || null)}
        >
          <option value="">{t('alerts.noFollowUp')}</option>
          <For each={(surveys() ?? []).filter((s) => s.id !== props.surveyId)}>
            {(s) => <option value={s.id}>{pickText(s.title, locale(), s.defaultLanguage)}</option>}
          </For>
        </select>
        <span class="field-hint">{t('alerts.followUpHint')}</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          disabled={props.readOnly || !props.state.smtp}
          checked={draft.emailOwners}
          onChange={(e) => setDraft('emailOwners', e.currentTarget.checked)}
        />
        <span>{t('alerts.emailOwners')}</span>
      </label>
      <Show when={!props.state.smtp}>
        <p class="field-hint">{t('alerts.noSmtp')}</p>
      </Show>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <Show when={!props.readOnly}>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary">
            {t('alerts.saveSettings')}
          </button>
          <Show when={saved()}>
            <span class="save-state" role="status">
              {t('alerts.saved')}
            </span>
          </Show>
        </div>
      </Show>
    </form>
  );
}
