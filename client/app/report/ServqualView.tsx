/** The SERVQUAL section: gaps per dimension (chart and table) and per statement, with its reading. */
import { For, Show } from 'solid-js';
import type { ServqualSection } from '../../../shared/api/report-research';
import { useI18n } from '../lib/i18n';
import { BarChart } from './charts';
import { Section, SmallBase } from './section-parts';

const DIMENSION_KEY = {
  tangibles: 'editor.dimension.tangibles',
  reliability: 'editor.dimension.reliability',
  responsiveness: 'editor.dimension.responsiveness',
  assurance: 'editor.dimension.assurance',
  empathy: 'editor.dimension.empathy',
} as const;

const GAP_BELOW = 'hsl(4, 62%, 50%)';
const GAP_ABOVE = 'hsl(146, 50%, 36%)';

export function ServqualView(props: { section: ServqualSection; label: (key: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const dimension = (d: string) => (d in DIMENSION_KEY ? t(DIMENSION_KEY[d as keyof typeof DIMENSION_KEY]) : d);
  const widest = () => [...props.section.dimensions].sort((a, b) => a.gap - b.gap)[0];
  const reading = () => {
    const w = widest();
    if (!w) return '';
    if (w.gap >= 0) return t('report.reading.servqualNone');
    // Two decimals, as the table beside it: a reading of -1.0 over a table's -0.97 looks like another figure.
    const params = { dimension: dimension(w.dimension), gap: i18n.points(w.gap, 2) };
    return props.section.weighted === null
      ? t('report.reading.servqualGap', params)
      : t('report.reading.servqualGapWeighted', { ...params, overall: i18n.points(props.section.weighted, 2) });
  };
  const gapColor = (gap: number) => (gap < 0 ? GAP_BELOW : GAP_ABOVE);
  return (
    <Section id="servqual" title={t('report.section.servqual')} reading={reading()}>
      <SmallBase n={props.section.n} />
      <div class="stats">
        <div class="stat">
          <span class="stat-label">{t('report.servqual.unweighted')}</span>
          <span class="stat-value">{i18n.points(props.section.unweighted, 2)}</span>
        </div>
        <Show when={props.section.weighted !== null}>
          <div class="stat" data-testid="servqual-weighted">
            <span class="stat-label">{t('report.servqual.weighted')}</span>
            <span class="stat-value">{i18n.points(props.section.weighted!, 2)}</span>
          </div>
        </Show>
      </div>
      <BarChart
        labels={props.section.dimensions.map((d) => dimension(d.dimension))}
        values={props.section.dimensions.map((d) => d.gap)}
        valueText={props.section.dimensions.map((d) => i18n.points(d.gap, 2))}
        colors={props.section.dimensions.map((d) => gapColor(d.gap))}
        label={t('report.servqual.gap')}
      />
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.servqual.dimension')}</th>
              <th scope="col" class="num">
                {t('report.servqual.expectation')}
              </th>
              <th scope="col" class="num">
                {t('report.servqual.perception')}
              </th>
              <th scope="col" class="num">
                {t('report.servqual.gap')}
              </th>
              <Show when={props.section.weighted !== null}>
                <th scope="col" class="num">
                  {t('report.servqual.importance')}
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.section.dimensions}>
              {(d) => (
                <tr>
                  <th scope="row">{dimension(d.dimension)}</th>
                  <td class="num">{i18n.num(d.expectation, 2)}</td>
                  <td class="num">{i18n.num(d.perception, 2)}</td>
                  <td class="num">
                    <strong>{i18n.points(d.gap, 2)}</strong>
                  </td>
                  <Show when={props.section.weighted !== null}>
                    <td class="num">{d.importance === null ? '—' : i18n.num(d.importance, 1)}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h3>{t('report.servqual.items')}</h3>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.item')}</th>
              <th scope="col">{t('report.servqual.dimension')}</th>
              <th scope="col" class="num">
                {t('report.servqual.expectation')}
              </th>
              <th scope="col" class="num">
                {t('report.servqual.perception')}
              </th>
              <th scope="col" class="num">
                {t('report.servqual.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.section.items}>
              {(item) => (
                <tr>
                  <th scope="row">{props.label(item.key)}</th>
                  <td>{dimension(item.dimension)}</td>
                  <td class="num">{i18n.num(item.expectation, 2)}</td>
                  <td class="num">{i18n.num(item.perception, 2)}</td>
                  <td class="num">
                    <i class="dot" style={{ background: gapColor(item.gap) }} />
                    {i18n.points(item.gap, 2)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Section>
  );
}
