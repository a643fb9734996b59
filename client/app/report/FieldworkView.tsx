/**
 * The report's fieldwork section: when the responses were collected, how far each quota cell of
 * the plan got against its target, and the weighting in use, read in one sentence first.
 */
import { For, Show } from 'solid-js';
import type { FieldworkSection } from '../../../shared/api/report-sections';
import { useI18n } from '../lib/i18n';
import { joinSentences } from './sentences';
import { Section } from './section-parts';

type Cell = NonNullable<FieldworkSection['quotas']>[number];

/** Completes over target, or null for a cell that aims at nobody. */
const reached = (c: Cell) => (c.target > 0 ? c.completes / c.target : null);

export function FieldworkView(props: { section: FieldworkSection }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cells = () => props.section.quotas ?? [];
  const met = () => cells().filter((c) => c.completes >= c.target);
  /** The cell furthest from its target, as a share of it: where fieldwork needs pushing. */
  const behind = () =>
    cells()
      .filter((c) => c.completes < c.target)
      .sort((a, b) => (reached(a) ?? 1) - (reached(b) ?? 1))[0];
  const reading = () => {
    const s = props.section;
    const parts: string[] = [];
    if (s.firstAt !== null && s.lastAt !== null) {
      parts.push(
        t('report.reading.fieldwork', { n: i18n.num(s.n), from: i18n.date(s.firstAt), to: i18n.date(s.lastAt) }),
      );
    }
    if (cells().length > 0) {
      const b = behind();
      parts.push(
        b
          ? t('report.reading.quotasShort', {
              met: met().length,
              cells: cells().length,
              cell: b.labels.join(' × '),
              missing: i18n.num(b.target - b.completes),
            })
          : t('report.reading.quotasMet', { cells: cells().length }),
      );
      if (s.filtered) parts.push(t('report.reading.quotasUnfiltered'));
    }
    return joinSentences(i18n.locale(), parts);
  };
  const weighting = () => {
    const w = props.section.weighting;
    if (!w) return { value: t('report.filter.weightNone'), note: '' };
    return {
      value: t(w.method === 'raking' ? 'report.filter.weightRaking' : 'report.filter.weightCells'),
      note: t('report.fieldworkEffectiveN', { n: i18n.num(w.effectiveN, 0), deff: i18n.num(w.designEffect, 2) }),
    };
  };
  return (
    <Section id="fieldwork" title={t('report.fieldwork')} reading={reading()}>
      <div class="stats">
        <Show when={props.section.firstAt !== null}>
          <div class="stat">
            <span class="stat-label">{t('report.fieldworkDates')}</span>
            <span class="stat-value stat-words">{`${i18n.date(props.section.firstAt!)} – ${i18n.date(props.section.lastAt!)}`}</span>
          </div>
        </Show>
        <div class="stat" data-testid="fieldwork-weighting">
          <span class="stat-label">{t('report.fieldworkWeighting')}</span>
          <span class="stat-value stat-words">{weighting().value}</span>
          <Show when={weighting().note}>
            <span class="stat-note">{weighting().note}</span>
          </Show>
        </div>
      </div>
      <Show when={cells().length > 0}>
        <h3>{t('report.quota.title')}</h3>
        <Show when={props.section.filtered}>
          <p class="note" data-testid="quota-unfiltered">
            {t('report.quota.unfiltered')}
          </p>
        </Show>
        <div class="table-wrap">
          <table class="data-table quota-table" data-testid="quota-attainment">
            <thead>
              <tr>
                <th scope="col">{t('report.quota.cell')}</th>
                <th scope="col" class="num">
                  {t('report.quota.completes')}
                </th>
                <th scope="col" class="num">
                  {t('report.quota.target')}
                </th>
                <th scope="col">{t('report.quota.reached')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={cells()}>
                {(c) => (
                  <tr class={c.completes >= c.target ? 'quota-met' : undefined}>
                    <th scope="row">{c.labels.join(' × ')}</th>
                    <td class="num">{i18n.num(c.completes)}</td>
                    <td class="num">{i18n.num(c.target)}</td>
                    <td>
                      <div class="quota-reached">
                        <span class="quota-bar" aria-hidden="true">
                          <span style={{ width: `${Math.min(100, (reached(c) ?? 1) * 100)}%` }} />
                        </span>
                        <span class="num">{reached(c) === null ? '—' : i18n.pct(reached(c)!)}</span>
                      </div>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </Section>
  );
}
