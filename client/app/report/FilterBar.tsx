/**
 * The report's filters: any single-choice question, each hidden field, quota cell, wave and dates, the
 * exclusion of flagged responses and weighting. It edits a query string the page fetches with.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import { filterParam, type FilterCondition } from '../../../shared/api/report-query';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';

export interface FilterState {
  conditions: FilterCondition[];
  wave: number | null;
  /** A quota cell's key (shared/plan `cellKey`). */
  cell: string | null;
  from: string;
  to: string;
  exclude: boolean;
  weight: 'none' | 'cells' | 'raking';
}

export const NO_FILTER: FilterState = { conditions: [], wave: null, cell: null, from: '', to: '', exclude: false, weight: 'none' };

/** The query string (with its `?`, or empty) for a filter state. */
export function queryOf(f: FilterState): string {
  const params = new URLSearchParams();
  const filter = filterParam(f.conditions, { waves: f.wave === null ? [] : [f.wave], cells: f.cell === null ? [] : [f.cell], from: f.from, to: f.to });
  if (filter) params.set('filter', filter);
  if (f.exclude) params.set('exclude', 'straightliners,speeders');
  if (f.weight !== 'none') params.set('weight', f.weight);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function FilterBar(props: { report: ReportDto; value: FilterState; onChange: (f: FilterState) => void; text: (x: Text | undefined) => string }) {
  const { t } = useI18n();
  const closed = () => allQuestions(props.report.definition).filter((q) => q.type === 'single');
  const valueOf = (name: string) => props.value.conditions.find((c) => c.name === name)?.values[0] ?? '';
  const setCondition = (name: string, value: string) => {
    const rest = props.value.conditions.filter((c) => c.name !== name);
    props.onChange({ ...props.value, conditions: value ? [...rest, { name, values: [value] }] : rest });
  };
  const opts = () => props.report.filterOptions;
  return (
    <form class="filter-bar no-print" aria-label={t('report.filter.title')} data-testid="filter-bar" onSubmit={(e) => e.preventDefault()}>
      <For each={closed()}>
        {(q) => (
          <label class="field">
            <span>{props.text(q.text)}</span>
            <select value={valueOf(q.id)} onChange={(e) => setCondition(q.id, e.currentTarget.value)} data-filter={q.id}>
              <option value="">{t('report.filter.any')}</option>
              <For each={q.type === 'single' ? q.options : []}>{(o) => <option value={o.id}>{props.text(o.label)}</option>}</For>
            </select>
          </label>
        )}
      </For>
      <For each={Object.entries(opts().hidden)}>
        {([name, values]) => (
          <label class="field">
            <span>{name}</span>
            <select value={valueOf(name)} onChange={(e) => setCondition(name, e.currentTarget.value)} data-filter={name}>
              <option value="">{t('report.filter.any')}</option>
              <For each={values}>{(v) => <option value={v}>{v}</option>}</For>
            </select>
          </label>
        )}
      </For>
      <Show when={(props.report.sections.fieldwork.quotas?.length ?? 0) > 1}>
        <label class="field">
          <span>{t('report.quota.cell')}</span>
          <select value={props.value.cell ?? ''} onChange={(e) => props.onChange({ ...props.value, cell: e.currentTarget.value || null })} data-filter="@cell">
            <option value="">{t('report.filter.any')}</option>
            <For each={props.report.sections.fieldwork.quotas ?? []}>{(c) => <option value={c.key}>{c.labels.join(' × ')}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={opts().waves.length > 1}>
        <label class="field">
          <span>{t('report.waveCol')}</span>
          <select value={props.value.wave ?? ''} onChange={(e) => props.onChange({ ...props.value, wave: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
            <option value="">{t('report.filter.any')}</option>
            <For each={opts().waves}>{(w) => <option value={w}>{t('report.wave', { n: w })}</option>}</For>
          </select>
        </label>
      </Show>
      <label class="field">
        <span>{t('report.filter.from')}</span>
        <input type="date" value={props.value.from} onChange={(e) => props.onChange({ ...props.value, from: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t('report.filter.to')}</span>
        <input type="date" value={props.value.to} onChange={(e) => props.onChange({ ...props.value, to: e.currentTarget.value })} />
      </label>
      <label class="check">
        <input type="checkbox" checked={props.value.exclude} onChange={(e) => props.onChange({ ...props.value, exclude: e.currentTarget.checked })} />
        {t('report.filter.exclude')}
      </label>
      <Show when={opts().weighting}>
        <label class="field">
          <span>{t('report.filter.weight')}</span>
          <select value={props.value.weight} onChange={(e) => props.onChange({ ...props.value, weight: e.currentTarget.value as FilterState['weight'] })} data-testid="weight">
            <option value="none">{t('report.filter.weightNone')}</option>
            <option value="cells">{t('report.filter.weightCells')}</option>
            <option value="raking">{t('report.filter.weightRaking')}</option>
          </select>
        </label>
      </Show>
      <button type="button" class="btn" onClick={() => props.onChange(NO_FILTER)}>{t('report.filter.clear')}</button>
    </form>
  );
}
