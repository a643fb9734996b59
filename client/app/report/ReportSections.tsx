/**
 * The manager's report, section by section. Each section shows only when the server sent it, and
 * opens with a one-sentence reading built here from its numbers and the reader's language.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import {
  SMALL_BASE,
  type LoyaltySection,
  type PrioritiesSection,
  type QualitySection,
  type SatisfactionSection,
  type ScaleItem,
  type TrendSection,
  type WaveChange,
} from '../../../shared/api/report-sections';
import { intervalWithheld } from '../../../shared/api/report-readings';
import type { Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { joinSentences } from './sentences';
import { BarChart, NPS_COLORS, scaleColors } from './charts';
import { QuadrantChart } from './QuadrantChart';
import { CompetitionSectionView } from './CompetitionView';
import { PriceView } from './PriceView';
import { ServqualView } from './ServqualView';
import { CasesView } from './CasesSection';
import { ScaleDistribution } from './ScaleDistribution';
import { LoyaltyValue } from './LoyaltyValue';
import { BaseCell, keyLabel, MeanWithInterval, Section, SmallBase } from './section-parts';
import { CodedTrendTables } from './CodedTrend';

type TextOf = (x: Text | undefined) => string;

const QUADRANT_KEY = {
  concentrate: 'report.quadrant.concentrate',
  'keep-up': 'report.quadrant.keep-up',
  'low-priority': 'report.quadrant.low-priority',
  overkill: 'report.quadrant.overkill',
} as const;
const WEIGHTS_KEY = {
  stated: 'report.indexWeights.stated',
  derived: 'report.indexWeights.derived',
  equal: 'report.indexWeights.equal',
} as const;

const QUADRANT_COLORS = {
  concentrate: 'hsl(4, 62%, 50%)',
  'keep-up': 'hsl(146, 50%, 36%)',
  'low-priority': 'hsl(215, 14%, 55%)',
  overkill: 'hsl(38, 80%, 46%)',
} as const;

/** `canSaveLoyalty`: the reader may save the team's loyalty-value figures (a researcher in the app). */
export function ReportSections(props: { report: ReportDto; text: TextOf; canSaveLoyalty?: boolean }) {
  const s = () => props.report.sections;
  const label = () => keyLabel(props.report, props.text);
  return (
    <>
      <Show when={s().quality}>{(q) => <Quality section={q()} />}</Show>
      <Show when={s().satisfaction}>
        {(x) => <Satisfaction section={x()} label={label()} report={props.report} text={props.text} />}
      </Show>
      <Show when={s().priorities}>{(x) => <Priorities section={x()} label={label()} />}</Show>
      <Show when={s().servqual}>{(x) => <ServqualView section={x()} label={label()} />}</Show>
      <Show when={s().loyalty}>
        {(x) => (
          <Loyalty
            section={x()}
            report={props.report}
            currency={props.report.currency}
            canSave={props.canSaveLoyalty ?? false}
          />
        )}
      </Show>
      <Show when={s().price}>{(x) => <PriceView section={x()} report={props.report} text={props.text} />}</Show>
      <Show when={s().competition}>
        {(x) => <CompetitionSectionView section={x()} report={props.report} text={props.text} />}
      </Show>
      <Show when={s().trend}>{(x) => <Trend section={x()} report={props.report} text={props.text} />}</Show>
      <Show when={s().cases}>{(x) => <CasesView section={x()} />}</Show>
    </>
  );
}

function Satisfaction(props: {
  section: SatisfactionSection;
  label: (key: string) => string;
  report: ReportDto;
  text: TextOf;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const o = () => props.section.overall;
  const weakest = () =>
    [...props.section.attributes].filter((a) => a.mean).sort((a, b) => a.mean!.mean - b.mean!.mean)[0];
  const reading = () => {
    const parts: string[] = [];
    const overall = o();
    if (overall?.mean && overall.topBox && overall.secondBox !== null) {
      parts.push(
        t('report.reading.satisfaction', {
          very: i18n.pct(overall.topBox.p),
          satisfied: i18n.pct(overall.secondBox),
          mean: i18n.num(overall.mean.mean, 2),
          max: overall.max,
        }),
      );
    }
    const w = weakest();
    if (w)
      parts.push(
        t('report.reading.weakest', { item: props.label(w.key), mean: i18n.num(w.mean!.mean, 2), max: w.max }),
      );
    return joinSentences(i18n.locale(), parts);
  };
  const row = (a: ScaleItem) => (
    <tr>
      <th scope="row">{props.label(a.key)}</th>
      <BaseCell n={a.n} />
      <td class="num">
        <MeanWithInterval mean={a.mean} withheld={a.meanIntervalWithheld} />
      </td>
      <td class="num">
        {a.topBox ? i18n.pct(a.topBox.p) : '—'}
        <small class="ci">
          {a.topBox ? t('report.ciRange', { lower: i18n.pct(a.topBox.lower), upper: i18n.pct(a.topBox.upper) }) : ''}
        </small>
      </td>
      <td class="num">{a.secondBox === null ? '—' : i18n.pct(a.secondBox)}</td>
      <td class="num">
        {a.topTwoBox ? i18n.pct(a.topTwoBox.p) : '—'}
        <small class="ci">
          {a.topTwoBox
            ? t('report.ciRange', { lower: i18n.pct(a.topTwoBox.lower), upper: i18n.pct(a.topTwoBox.upper) })
            : ''}
        </small>
      </td>
      <td class="num">{a.index100 === null ? '—' : i18n.num(a.index100, 0)}</td>
    </tr>
  );
  const items = () => [...(o() ? [o()!] : []), ...props.section.attributes];
  return (
    <Section id="satisfaction" title={t('report.section.satisfaction')} reading={reading()}>
      <SmallBase n={o()?.n ?? props.section.attributes[0]?.n ?? 0} />
      <Show when={props.section.index}>
        {(ix) => (
          <div class="stats">
            <div class="stat" data-testid="satisfaction-index">
              <span class="stat-label">{t('report.index')}</span>
              <span class="stat-value">{i18n.num(ix().value, 0)}</span>
              <span class="stat-note">{t(WEIGHTS_KEY[ix().weights])}</span>
            </div>
          </div>
        )}
      </Show>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.item')}</th>
              <th scope="col" class="num">
                {t('report.answerCount')}
              </th>
              <th scope="col" class="num">
                {t('report.meanWithCi')}
              </th>
              <th scope="col" class="num">
                {t('report.veryShare')}
              </th>
              <th scope="col" class="num">
                {t('report.satisfiedShare')}
              </th>
              <th scope="col" class="num">
                {t('report.topTwoBox')}
              </th>
              <th scope="col" class="num">
                {t('report.index100')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={items()}>{row}</For>
          </tbody>
        </table>
      </div>
      <Show when={items().some((a) => a.smallBase)}>
        <p class="note">{t('report.smallBaseMark')}</p>
      </Show>
      <Show when={props.section.attributes.length > 0}>
        <BarChart
          min={props.section.attributes[0].min}
          max={props.section.attributes[0].max}
          labels={props.section.attributes.map((a) => props.label(a.key))}
          values={props.section.attributes.map((a) => a.mean?.mean ?? 0)}
          valueText={props.section.attributes.map((a) => (a.mean ? i18n.num(a.mean.mean, 2) : '—'))}
          colors={props.section.attributes.map(() => scaleColors(5)[3])}
          label={t('report.meanWithCi')}
        />
      </Show>
      <ScaleDistribution items={items()} report={props.report} text={props.text} label={props.label} />
    </Section>
  );
}

function Priorities(props: { section: PrioritiesSection; label: (key: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const derived = () => props.section.importance === 'derived';
  const importanceText = (x: number) => i18n.num(x, 2);
  const first = () =>
    props.section.items.filter((i) => i.quadrant === 'concentrate').sort((a, b) => b.importance - a.importance)[0];
  /** The reading claims a first priority only when the data can: importance told apart and the quadrant beyond chance. */
  const reading = () => {
    const f = first();
    if (!props.section.importanceDistinct) return t('report.reading.prioritiesTied');
    if (!f) return t('report.reading.prioritiesNone');
    return t(f.settled ? 'report.reading.priorities' : 'report.reading.prioritiesUnsettled', {
      item: props.label(f.key),
    });
  };
  // Bare "lower–upper" under each figure: the legend names them as 95% intervals, and the table must fit an A4 page.
  const fixed = (x: number, digits: number) =>
    new Intl.NumberFormat(i18n.locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  const interval = (x: { lower: number; upper: number } | null, digits: number) =>
    x ? `${fixed(x.lower, digits)}–${fixed(x.upper, digits)}` : '';
  return (
    <Section id="priorities" title={t('report.section.priorities')} reading={reading()}>
      <Show when={props.section.smallBase}>
        <SmallBase n={props.section.base} />
      </Show>
      <QuadrantChart
        points={props.section.items.map((i) => ({
          label: props.label(i.key),
          x: i.performance,
          y: i.importance,
          color: QUADRANT_COLORS[i.quadrant],
          xInterval: i.performanceInterval,
          yInterval: i.importanceInterval,
        }))}
        crosshairs={{ x: props.section.crosshairs.performance, y: props.section.crosshairs.importance }}
        xRange={props.section.ranges.performance}
        yRange={props.section.ranges.importance}
        xLabel={t('report.performance')}
        yLabel={t(derived() ? 'report.importanceDerived' : 'report.importanceStated')}
        corners={[
          t('report.quadrant.concentrate'),
          t('report.quadrant.keep-up'),
          t('report.quadrant.low-priority'),
          t('report.quadrant.overkill'),
        ]}
        label={t('report.section.priorities')}
      />
      <p class="note">{t(derived() ? 'report.priorities.legendDerived' : 'report.priorities.legendStated')}</p>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.item')}</th>
              <th scope="col" class="num">
                {t('report.answerCount')}
              </th>
              <th scope="col">{t('report.quadrantCol')}</th>
              <th scope="col" class="num">
                {t(derived() ? 'report.correlation' : 'report.importanceStated')}
              </th>
              <th scope="col" class="num">
                {t('report.performance')}
              </th>
              <th scope="col" class="num">
                {t('report.relativeImportance')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For
              each={[...props.section.items].sort((a, b) => (b.relativeImportance ?? 0) - (a.relativeImportance ?? 0))}
            >
              {(i) => (
                <tr data-testid="priority-row">
                  <th scope="row">{props.label(i.key)}</th>
                  <BaseCell n={i.n} />
                  <td>
                    <i class="dot" style={{ background: QUADRANT_COLORS[i.quadrant] }} />
                    {t(QUADRANT_KEY[i.quadrant])}
                    <Show when={!i.settled}>
                      <br />
                      <small class="muted" data-testid="unsettled">
                        {t('report.priorities.unsettled')}
                      </small>
                    </Show>
                  </td>
                  <td class="num">
                    {importanceText(i.importance)}
                    <small class="ci">{interval(i.importanceInterval, 2)}</small>
                  </td>
                  <td class="num">
                    {i18n.num(i.performance, 2)}
                    <small class="ci">{interval(i.performanceInterval, 2)}</small>
                  </td>
                  <td class="num">{i.relativeImportance === null ? '—' : i18n.pct(i.relativeImportance / 100)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.section.items.some((i) => i.n < SMALL_BASE)}>
        <p class="note">{t('report.smallBaseMark')}</p>
      </Show>
    </Section>
  );
}

function Loyalty(props: { section: LoyaltySection; report: ReportDto; currency: string | null; canSave: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reading = () => {
    const n = props.section.nps;
    const loyal = props.section.loyal;
    const loyalText = loyal ? t('report.reading.loyalOnly', { loyal: i18n.pct(loyal.p) }) : '';
    if (n?.marginWithheld) {
      // No "±0": too few answers, or all in one group, give no margin worth printing.
      const npsText = t(
        n.marginWithheld === 'small-base' ? 'report.reading.npsSmallBase' : 'report.reading.npsNoSpread',
        { nps: i18n.points(n.nps), n: i18n.num(n.n) },
      );
      return joinSentences(i18n.locale(), [npsText, loyalText]);
    }
    if (n && loyal)
      return t('report.reading.loyalty', {
        nps: i18n.points(n.nps),
        margin: i18n.num(n.marginOfError, 1),
        loyal: i18n.pct(loyal.p),
      });
    if (n) return t('report.reading.npsOnly', { nps: i18n.points(n.nps), margin: i18n.num(n.marginOfError, 1) });
    return loyalText;
  };
  const curve = () => (props.section.curve ?? []).filter((c) => c.rate !== null);
  return (
    <Section id="loyalty" title={t('report.section.loyalty')} reading={reading()}>
      <SmallBase n={props.section.nps?.n ?? props.section.loyal?.n ?? 0} />
      <Show when={props.section.nps}>
        {(n) => (
          <BarChart
            labels={[t('report.detractors'), t('report.passives'), t('report.promoters')]}
            values={[n().detractors, n().passives, n().promoters]}
            valueText={[i18n.pct(n().detractors), i18n.pct(n().passives), i18n.pct(n().promoters)]}
            colors={[NPS_COLORS.detractor, NPS_COLORS.passive, NPS_COLORS.promoter]}
            label={t('report.nps')}
          />
        )}
      </Show>
      <Show when={curve().length > 0}>
        <h3>{t(props.section.curveMeasure === 'promoter' ? 'report.curvePromoters' : 'report.curve')}</h3>
        <BarChart
          labels={curve().map((c) => t('report.level', { level: c.level }))}
          values={curve().map((c) => c.rate!)}
          valueText={curve().map((c) => `${i18n.pct(c.rate!)} · n ${i18n.num(c.n)}${c.n < SMALL_BASE ? ' †' : ''}`)}
          label={t('report.curve')}
        />
        <Show when={curve().some((c) => c.n < SMALL_BASE)}>
          <p class="note">{t('report.smallBaseMark')}</p>
        </Show>
      </Show>
      <LoyaltyValue
        section={props.section}
        surveyId={props.report.surveyId}
        currency={props.currency}
        saved={props.report.loyaltyValue}
        canSave={props.canSave}
      />
    </Section>
  );
}

function Quality(props: { section: QualitySection }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reading = () =>
    t('report.reading.qualityFound', {
      straight: t('report.count.straightliners', { count: props.section.straightliners }),
      speeders: t('report.count.speeders', { count: props.section.speeders }),
    });
  return (
    <Section id="quality" title={t('report.section.quality')} reading={reading()}>
      <div class="stats">
        <div class="stat">
          <span class="stat-label">{t('report.straightliners')}</span>
          <span class="stat-value">{i18n.num(props.section.straightliners)}</span>
        </div>
        <div class="stat">
          <span class="stat-label">{t('report.speeders')}</span>
          <span class="stat-value">{i18n.num(props.section.speeders)}</span>
        </div>
        <Show when={props.section.medianSeconds !== null}>
          <div class="stat">
            <span class="stat-label">{t('report.medianTime')}</span>
            <span class="stat-value">{t('report.seconds', { n: i18n.num(props.section.medianSeconds!, 0) })}</span>
          </div>
        </Show>
      </div>
      <Show when={props.section.excluded.length > 0}>
        <p class="warning" role="note">
          {t('report.excludedNote')}
        </p>
      </Show>
    </Section>
  );
}

function Trend(props: { section: TrendSection; report: ReportDto; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const withSat = () => props.section.waves.filter((w) => w.satisfaction);
  const reading = () => {
    const w = withSat();
    if (w.length < 2) return '';
    const a = w[0];
    const b = w[w.length - 1];
    const trend = t('report.reading.trend', {
      from: i18n.num(a.satisfaction!.mean, 2),
      to: i18n.num(b.satisfaction!.mean, 2),
      first: a.wave,
      last: b.wave,
    });
    // The last step, where the test can speak: a small base says nothing either way.
    const waves = props.section.waves;
    const last = waves[waves.length - 1];
    const step = last.change;
    if (!step?.satisfaction || step.smallBase) return trend;
    const previous = waves[waves.length - 2].wave;
    return joinSentences(i18n.locale(), [
      trend,
      t(step.satisfaction.significant ? 'report.reading.trendSignificant' : 'report.reading.trendWithinChance', {
        previous,
      }),
    ]);
  };
  /** A figure's change from the wave before, under it: arrow, signed difference, * when significant. */
  const delta = (c: WaveChange | null | undefined, text: (d: number) => string) => (
    <Show when={c}>
      {(x) => (
        <span class="change" classList={{ significant: x().significant }} data-testid="trend-change">
          {x().difference > 0 ? '▲' : x().difference < 0 ? '▼' : '='} {text(x().difference)}
          {x().significant ? '*' : ''}
        </span>
      )}
    </Show>
  );
  return (
    <Section id="trend" title={t('report.section.trend')} reading={reading()}>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.waveCol')}</th>
              <th scope="col" class="num">
                {t('report.answerCount')}
              </th>
              <th scope="col" class="num">
                {t('report.meanWithCi')}
              </th>
              <th scope="col" class="num">
                {t('report.topTwoBox')}
              </th>
              <th scope="col" class="num">
                {t('report.nps')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.section.waves}>
              {(w) => (
                <tr>
                  <th scope="row">{t('report.wave', { n: w.wave })}</th>
                  <BaseCell n={w.n} />
                  <td class="num">
                    <MeanWithInterval
                      mean={w.satisfaction}
                      withheld={w.satisfaction ? intervalWithheld(w.satisfaction.n, w.satisfaction.sd) : null}
                    />
                    {delta(w.change?.satisfaction, (d) => i18n.points(d, 2))}
                  </td>
                  <td class="num">
                    {w.topTwoBox ? i18n.pct(w.topTwoBox.p) : '—'}
                    {delta(w.change?.topTwoBox, (d) => i18n.points(100 * d, 1))}
                  </td>
                  <td class="num">
                    {w.nps === null
                      ? '—'
                      : intervalWithheld(w.n, w.npsMargin ?? 0)
                        ? i18n.points(w.nps)
                        : `${i18n.points(w.nps)} ± ${i18n.num(w.npsMargin!, 1)}`}
                    {delta(w.change?.nps, (d) => i18n.points(d))}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="note">{t('report.trend.legend')}</p>
      <Show when={props.section.waves.some((w) => w.n < SMALL_BASE)}>
        <p class="note">{t('report.smallBaseMark')}</p>
      </Show>
      <CodedTrendTables trend={props.section.coded} report={props.report} text={props.text} />
    </Section>
  );
}
