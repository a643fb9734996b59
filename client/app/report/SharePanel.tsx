/** Download links for the data and the report's tables, and read-only report links for managers. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { NewShareDto, ShareDto } from '../../../shared/api/report-query';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Exports(props: { base: string; query: string; researcher: boolean }) {
  const { t } = useI18n();
  const href = (file: string, labels = false) => {
    const params = new URLSearchParams(props.query.replace(/^\?/, ''));
    if (labels) params.set('labels', '1');
    const q = params.toString();
    return `${props.base}/export/${file}${q ? `?${q}` : ''}`;
  };
  return (
    <nav class="exports no-print" aria-label={t('report.export.title')}>
      <span class="muted">{t('report.export.title')}</span>
      <a class="btn" href={href('tables.csv')} download="">
        {t('report.export.tables')}
      </a>
      <Show when={props.researcher}>
        <a class="btn" href={href('responses.csv', true)} download="" data-testid="export-csv">
          {t('report.export.csv')}
        </a>
        <a class="btn" href={href('responses.xlsx', true)} download="">
          {t('report.export.xlsx')}
        </a>
        <a class="btn" href={href('responses.sps')} download="">
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
    (id) => api.get<ShareDto[]>(`/api/surveys/${id}/shares`),
  );
  const create = async () => {
    setMade(await api.post<NewShareDto>(`/api/surveys/${props.surveyId}/shares`, { lang: lang() }));
    refetch();
  };
  const revoke = async (id: string) => {
    await api.delete(`/api/surveys/${props.surveyId}/shares/${id}`);
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
