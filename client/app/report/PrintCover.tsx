/**
 * The printed report's title block, as a consultancy's deliverable opens: what study, when its
 * fieldwork ran, on what base, cut by which filters and weighted how, and when it was printed.
 * Paper only: on screen the header, the filter bar and the fieldwork section say the same.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { Text } from '../../../shared/survey/schema';
import { useI18n, type I18n } from '../lib/i18n';
import { choicesFor, dimensions, moreDimensions, type FilterState } from './FilterBar';

/** Each filter in force, in words: "Loyalty tier: Platinum", "Wave 2", "From 1 Nov 2026". */
export function filterWords(
  report: ReportDto,
  filter: FilterState,
  text: (x: Text | undefined) => string,
  i18n: I18n,
): string[] {
  const { t } = i18n;
  const dims = [...dimensions(report, text, t), ...moreDimensions(report, text, t)];
  const out: string[] = [];
  for (const c of filter.conditions) {
    const d = dims.find((x) => x.name === c.name);
    const joined = c.values.join(',');
    const choices = d ? choicesFor(d, c.values, t) : [];
    // A group of scale points ("Top-two box") is one choice whose value lists them all.
    const named =
      choices.find((x) => x.value === joined)?.label ??
      c.values.map((v) => choices.find((x) => x.value === v)?.label ?? v).join(', ');
    out.push(`${d?.label ?? c.name}: ${named}`);
  }
  if (filter.cell !== null) {
    const cell = report.sections.fieldwork.quotas?.find((q) => q.key === filter.cell);
    out.push(`${t('report.quota.cell')}: ${cell ? cell.labels.join(' × ') : filter.cell}`);
  }
  if (filter.wave !== null) out.push(t('report.wave', { n: filter.wave }));
  if (filter.from) out.push(`${t('report.filter.from')}: ${i18n.date(filter.from)}`);
  if (filter.to) out.push(`${t('report.filter.to')}: ${i18n.date(filter.to)}`);
  if (filter.exclude) out.push(t('report.filter.exclude'));
  return out;
}

export function PrintCover(props: {
  report: ReportDto;
  filter: FilterState;
  title: string;
  text: (x: Text | undefined) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const fieldwork = () => props.report.sections.fieldwork;
  const filters = () => filterWords(props.report, props.filter, props.text, i18n);
  const weighting = () => {
    const w = fieldwork().weighting;
    if (!w) return t('report.filter.weightNone');
    const method = t(w.method === 'raking' ? 'report.filter.weightRaking' : 'report.filter.weightCells');
    return `${method} · ${t('report.fieldworkEffectiveN', { n: i18n.num(w.effectiveN, 0), deff: i18n.num(w.designEffect, 2) })}`;
  };
  return (
    <header class="print-cover" data-testid="print-cover">
      <p class="print-kind">{t('report.paper.kind')}</p>
      <h1>{props.title}</h1>
      <dl class="print-facts">
        <Show when={fieldwork().firstAt !== null}>
          <div>
            <dt>{t('report.fieldworkDates')}</dt>
            <dd>{`${i18n.date(fieldwork().firstAt!)} – ${i18n.date(fieldwork().lastAt!)}`}</dd>
          </div>
        </Show>
        <div>
          <dt>{t('report.paper.base')}</dt>
          <dd>{t('report.coverN', { n: i18n.num(props.report.completes) })}</dd>
        </div>
        <div>
          <dt>{t('report.filter.title')}</dt>
          <dd data-testid="print-filters">
            <Show when={filters().length > 0} fallback={t('report.paper.noFilter')}>
              <For each={filters()}>
                {(f, k) => (
                  <>
                    {k() > 0 ? '; ' : ''}
                    {f}
                  </>
                )}
              </For>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('report.fieldworkWeighting')}</dt>
          <dd>{weighting()}</dd>
        </div>
        <div>
          <dt>{t('report.paper.printed')}</dt>
          <dd>{i18n.date(Date.now())}</dd>
        </div>
      </dl>
    </header>
  );
}
