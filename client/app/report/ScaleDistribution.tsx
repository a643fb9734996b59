/**
 * The satisfaction section's distribution chart: one 100% bar per rated item, split by scale
 * point, so a manager sees at a glance where the dissatisfied are and how many are very satisfied.
 * Items on another scale than the first (a 1–7 beside 1–5s) would not line up point by point,
 * so only those sharing the first item's scale are drawn; the table above has them all.
 */
import { Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { ScaleItem } from '../../../shared/api/report-sections';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { scaleColors, StackedChart } from './charts';
import { pointLabels } from './scale-labels';

export function ScaleDistribution(props: {
  items: ScaleItem[];
  report: ReportDto;
  text: (x: Text | undefined) => string;
  label: (key: string) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const drawn = () => {
    const first = props.items[0];
    return first ? props.items.filter((a) => a.min === first.min && a.max === first.max && a.n > 0) : [];
  };
  const series = () => {
    const items = drawn();
    const q = allQuestions(props.report.definition).find((x) => x.id === items[0].questionId);
    const scale = q && 'scale' in q && q.scale ? q.scale : { min: items[0].min, max: items[0].max };
    const label = pointLabels(scale, props.text);
    const points = Array.from({ length: items[0].max - items[0].min + 1 }, (_, k) => items[0].min + k);
    const colors = scaleColors(points.length);
    return points.map((point, k) => ({
      label: label(point),
      color: colors[k],
      shares: items.map((a) => a.counts.find((c) => Number(c.value) === point)?.share ?? 0),
    }));
  };
  return (
    <Show when={drawn().length > 1}>
      <h3>{t('report.distribution')}</h3>
      <div data-testid="satisfaction-distribution">
        <StackedChart
          rows={drawn().map((a) => props.label(a.key))}
          series={series()}
          shareText={(x) => i18n.pct(x)}
          label={t('report.distribution')}
        />
      </div>
    </Show>
  );
}
