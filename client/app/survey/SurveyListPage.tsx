import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, startTransition, Switch } from 'solid-js';
import type { SurveySummary } from '../../../shared/api/surveys';
import { pickText } from '../../../shared/survey/text';
import ImportSurvey from './ImportSurvey';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { CopyButton, EmptyState, ErrorBox, Loading } from '../lib/components';
import { errorText } from '../lib/errors';
import { importFault } from './import-fault';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { blankDefinition } from './definition';
import { TEMPLATES } from '../../../shared/survey/templates';
import { openLink, StatusBadge } from './status';

export default function SurveyListPage() {
  const { t, locale, num, date } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [surveys, { refetch }] = createResource(() => api.get('/api/surveys'));
  const [busy, setBusy] = createSignal<'new' | 'demo' | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const canEdit = () => session.can('researcher');

  const create = async (templateId?: string) => {
    setBusy('new');
    setFailure(null);
    const template = TEMPLATES.find((x) => x.id === templateId);
    // Templates carry every interface language; the researcher's own becomes the default.
    const definition = template
      ? { ...template.definition, defaultLanguage: locale() }
      : blankDefinition(locale(), t('editor.untitledSurvey'));
    try {
      const survey = await api.post('/api/surveys', { body: { definition } });
      navigate(`/surveys/${survey.id}`);
    } catch (err) {
      setFailure(err);
      setBusy(null);
    }
  };

  const loadDemo = async () => {
    setBusy('demo');
    setFailure(null);
    try {
      await api.post('/api/demo');
      // A transition keeps the list on screen while it reloads, instead of a loading flash.
      await startTransition(refetch);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  // A draft is saved unfinished, its title possibly still empty: the list shows it as untitled.
  const title = (s: SurveySummary) =>
    pickText(s.title, s.defaultLanguage, s.defaultLanguage) || t('editor.untitledSurvey');

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('surveys.title')}</h1>
        <Show when={canEdit() && (surveys()?.length ?? 0) > 0}>
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => create()}
            disabled={busy() !== null}
            data-testid="new-survey"
          >
            <Icon name="plus" />
            {t('surveys.new')}
          </button>
          <TemplatePicker disabled={busy() !== null} onPick={(id) => create(id)} />
          <ImportSurvey disabled={busy() !== null} onError={setFailure} />
          <Show when={!surveys()?.some((s) => ['demo', 'demo-coffee', 'demo-followup'].includes(s.slug))}>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={loadDemo}
              disabled={busy() !== null}
              data-testid="load-demo"
            >
              {busy() === 'demo' ? t('surveys.loadingDemo') : t('surveys.loadDemo')}
            </button>
          </Show>
        </Show>
      </header>

      <Show when={failure()}>
        <div class="alert alert-error" role="alert">
          {importFault(t, failure()) ?? errorText(t, failure())}
        </div>
      </Show>

      <Switch fallback={<Loading />}>
        <Match when={surveys.error}>
          <ErrorBox error={surveys.error} onRetry={refetch} />
        </Match>
        <Match when={surveys()?.length === 0}>
          <EmptyState
            title={t('surveys.empty')}
            hint={canEdit() ? t('surveys.emptyHint') : t('surveys.emptyViewer')}
            icon={
              <span class="empty-icon">
                <Icon name="chart" size={32} />
              </span>
            }
          >
            <Show when={canEdit()}>
              <div class="empty-actions">
                <button
                  type="button"
                  class="btn btn-primary"
                  onClick={() => create()}
                  disabled={busy() !== null}
                  data-testid="new-survey"
                >
                  <Icon name="plus" />
                  {t('surveys.new')}
                </button>
                <TemplatePicker disabled={busy() !== null} onPick={(id) => create(id)} />
                <ImportSurvey disabled={busy() !== null} onError={setFailure} />
                <button type="button" class="btn" onClick={loadDemo} disabled={busy() !== null} data-testid="load-demo">
                  {busy() === 'demo' ? t('surveys.loadingDemo') : t('surveys.loadDemo')}
                </button>
              </div>
            </Show>
          </EmptyState>
        </Match>
        <Match when={surveys()}>
          {(list) => (
            <table class="survey-table" data-testid="survey-list">
              <thead>
                <tr>
                  <th scope="col">{t('surveys.column.title')}</th>
                  <th scope="col">{t('surveys.column.status')}</th>
                  <th scope="col" class="num">
                    {t('surveys.column.version')}
                  </th>
                  <th scope="col" class="num">
                    {t('surveys.column.completes')}
                  </th>
                  <th scope="col">{t('surveys.column.updated')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('surveys.column.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(s) => (
                    <tr data-testid="survey-row" data-survey-id={s.id}>
                      <td class="title-col">
                        <div class="survey-title-cell">
                          <Show when={canEdit()} fallback={<span class="survey-name">{title(s)}</span>}>
                            <A href={`/surveys/${s.id}`} class="survey-name">
                              {title(s)}
                            </A>
                          </Show>
                          <span class="survey-link">
                            <a
                              href={openLink(s.slug)}
                              target="_blank"
                              rel="noopener"
                              class="muted"
                              data-testid="survey-open-link"
                            >
                              /s/{s.slug}
                            </a>
                            <CopyButton
                              text={openLink(s.slug)}
                              label={t('editor.copyLink')}
                              copiedLabel={t('editor.linkCopied')}
                              class="btn btn-tiny btn-quiet"
                            />
                          </span>
                        </div>
                      </td>
                      <td data-label={t('surveys.column.status')}>
                        <StatusBadge status={s.status} />
                      </td>
                      <td class="num" data-label={t('surveys.column.version')}>
                        {s.version === null ? '—' : num(s.version)}
                      </td>
                      <td class="num" data-label={t('surveys.column.completes')} data-testid="survey-completes">
                        {num(s.completes)}
                      </td>
                      <td class="muted" data-label={t('surveys.column.updated')}>
                        {date(s.updatedAt)}
                      </td>
                      <td class="row-actions">
                        <Show when={canEdit()}>
                          <A href={`/surveys/${s.id}`} class="btn btn-small" data-testid="edit-survey">
                            <Icon name="edit" size={16} />
                            {t('surveys.action.edit')}
                          </A>
                        </Show>
                        <Show when={s.version !== null}>
                          <A href={`/surveys/${s.id}/report`} class="btn btn-small" data-testid="survey-report">
                            <Icon name="chart" size={16} />
                            {t('surveys.action.report')}
                          </A>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </Match>
      </Switch>
    </div>
  );
}

/** "New from template…": picking one creates the survey at once, as the New survey button does. */
function TemplatePicker(props: { disabled: boolean; onPick: (templateId: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <select
      class="select"
      aria-label={t('surveys.fromTemplate')}
      disabled={props.disabled}
      onChange={(e) => {
        if (e.currentTarget.value) props.onPick(e.currentTarget.value);
      }}
      data-testid="new-from-template"
    >
      <option value="">{t('surveys.fromTemplate')}</option>
      <For each={TEMPLATES}>{(tpl) => <option value={tpl.id}>{pickText(tpl.name, locale(), 'en')}</option>}</For>
    </select>
  );
}
