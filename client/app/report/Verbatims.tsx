/** Open answers with a search box; each shows the respondent's segment (hidden fields, segment answers). */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { VerbatimsSection } from '../../../shared/api/report-sections';
import type { Text } from '../../../shared/survey/schema';
import { verbatimsOf, type ReportSource } from './source';
import { useI18n } from '../lib/i18n';
import { dimensions } from './FilterBar';
import { readableHidden } from './hidden-fields';

/** Answers fetched per "show more". */
const PAGE = 50;

export function Verbatims(props: {
  source: ReportSource;
  query: string;
  initial: VerbatimsSection;
  report: ReportDto;
  text: (x: Text | undefined) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const dims = createMemo(() => dimensions(props.report, props.text, t));
  // A segment answer reads as its option's label ("Leisure"); a hidden field as "Loyalty tier: Lead".
  const chip = (name: string, value: string) => {
    const hidden = readableHidden(props.report.filterOptions.hidden, t)[name];
    if (hidden) return `${hidden.label}: ${hidden.values.find((x) => x.value === value)?.label ?? value}`;
    return (
      dims()
        .find((d) => d.name === name)
        ?.choices.find((c) => c.value === value)?.label ?? `${name}: ${value}`
    );
  };
  const [search, setSearch] = createSignal('');
  const [found] = createResource(
    () => (search().trim() ? { search: search().trim(), query: props.query } : null),
    ({ search: s, query }) => {
      const params = new URLSearchParams(query.replace(/^\?/, ''));
      params.set('search', s);
      return verbatimsOf(props.source, params);
    },
  );
  const first = () => (search().trim() ? (found() ?? props.initial) : props.initial);
  // "Show more" appends the next page from the API; a new search or filter starts again.
  const [more, setMore] = createSignal<{ key: string; items: VerbatimsSection['items'] }>({ key: '', items: [] });
  const key = () => `${props.query}|${search().trim()}`;
  const extra = () => (more().key === key() ? more().items : []);
  const shown = () => ({ total: first().total, items: [...first().items, ...extra()] });
  const [loading, setLoading] = createSignal(false);
  const loadMore = async () => {
    const k = key();
    const params = new URLSearchParams(props.query.replace(/^\?/, ''));
    if (search().trim()) params.set('search', search().trim());
    params.set('offset', String(shown().items.length));
    params.set('limit', String(PAGE));
    setLoading(true);
    try {
      const page = await verbatimsOf(props.source, params);
      if (page && k === key()) setMore({ key: k, items: [...extra(), ...page.items] });
    } finally {
      setLoading(false);
    }
  };
  return (
    <section class="card report-section" data-testid="section-verbatims" id="section-verbatims">
      <h2>{t('report.section.verbatims')}</h2>
      <p class="reading">{t('report.reading.verbatims', { count: shown().total })}</p>
      <label class="field no-print">
        <span>{t('report.search')}</span>
        <input
          type="search"
          value={search()}
          onInput={(e) => setSearch(e.currentTarget.value)}
          data-testid="verbatim-search"
        />
      </label>
      <ul class="verbatims">
        <For each={shown().items}>
          {(v) => (
            <li class="verbatim">
              <p>{v.text}</p>
              <span class="muted">
                <time dateTime={new Date(v.at).toISOString()}>{i18n.date(v.at, 'datetime')}</time>
                <For each={Object.entries(v.segment)}>{([k, value]) => <span class="chip">{chip(k, value)}</span>}</For>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={shown().total > shown().items.length}>
        <p class="no-print">
          <button
            type="button"
            class="btn"
            data-testid="verbatims-more"
            disabled={loading()}
            onClick={() => void loadMore()}
          >
            {t('report.verbatims.showMore', { count: Math.min(PAGE, shown().total - shown().items.length) })}
          </button>{' '}
          <span class="muted">{t('report.verbatims.remaining', { count: shown().total - shown().items.length })}</span>
        </p>
        <p class="note print-note">
          {t('report.paper.verbatimsShown', { count: shown().total, shown: shown().items.length })}
        </p>
      </Show>
    </section>
  );
}
