/** Download links for the data and the report's tables, and read-only report links for managers. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { NewShareDto } from '../../../shared/api/report-query';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import { api, apiUrl } from '../lib/api';
import { useI18n } from '../lib/i18n';

type ExportPath = `/api/surveys/:id/export/${'tables.csv' | 'responses.csv' | 'responses.xlsx' | 'responses.sps'}`;

export function Exports(props: { surveyId: string; query: string; researcher: boolean }) {
  const { t } = useI18n();
  const href = (path: ExportPath, labels = false) => {
    const query = new URLSearchParams(props.query.replace(/^\?/, ''));
    if (labels) query.set('labels', '1');
    return apiUrl(path, { params: { id: props.surveyId }, query });
  };
  return (
    <nav class="exports no-print" aria-label={t('report.export.title')}>
      <span class="muted">{t('report.export.title')}</span>
      <a class="btn" href={href('/api/surveys/:id/export/tables.csv')} download="">
        {t('report.export.tables')}
      </a>
      <Show when={props.researcher}>
        <a class="btn" href={href('/api/surveys/:id/export/responses.csv', true)} download="" data-testid="export-csv">
          {t('report.export.csv')}
        </a>
        <a class="btn" href={href('/api/surveys/:id/export/responses.xlsx', true)} download="">
          {t('report.export.xlsx')}
        </a>
        <a class="btn" href={href('/api/surveys/:id/export/responses.sps')} download="">
          {t('report.export.spss')}
        </a>
      </Show>
    </nav>
  );
}

export function SharePanel(props: { surveyId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [lang, setLang] = createSignal<Locale>(i18n.locale() as Locale);
  const [made, setMade] = createSignal<NewShareDto | null>(null);
  const [shares, { refetch }] = createResource(
    () => props.surveyId,
    (id) => api.get('/api/surveys/:id/shares', { params: { id } }),
  );
  const create = async () => {
    setMade(await api.post('/api/surveys/:id/shares', { params: { id: props.surveyId }, body: { lang: lang() } }));
    refetch();
  };
  const revoke = async (id: string) => {
    await api.delete('/api/surveys/:id/shares/:shareId', { params: { id: props.surveyId, shareId: id } });
    if (made()?.id === id) setMade(null);
    refetch();
  };
  return (
    <details class="share-panel no-print">
      <summary>{t('report.share.title')}</summary>
      <p class="note">{t('report.share.hint')}</p>
      <div class="share-new">
        <label class="field">
          <span>{t('report.share.lang')}</span>
          <select value={lang()} onChange={(e) => setLang(e.currentTarget.value as Locale)}>
            <For each={LOCALES}>{(l) => <option value={l}>{LOCALE_NAMES[l]}</option>}</For>
          </select>
        </label>
        <button type="button" class="btn btn-primary" onClick={create} data-testid="share-create">
          {t('report.share.create')}
        </button>
      </div>
      <Show when={made()}>
        {(m) => (
          <p>
            <input
              class="share-url"
              readOnly
              value={`${location.origin}${m().path}`}
              data-testid="share-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          </p>
        )}
      </Show>
      <ul class="share-list">
        <For each={(shares() ?? []).filter((s) => s.revokedAt === null)}>
          {(s) => (
            <li>
              <span>
                {t('report.share.item', {
                  lang: LOCALE_NAMES[s.lang as Locale] ?? s.lang,
                  date: i18n.date(s.createdAt),
                })}
              </span>
              <button type="button" class="btn" onClick={() => revoke(s.id)}>
                {t('report.share.revoke')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
