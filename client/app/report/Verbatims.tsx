/** Open answers with a search box; each shows the respondent's segment (hidden fields, segment answers). */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { VerbatimsSection } from '../../../shared/api/report-sections';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Verbatims(props: { base: string; query: string; initial: VerbatimsSection }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = createSignal('');
  const [found] = createResource(
    () => (search().trim() ? { search: search().trim(), query: props.query } : null),
    ({ search: s, query }) => {
      const params = new URLSearchParams(query.replace(/^\?/, ''));
      params.set('search', s);
      return api.get<VerbatimsSection>(`${props.base}/report/verbatims?${params}`);
    },
  );
  const shown = () => (search().trim() ? found() ?? props.initial : props.initial);
  return (
    <section class="card report-section" data-testid="section-verbatims" id="section-verbatims">
      <h2>{t('report.section.verbatims')}</h2>
      <p class="reading">{t('report.reading.verbatims', { count: shown().total })}</p>
      <label class="field no-print">
        <span>{t('report.search')}</span>
        <input type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} data-testid="verbatim-search" />
      </label>
      <ul class="verbatims">
        <For each={shown().items}>
          {(v) => (
            <li class="verbatim">
              <p>{v.text}</p>
              <span class="muted">
                <time dateTime={new Date(v.at).toISOString()}>{i18n.date(v.at, 'datetime')}</time>
                <For each={Object.entries(v.segment)}>{([k, value]) => <span class="chip">{k}: {value}</span>}</For>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={shown().total > shown().items.length}><p class="note">{t('report.moreVerbatims', { count: shown().total - shown().items.length })}</p></Show>
    </section>
  );
}
