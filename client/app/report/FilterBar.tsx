/**
 * The report's filters: any single-choice question, the NPS groups and the overall satisfaction
 * score, each hidden field, quota cell, wave and dates, the exclusion of flagged responses and
 * weighting. It edits a query string the page fetches with.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import { filterParam, type FilterCondition } from '../../../shared/api/report-query';
import { allQuestions, type Question, type Text } from '../../../shared/survey/schema';
import { useI18n, type I18n } from '../lib/i18n';
import { pointLabels } from './scale-labels';

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

const points = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k).join(',');

/** A filter's choices: a value is one answer code or several joined by commas (a group of scale points). */
function choices(q: Question, text: (x: Text | undefined) => string, t: I18n['t']): { value: string; label: string }[] {
  if (q.type === 'single') return q.options.map((o) => ({ value: o.id, label: text(o.label) }));
  if (q.type === 'nps') {
    return [
      { value: points(9, 10), label: t('report.filter.promoters') },
      { value: points(7, 8), label: t('report.filter.passives') },
      { value: points(0, 6), label: t('report.filter.detractors') },
    ];
  }
  if (q.type !== 'rating') return [];
  const { min, max } = q.scale;
  const label = pointLabels(q.scale, text);
  const each = Array.from({ length: max - min + 1 }, (_, k) => ({ value: String(min + k), label: label(min + k) }));
  return [
    { value: points(max - 1, max), label: t('report.filter.topTwo', { from: max - 1, to: max }) },
    { value: points(min, min + 1), label: t('report.filter.bottomTwo', { from: min, to: min + 1 }) },
    ...each,
  ];
}

export interface Dimension { name: string; label: string; choices: { value: string; label: string }[] }

/**
 * What a report can be cut by: every single choice, every NPS question, the overall satisfaction
 * score (not each attribute's: thirty rating filters would bury the others), and each hidden field.
 */
export function dimensions(report: ReportDto, text: (x: Text | undefined) => string, t: I18n['t']): Dimension[] {
  const questions = allQuestions(report.definition)
    .filter((q) => q.type === 'single' || q.type === 'nps' || (q.type === 'rating' && q.role === 'overall-satisfaction'))
    .map((q) => ({ name: q.id, label: text(q.text), choices: choices(q, text, t) }));
  const hidden = Object.entries(report.filterOptions.hidden).map(([name, h]) => ({ name, label: h.label, choices: h.values }));
  return [...questions, ...hidden];
}

export function FilterBar(props: { report: ReportDto; value: FilterState; onChange: (f: FilterState) => void; text: (x: Text | undefined) => string }) {
  const { t } = useI18n();
  const valueOf = (name: string) => props.value.conditions.find((c) => c.name === name)?.values.join(',') ?? '';
  const setCondition = (name: string, value: string) => {
    const rest = props.value.conditions.filter((c) => c.name !== name);
    props.onChange({ ...props.value, conditions: value ? [...rest, { name, values: value.split(',') }] : rest });
  };
  const opts = () => props.report.filterOptions;
  return (
    <form class="filter-bar no-print" aria-label={t('report.filter.title')} data-testid="filter-bar" onSubmit={(e) => e.preventDefault()}>
      <For each={dimensions(props.report, props.text, t)}>
        {(d) => (
          <label class="field">
            <span>{d.label}</span>
            <select value={valueOf(d.name)} onChange={(e) => setCondition(d.name, e.currentTarget.value)} data-filter={d.name}>
              <option value="">{t('report.filter.any')}</option>
              <For each={d.choices}>{(c) => <option value={c.value}>{c.label}</option>}</For>
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
