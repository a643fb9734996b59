/**
 * The report's sections for the research question types: SERVQUAL gaps, price tolerance and
 * competitive standing. Each opens with a one-sentence reading built from its numbers.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type {
  CompetitionQuestion, CompetitionSection, GaborGrangerReport, PriceSection, ServqualSection, VanWestendorpReport,
} from '../../../shared/api/report-research';
import { currencyDigits, formatCurrency } from '../../../shared/i18n';
import { allQuestions, type Question, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { GroupedBarChart, BarChart } from './charts';
import { LineChart, SERIES_COLORS } from './LineChart';
import { Section, SmallBase } from './ReportSections';

type TextOf = (x: Text | undefined) => string;

const DIMENSION_KEY = {
  tangibles: 'editor.dimension.tangibles', reliability: 'editor.dimension.reliability', responsiveness: 'editor.dimension.responsiveness',
  assurance: 'editor.dimension.assurance', empathy: 'editor.dimension.empathy',
} as const;

const GAP_BELOW = 'hsl(4, 62%, 50%)';
const GAP_ABOVE = 'hsl(146, 50%, 36%)';

/** Money in the question's currency, from a price in major units as respondents typed it. */
function useMoney() {
  const i18n = useI18n();
  return (price: number, currency: string) => formatCurrency(i18n.locale(), Math.round(price * 10 ** currencyDigits(currency)), currency);
}

export function ServqualView(props: { section: ServqualSection; label: (key: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const dimension = (d: string) => (d in DIMENSION_KEY ? t(DIMENSION_KEY[d as keyof typeof DIMENSION_KEY]) : d);
  const widest = () => [...props.section.dimensions].sort((a, b) => a.gap - b.gap)[0];
  const reading = () => {
    const w = widest();
    if (!w) return '';
    if (w.gap >= 0) return t('report.reading.servqualNone');
    const params = { dimension: dimension(w.dimension), gap: i18n.points(w.gap, 1) };
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
              <th scope="col" class="num">{t('report.servqual.expectation')}</th>
              <th scope="col" class="num">{t('report.servqual.perception')}</th>
              <th scope="col" class="num">{t('report.servqual.gap')}</th>
              <Show when={props.section.weighted !== null}><th scope="col" class="num">{t('report.servqual.importance')}</th></Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.section.dimensions}>
              {(d) => (
                <tr>
                  <th scope="row">{dimension(d.dimension)}</th>
                  <td class="num">{i18n.num(d.expectation, 2)}</td>
                  <td class="num">{i18n.num(d.perception, 2)}</td>
                  <td class="num"><strong>{i18n.points(d.gap, 2)}</strong></td>
                  <Show when={props.section.weighted !== null}><td class="num">{d.importance === null ? '—' : i18n.num(d.importance, 1)}</td></Show>
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
              <th scope="col" class="num">{t('report.servqual.expectation')}</th>
              <th scope="col" class="num">{t('report.servqual.perception')}</th>
              <th scope="col" class="num">{t('report.servqual.gap')}</th>
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
                  <td class="num"><i class="dot" style={{ background: gapColor(item.gap) }} />{i18n.points(item.gap, 2)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function VanWestendorpView(props: { r: VanWestendorpReport; title: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = useMoney();
  const m = (x: number) => money(x, props.r.currency);
  const curve = (key: 'tooCheap' | 'cheap' | 'expensive' | 'tooExpensive') => props.r.curves.map((c) => ({ x: c.price, y: c[key] }));
  const points = () => [
    { key: 'pmc', label: t('report.price.pmc'), value: props.r.pmc },
    { key: 'opp', label: t('report.price.opp'), value: props.r.opp },
    { key: 'ipp', label: t('report.price.ipp'), value: props.r.ipp },
    { key: 'pme', label: t('report.price.pme'), value: props.r.pme },
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
          { label: t('report.price.cheap'), color: SERIES_COLORS[0], points: curve('cheap') },
          { label: t('report.price.expensive'), color: SERIES_COLORS[1], points: curve('expensive') },
          { label: t('report.price.tooExpensive'), color: SERIES_COLORS[4], dash: [6, 4], points: curve('tooExpensive') },
        ]}
        share
        xTitle={t('report.price.price')}
        yTitle={t('report.price.share')}
        xText={m}
        yText={(y) => i18n.pct(y)}
        markers={points().map((p) => ({ x: p.value, label: `${p.key.toUpperCase()} ${m(p.value)}` }))}
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
              <p class="reading">{t('report.price.nmsReading', { price: m(nms().revenueOptimal), reach: i18n.pct(at()?.reach ?? 0) })}</p>
              <LineChart
                series={[
                  { label: t('report.price.trial'), color: SERIES_COLORS[0], points: nms().curve.map((p) => ({ x: p.price, y: p.reach })) },
                  { label: t('report.price.revenue'), color: SERIES_COLORS[2], dash: [6, 4], axis: 'right', points: nms().curve.map((p) => ({ x: p.price, y: p.revenue })) },
                ]}
                xTitle={t('report.price.price')}
                yTitle={t('report.price.trial')}
                yRightTitle={t('report.price.revenue')}
                xText={m}
                yText={(y) => i18n.pct(y)}
                yRightText={m}
                markers={[{ x: nms().revenueOptimal, label: `${t('report.price.revenueMax')} ${m(nms().revenueOptimal)}` }]}
                markerLabels="bottom"
                label={t('report.price.nms')}
              />
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
          { label: t('report.price.demand'), color: SERIES_COLORS[0], points: props.r.points.map((p) => ({ x: p.price, y: p.demand })), pointText: props.r.points.map((p) => i18n.pct(p.demand)) },
          { label: t('report.price.revenue'), color: SERIES_COLORS[2], dash: [6, 4], axis: 'right', points: props.r.points.map((p) => ({ x: p.price, y: p.revenue })) },
        ]}
        share
        xTitle={t('report.price.price')}
        yTitle={t('report.price.demand')}
        yRightTitle={t('report.price.revenue')}
        xText={m}
        yText={(y) => i18n.pct(y)}
        yRightText={m}
        markers={props.r.optimalPrice === null ? [] : [{ x: props.r.optimalPrice, label: `${t('report.price.revenueMax')} ${m(props.r.optimalPrice)}` }]}
        markerLabels="bottom"
        label={t('report.price.ladder')}
      />
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.price.price')}</th>
              <th scope="col" class="num">{t('report.price.demand')}</th>
              <th scope="col" class="num">{t('report.price.revenue')}</th>
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
  const reading = () => {
    const vw = props.section.vanWestendorp[0];
    if (vw) return t('report.reading.price', { low: money(vw.pmc, vw.currency), high: money(vw.pme, vw.currency), opp: money(vw.opp, vw.currency) });
    const gg = props.section.gaborGranger.find((g) => g.optimalPrice !== null);
    if (gg) {
      const best = gg.points.find((p) => p.price === gg.optimalPrice)!;
      return t('report.reading.priceLadder', { price: money(best.price, gg.currency), demand: i18n.pct(best.demand) });
    }
    return '';
  };
  return (
    <Section id="price" title={t('report.section.price')} reading={reading()}>
      <For each={props.section.vanWestendorp}>{(r) => <VanWestendorpView r={r} title={questionText(r.questionId)} />}</For>
      <For each={props.section.gaborGranger}>
        {(r) => (
          <>
            <Show when={props.section.vanWestendorp.length > 0 && r.optimalPrice !== null}>
              <p class="reading">{t('report.reading.priceLadder', {
                price: money(r.optimalPrice!, r.currency), demand: i18n.pct(r.points.find((p) => p.price === r.optimalPrice)!.demand),
              })}</p>
            </Show>
            <GaborGrangerView r={r} title={questionText(r.questionId)} />
          </>
        )}
      </For>
    </Section>
  );
}

type Competitor = Extract<Question, { type: 'competitor' }>;

function CompetitionView(props: { q: CompetitionQuestion; question: Competitor; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const brand = (id: string) => props.text(props.question.brands.find((b) => b.id === id)?.label) || id;
  const attribute = (id: string) => props.text(props.question.attributes.find((a) => a.id === id)?.label) || id;
  const list = (ids: string[]) => new Intl.ListFormat(i18n.locale(), { type: 'conjunction' }).format(ids.map(attribute));
  const strengths = () => props.q.attributes.filter((a) => a.strength);
  const weaknesses = () => props.q.attributes.filter((a) => a.weakness);
  const reading = () => {
    const own = brand(props.q.ownBrand);
    const s = list(strengths().map((a) => a.attribute));
    const w = list(weaknesses().map((a) => a.attribute));
    if (s && w) return t('report.reading.competition', { brand: own, strengths: s, weaknesses: w });
    if (s) return t('report.reading.competitionStrengths', { brand: own, strengths: s });
    if (w) return t('report.reading.competitionWeaknesses', { brand: own, weaknesses: w });
    return t('report.reading.competitionNone', { brand: own });
  };
  const mark = (c: { significant: boolean; smallBase: boolean }) => (c.significant ? ' *' : c.smallBase ? ' †' : '');
  const detail = (a: CompetitionQuestion['attributes'][number], sign: 1 | -1) => a.competitors
    .filter((c) => c.significant && Math.sign(c.difference!) === sign)
    .map((c) => t('report.competition.diffVs', { diff: i18n.points(c.difference!, 2), brand: brand(c.brand) }))
    .join(', ');
  const brands = () => [props.q.ownBrand, ...props.q.brands.filter((b) => b !== props.q.ownBrand)];
  const scoreOf = (a: CompetitionQuestion['attributes'][number], b: string) => (b === props.q.ownBrand ? a.own : a.competitors.find((c) => c.brand === b)!);
  return (
    <div data-testid="competition">
      <p class="reading" data-testid="reading">{reading()}</p>
      <GroupedBarChart
        rows={props.q.attributes.map((a) => attribute(a.attribute))}
        series={brands().map((b, k) => ({
          label: brand(b),
          color: SERIES_COLORS[k % SERIES_COLORS.length],
          values: props.q.attributes.map((a) => scoreOf(a, b).mean),
          text: props.q.attributes.map((a) => {
            const s = scoreOf(a, b);
            const versus = a.competitors.find((c) => c.brand === b);
            return s.mean === null ? '—' : `${i18n.num(s.mean, 2)}${versus ? mark(versus) : ''}`;
          }),
        }))}
        max={props.q.scale.max}
        label={t('report.section.competition')}
      />
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.competition.attribute')}</th>
              <th scope="col" class="num">{brand(props.q.ownBrand)}</th>
              <For each={props.q.brands.filter((b) => b !== props.q.ownBrand)}>
                {(b) => <th scope="col" class="num">{brand(b)}<small class="ci">{t('report.competition.difference')}</small></th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.q.attributes}>
              {(a) => (
                <tr>
                  <th scope="row">{attribute(a.attribute)}</th>
                  <td class="num">{a.own.mean === null ? '—' : i18n.num(a.own.mean, 2)}<small class="ci">n {i18n.num(a.own.n)}</small></td>
                  <For each={a.competitors}>
                    {(c) => (
                      <td class="num">
                        {c.mean === null ? '—' : i18n.num(c.mean, 2)}
                        <small class="ci">
                          <span classList={{ ahead: c.significant && c.difference! > 0, behind: c.significant && c.difference! < 0 }}>{c.difference === null ? '' : `${i18n.points(c.difference, 2)}${mark(c)}`}</span> · n {i18n.num(c.n)}
                        </small>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
            <tr>
              <th scope="row">{t('report.competition.awareness')}</th>
              <For each={brands()}>{(b) => <td class="num">{i18n.pct(props.q.awareness[props.q.brands.indexOf(b)])}</td>}</For>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="note">{t('report.competition.legend')}</p>
      <div class="sw-lists">
        <div>
          <h3>{t('report.competition.strengths')}</h3>
          <Show when={strengths().length > 0} fallback={<p class="muted">{t('report.competition.none')}</p>}>
            <ul data-testid="strengths"><For each={strengths()}>{(a) => <li><strong>{attribute(a.attribute)}</strong> · {detail(a, 1)}</li>}</For></ul>
          </Show>
        </div>
        <div>
          <h3>{t('report.competition.weaknesses')}</h3>
          <Show when={weaknesses().length > 0} fallback={<p class="muted">{t('report.competition.none')}</p>}>
            <ul data-testid="weaknesses"><For each={weaknesses()}>{(a) => <li><strong>{attribute(a.attribute)}</strong> · {detail(a, -1)}</li>}</For></ul>
          </Show>
        </div>
      </div>
    </div>
  );
}

export function CompetitionSectionView(props: { section: CompetitionSection; report: ReportDto; text: TextOf }) {
  const { t } = useI18n();
  const question = (id: string) => allQuestions(props.report.definition).find((q): q is Competitor => q.id === id && q.type === 'competitor');
  return (
    <Section id="competition" title={t('report.section.competition')}>
      <For each={props.section.questions}>
        {(q) => (
          <Show when={question(q.questionId)}>
            {(def) => (
              <>
                <Show when={props.section.questions.length > 1}><h3>{props.text(def().text)}</h3></Show>
                <SmallBase n={q.n} />
                <CompetitionView q={q} question={def()} text={props.text} />
              </>
            )}
          </Show>
        )}
      </For>
    </Section>
  );
}
