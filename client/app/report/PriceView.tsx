/**
 * The price tolerance section: Van Westendorp's curves with the four price points and the
 * acceptable range, the NMS trial and revenue curves, and the Gabor-Granger demand and revenue.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { GaborGrangerReport, PriceSection, VanWestendorpReport } from '../../../shared/api/report-research';
import { currencyDigits, formatCurrency, type AppKey } from '../../../shared/i18n';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { joinSentences } from './sentences';
import { LineChart, SERIES_COLORS } from './LineChart';
import { Section, SmallBase } from './section-parts';

type TextOf = (x: Text | undefined) => string;

const BASIS_KEY: Record<NonNullable<PriceSection['recommendation']>['basis'], AppKey> = {
  'gabor-granger': 'report.reading.priceRecommendGg',
  'gabor-granger-in-range': 'report.reading.priceRecommendGgInRange',
  nms: 'report.reading.priceRecommendNms',
  opp: 'report.reading.priceRecommendOpp',
};

/** Money in the question's currency, from a price in major units as respondents typed it. */
function useMoney() {
  const i18n = useI18n();
  return (price: number, currency: string) =>
    formatCurrency(i18n.locale(), Math.round(price * 10 ** currencyDigits(currency)), currency);
}

function VanWestendorpView(props: { r: VanWestendorpReport; title: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = useMoney();
  const m = (x: number) => money(x, props.r.currency);
  type Key = 'tooCheap' | 'notCheap' | 'notExpensive' | 'tooExpensive';
  const curve = (key: Key) => props.r.curves.map((c) => ({ x: c.price, y: c[key] }));
  /** A curve's share at a price, linear between the prices it was computed at: where a point's two curves cross. */
  const at = (key: Key, x: number) => {
    const c = props.r.curves;
    const k = c.findIndex((p) => p.price >= x);
    if (k <= 0) return c[Math.max(0, k)]?.[key] ?? 0;
    const [a, b] = [c[k - 1], c[k]];
    return a[key] + ((b[key] - a[key]) * (x - a.price)) / (b.price - a.price);
  };
  const points = () => [
    { key: 'pmc', label: t('report.price.pmc'), value: props.r.pmc, y: at('tooCheap', props.r.pmc) },
    { key: 'opp', label: t('report.price.opp'), value: props.r.opp, y: at('tooCheap', props.r.opp) },
    { key: 'ipp', label: t('report.price.ipp'), value: props.r.ipp, y: at('notCheap', props.r.ipp) },
    { key: 'pme', label: t('report.price.pme'), value: props.r.pme, y: at('tooExpensive', props.r.pme) },
  ];
  return (
    <div data-testid="van-westendorp">
      <h3>{props.title}</h3>
      <SmallBase n={props.r.valid} />
      <div class="stats">
        <For each={points()}>
          {(p) => (
            <div class="stat" data-point={p.key}>
              <span class="stat-label">{p.label}</span>
              <span class="stat-value">{m(p.value)}</span>
            </div>
          )}
        </For>
      </div>
      <LineChart
        series={[
          { label: t('report.price.tooCheap'), color: SERIES_COLORS[5], dash: [6, 4], points: curve('tooCheap') },
          { label: t('report.price.notCheap'), color: SERIES_COLORS[0], points: curve('notCheap') },
          { label: t('report.price.notExpensive'), color: SERIES_COLORS[1], points: curve('notExpensive') },
          {
            label: t('report.price.tooExpensive'),
            color: SERIES_COLORS[4],
            dash: [6, 4],
            points: curve('tooExpensive'),
          },
        ]}
        share
        xTitle={t('report.price.price')}
        yTitle={t('report.price.share')}
        xText={m}
        yText={(y) => i18n.pct(y)}
        markers={points().map((p) => ({ x: p.value, y: p.y, label: `${p.key.toUpperCase()} ${m(p.value)}` }))}
        band={{ from: props.r.pmc, to: props.r.pme, label: t('report.price.range') }}
        label={t('report.price.vwChart')}
      />
      <p class="note">{t('report.price.valid', { valid: i18n.num(props.r.valid), n: i18n.num(props.r.n) })}</p>
      <Show when={props.r.nms}>
        {(nms) => {
          const at = () => nms().curve.find((p) => p.price === nms().revenueOptimal);
          return (
            <div data-testid="nms">
              <h3>{t('report.price.nms')}</h3>
              <p class="reading">
                {t('report.price.nmsReading', { price: m(nms().revenueOptimal), reach: i18n.pct(at()?.reach ?? 0) })}
              </p>
              <LineChart
                series={[
                  {
                    label: t('report.price.trial'),
                    color: SERIES_COLORS[0],
                    points: nms().curve.map((p) => ({ x: p.price, y: p.reach })),
                  },
                  {
                    label: t('report.price.revenue'),
                    color: SERIES_COLORS[2],
                    dash: [6, 4],
                    axis: 'right',
                    points: nms().curve.map((p) => ({ x: p.price, y: p.revenue })),
                  },
                ]}
                xTitle={t('report.price.price')}
                yTitle={t('report.price.trial')}
                yRightTitle={t('report.price.revenue')}
                xText={m}
                yText={(y) => i18n.pct(y)}
                yRightText={m}
                markers={[
                  { x: nms().revenueOptimal, label: `${t('report.price.revenueMax')} ${m(nms().revenueOptimal)}` },
                ]}
                markerLabels="bottom"
                label={t('report.price.nms')}
              />
              <p class="note" data-testid="trial-note">
                {t('report.price.trialExplained')}
              </p>
            </div>
          );
        }}
      </Show>
    </div>
  );
}

function GaborGrangerView(props: { r: GaborGrangerReport; title: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = useMoney();
  const m = (x: number) => money(x, props.r.currency);
  return (
    <div data-testid="gabor-granger">
      <h3>{props.title}</h3>
      <SmallBase n={props.r.n} />
      <LineChart
        series={[
          {
            label: t('report.price.demand'),
            color: SERIES_COLORS[0],
            points: props.r.points.map((p) => ({ x: p.price, y: p.demand })),
            pointText: props.r.points.map((p) => i18n.pct(p.demand)),
          },
          {
            label: t('report.price.revenue'),
            color: SERIES_COLORS[2],
            dash: [6, 4],
            axis: 'right',
            points: props.r.points.map((p) => ({ x: p.price, y: p.revenue })),
          },
        ]}
        share
        xTitle={t('report.price.price')}
        yTitle={t('report.price.demand')}
        yRightTitle={t('report.price.revenue')}
        xText={m}
        yText={(y) => i18n.pct(y)}
        yRightText={m}
        markers={
          props.r.optimalPrice === null
            ? []
            : [{ x: props.r.optimalPrice, label: `${t('report.price.revenueMax')} ${m(props.r.optimalPrice)}` }]
        }
        markerLabels="bottom"
        label={t('report.price.ladder')}
      />
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.price.price')}</th>
              <th scope="col" class="num">
                {t('report.price.demand')}
              </th>
              <th scope="col" class="num">
                {t('report.price.revenue')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.r.points}>
              {(p) => (
                <tr classList={{ best: p.price === props.r.optimalPrice }}>
                  <th scope="row">{m(p.price)}</th>
                  <td class="num">{i18n.pct(p.demand)}</td>
                  <td class="num">{m(p.revenue)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function PriceView(props: { section: PriceSection; report: ReportDto; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = useMoney();
  const questionText = (id: string) => props.text(allQuestions(props.report.definition).find((q) => q.id === id)?.text);
  /** One recommendation first, then the range it was kept inside: three "best" prices never reconciled is no reading. */
  const reading = () => {
    const r = props.section.recommendation;
    if (!r) return '';
    const price = money(r.price, r.currency);
    const range = r.range ? { low: money(r.range.low, r.currency), high: money(r.range.high, r.currency) } : null;
    const lead = t(BASIS_KEY[r.basis], { price, ...(range ?? { low: '', high: '' }) });
    if (range && r.basis === 'opp') return joinSentences(i18n.locale(), [lead, t('report.reading.priceRange', range)]);
    return range && r.basis === 'gabor-granger'
      ? joinSentences(i18n.locale(), [lead, t('report.reading.priceInRange', range)])
      : lead;
  };
  const methods = () => {
    const s = props.section;
    const keys: AppKey[] = [];
    if (s.vanWestendorp.length) keys.push('report.price.methodVw');
    if (s.vanWestendorp.some((v) => v.nms)) keys.push('report.price.methodNms');
    if (s.gaborGranger.length) keys.push('report.price.methodGg');
    if (keys.length > 1) keys.push('report.price.methodsDiffer');
    return keys.map((k) => t(k));
  };
  return (
    <Section id="price" title={t('report.section.price')} reading={reading()}>
      <Show when={methods().length > 0}>
        <ul class="note price-methods" data-testid="price-methods">
          <For each={methods()}>{(x) => <li>{x}</li>}</For>
        </ul>
      </Show>
      <For each={props.section.vanWestendorp}>
        {(r) => <VanWestendorpView r={r} title={questionText(r.questionId)} />}
      </For>
      <For each={props.section.gaborGranger}>
        {(r) => (
          <>
            <Show when={props.section.vanWestendorp.length > 0 && r.optimalPrice !== null}>
              <p class="reading">
                {t('report.reading.priceLadder', {
                  price: money(r.optimalPrice!, r.currency),
                  demand: i18n.pct(r.points.find((p) => p.price === r.optimalPrice)!.demand),
                })}
              </p>
            </Show>
            <GaborGrangerView r={r} title={questionText(r.questionId)} />
          </>
        )}
      </For>
    </Section>
  );
}
