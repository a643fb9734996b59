import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import type { Count, Interval, MeanSummary, QuestionReport, ReportDto } from '../../../shared/api/report';
import { allQuestions, type Question, type Scale, type Text } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';
import { useSession } from '../auth/session';
import { ApiError } from '../lib/api';
import { reportOf, type ReportSource } from './source';
import { EmptyState, ErrorBox, Loading } from '../lib/components';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { KIND_KEY, kindOf } from '../survey/definition';
import { BarChart, NPS_COLORS, scaleColors, StackedChart } from './charts';
import { FilterBar, queryOf, type FilterState } from './FilterBar';
import { ReportSections } from './ReportSections';
import { Verbatims } from './Verbatims';
import { Exports, SharePanel } from './SharePanel';
import { Compare } from './Compare';
import { FieldworkView } from './FieldworkView';
import { pointLabels } from './scale-labels';
import { CrossTab } from './CrossTab';
import { intervalWithheld } from '../../../shared/api/report-readings';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import CustomerValueCard from '../customers/CustomerValueCard';
import { filterFromSearch, searchOfQuery } from './url-state';
import { PrintCover } from './PrintCover';
import { DateReport, FieldsReport, MatrixScalesReport, YesNoReport } from './MoreTypeReports';
import './report.css';
import './phone-tables.css';
import './report-print.css';
import { fitTables } from './fit-tables';
import { fitForPrint } from './print-fit';

export default function ReportPage() {
  const params = useParams<{ id: string }>();
  return <ReportView source={{ survey: params.id }} surveyId={params.id} />;
}

/**
 * The report with its filters, from `source` (a survey in the app, or a share link);
 * a share link passes no surveyId, so nothing links into the app.
 */
export function ReportView(props: { source: ReportSource; surveyId?: string }) {
  const [search, setSearch] = useSearchParams();
  // The view opens as its address says, and every change is written back: a filtered view is a link.
  const [filter, setFilterState] = createSignal<FilterState>(filterFromSearch(search));
  const setFilter = (f: FilterState) => {
    setFilterState(f);
    setSearch(searchOfQuery(queryOf(f)), { replace: true });
  };
  const [report, { refetch }] = createResource(
    () => ({ source: props.source, query: queryOf(filter()) }),
    ({ source, query }) => reportOf(source, query),
  );
  const { t } = useI18n();
  const session = useSession();
  const notPublished = () => report.error instanceof ApiError && report.error.code === 'not-published';
  return (
    <Switch fallback={<Loading />}>
      <Match when={notPublished()}>
        <EmptyState title={t('report.notPublished')} hint={t('report.notPublishedHint')}>
          <Show when={props.surveyId && session.can('researcher')}>
            <A href={`/surveys/${props.surveyId}`} class="btn btn-primary">
              {t('surveys.action.edit')}
            </A>
          </Show>
        </EmptyState>
      </Match>
      <Match when={report.error}>
        <ErrorBox error={report.error} onRetry={refetch} />
      </Match>
      <Match when={report.latest}>
        {(r) => (
          <Report report={r()} source={props.source} inApp={!!props.surveyId} filter={filter()} onFilter={setFilter} />
        )}
      </Match>
    </Switch>
  );
}

function Report(props: {
  report: ReportDto;
  source: ReportSource;
  inApp: boolean;
  filter: FilterState;
  onFilter: (f: FilterState) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const def = () => props.report.definition;
  // The reader's language when the survey has it, else the survey's own default.
  const text = (x: Text | undefined) => pickText(x, i18n.locale(), def().defaultLanguage);
  const questions = () => {
    const byId = new Map(allQuestions(def()).map((q) => [q.id, q]));
    return props.report.questions.map((r, i) => ({ report: r, question: byId.get(r.id)!, number: i + 1 }));
  };

  let article!: HTMLElement;
  onMount(() => {
    onCleanup(fitTables(article));
    onCleanup(fitForPrint(article));
  });

  return (
    <article class="report" ref={article}>
      <PrintCover report={props.report} filter={props.filter} title={text(def().title)} text={text} />
      <header class="page-header report-header">
        <div>
          <Show when={props.inApp}>
            <A href="/surveys" class="back-link no-print">
              <Icon name="back" />
              {t('nav.surveys')}
            </A>
          </Show>
          <h1>{text(def().title)}</h1>
          <p class="muted">{t('report.subtitle')}</p>
        </div>
        <div class="page-header-actions no-print">
          <Show when={props.inApp && session.can('researcher')}>
            <A href={`/surveys/${props.report.surveyId}`} class="btn">
              <Icon name="edit" />
              {t('surveys.action.edit')}
            </A>
          </Show>
          <button type="button" class="btn" onClick={() => window.print()}>
            <Icon name="print" />
            {t('report.print')}
          </button>
        </div>
      </header>
      <Show when={props.inApp}>
        <Exports
          surveyId={props.report.surveyId}
          query={queryOf(props.filter)}
          researcher={session.can('researcher')}
        />
      </Show>
      <Show when={props.inApp && session.can('researcher')}>
        <SharePanel surveyId={props.report.surveyId} />
      </Show>

      <section class="kpis" aria-label={t('report.fieldwork')}>
        <div class="kpi">
          <span class="kpi-label">{t('report.completes')}</span>
          <span class="kpi-value" data-testid="report-completes">
            {i18n.num(props.report.completes)}
          </span>
          <span class="kpi-note" data-testid="report-partials">
            {t(props.report.sections.fieldwork.filtered ? 'report.partialsUnfiltered' : 'report.partials', {
              count: props.report.partials,
            })}
          </span>
        </div>
        <div class="kpi">
          <span class="kpi-label">{t('report.completionRate')}</span>
          <span class="kpi-value">
            {props.report.completionRate === null ? '—' : i18n.pct(props.report.completionRate)}
          </span>
          <span class="kpi-note">
            {t(
              props.report.sections.fieldwork.filtered
                ? 'report.completionRateUnfiltered'
                : 'report.completionRateNote',
            )}
          </span>
        </div>
        <div class="kpi">
          <span class="kpi-label">{t('report.marginOfError')}</span>
          <span class="kpi-value">
            {props.report.marginOfError === null
              ? '—'
              : t('report.pointsMargin', { value: i18n.num(props.report.marginOfError * 100, 1) })}
          </span>
          <span class="kpi-note">{t('report.marginNote')}</span>
        </div>
      </section>

      <Show when={props.report.sections.fieldwork.weighting}>
        {(w) => (
          <p class="note" data-testid="weighting-note">
            {t(w().method === 'raking' ? 'report.weightingNoteRaking' : 'report.weightingNote', {
              n: i18n.num(w().effectiveN, 0),
              deff: i18n.num(w().designEffect, 2),
            })}
          </p>
        )}
      </Show>
      <Show when={props.report.sections.fieldwork.excluded}>
        {(x) => (
          <p class="warning" role="note" data-testid="excluded-note">
            {t('report.excludedFlagged', {
              straight: t('report.count.straightliners', { count: x().straightliners }),
              speeders: t('report.count.speeders', { count: x().speeders }),
            })}
          </p>
        )}
      </Show>
      <FilterBar report={props.report} value={props.filter} onChange={props.onFilter} text={text} />
      <FieldworkView section={props.report.sections.fieldwork} />
      <ReportSections report={props.report} text={text} canSaveLoyalty={props.inApp && session.can('researcher')} />
      <Compare source={props.source} report={props.report} filter={props.filter} text={text} />
      <CrossTab source={props.source} report={props.report} filter={props.filter} text={text} />
      <Show when={props.inApp}>
        <CustomerValueCard surveyId={props.report.surveyId} />
      </Show>
      <Show when={props.report.sections.verbatims}>
        {(v) => (
          <>
            <Show when={props.inApp}>
              <p class="no-print">
                <A href={`/surveys/${props.report.surveyId}/coding`} class="btn" data-testid="report-coding">
                  {t('coding.link')}
                </A>
              </p>
            </Show>
            <Verbatims
              source={props.source}
              query={queryOf(props.filter)}
              initial={v()}
              report={props.report}
              text={text}
            />
          </>
        )}
      </Show>

      <Show
        when={props.report.completes > 0}
        fallback={
          <EmptyState
            title={t('report.empty')}
            hint={t('report.emptyHint')}
            icon={
              <span class="empty-icon">
                <Icon name="chart" size={32} />
              </span>
            }
          />
        }
      >
        <h2 class="print-appendix">{t('report.paper.byQuestion')}</h2>
        <For each={questions()}>
          {(item) => (
            <section
              class="card qreport"
              classList={{ 'print-skip': !PRINTED_TYPES.has(item.report.type) }}
              data-testid="question-report"
              data-question-id={item.report.id}
            >
              <header class="qreport-head">
                <span class="qnum">{t('editor.questionNumber', { n: item.number })}</span>
                <span class="chip">{t(KIND_KEY[kindOf(item.question)])}</span>
                <span
                  class="qreport-n"
                  title={item.report.n > 0 && item.report.n < SMALL_BASE ? t('report.smallBaseMark') : undefined}
                >
                  {t('report.answers', { count: item.report.n })}
                  {item.report.n > 0 && item.report.n < SMALL_BASE ? ' †' : ''}
                </span>
              </header>
              <h2 class="qreport-title">{text(item.question.text)}</h2>
              <Show when={item.report.n > 0} fallback={<p class="muted">{t('report.noAnswers')}</p>}>
                <QuestionBody report={item.report} question={item.question} text={text} />
              </Show>
            </section>
          )}
        </For>
      </Show>
    </article>
  );
}

type TextOf = (x: Text | undefined) => string;

/**
 * The question cards paper carries. An open question's answers are printed once, under Open
 * answers; a research block's card holds only its count, its figures being in its own section.
 */
const PRINTED_TYPES = new Set<QuestionReport['type']>(['single', 'multiple', 'rating', 'nps', 'matrix', 'number']);

function QuestionBody(props: { report: QuestionReport; question: Question; text: TextOf }) {
  const r = props.report;
  const q = props.question;
  // Both come from the same version and never change under a mounted card, so narrowing once is safe.
  switch (r.type) {
    case 'single':
    case 'multiple':
      return <ChoiceReport counts={r.counts} question={q} multiple={r.type === 'multiple'} text={props.text} />;
    case 'rating':
      return q.type === 'rating' ? <RatingReport report={r} scale={q.scale} text={props.text} /> : null;
    case 'nps':
      return <NpsReport report={r} />;
    case 'matrix':
      return q.type === 'matrix' ? <MatrixReport report={r} question={q} text={props.text} /> : null;
    case 'number':
      return <NumberReport report={r} />;
    case 'text':
      return <TextReport report={r} />;
    case 'yesno':
      return q.type === 'yesno' ? <YesNoReport report={r} question={q} text={props.text} /> : null;
    case 'date':
      return <DateReport report={r} />;
    case 'fields':
      return q.type === 'fields' ? <FieldsReport report={r} question={q} text={props.text} /> : null;
    case 'matrixScales':
      return q.type === 'matrixScales' ? <MatrixScalesReport report={r} question={q} text={props.text} /> : null;
  }
}

function Stat(props: { label: string; value: string; note?: string; testid?: string; children?: JSX.Element }) {
  return (
    <div class="stat" data-testid={props.testid}>
      <span class="stat-label">{props.label}</span>
      <span class="stat-value">{props.value}</span>
      <Show when={props.note}>
        <span class="stat-note">{props.note}</span>
      </Show>
    </div>
  );
}

// Notation, not language: "4.12 ± 0.08" and "42 · 12%" read the same everywhere, with the
// numbers themselves in the reader's locale.
function useFormats() {
  const i18n = useI18n();
  return {
    /**
     * Mean ± half the 95% interval, as researchers write it; the mean alone where the interval is
     * withheld (under 30 answers, or all alike: "5 ± 0" would claim a certainty there is not).
     */
    mean: (m: MeanSummary) =>
      intervalWithheld(m.n, m.sd)
        ? i18n.num(m.mean, 2)
        : `${i18n.num(m.mean, 2)} ± ${i18n.num((m.upper - m.lower) / 2, 2)}`,
    /** What the mean's note says: the interval it carries, or why it carries none. */
    meanNote: (m: MeanSummary) => {
      const why = intervalWithheld(m.n, m.sd);
      return i18n.t(
        why === null
          ? 'report.ci95'
          : why === 'small-base'
            ? 'report.noInterval.smallBase'
            : 'report.noInterval.noSpread',
      );
    },
    /** A mean in a table cell: with its reason when it has no interval. */
    meanCell: (m: MeanSummary) => {
      const why = intervalWithheld(m.n, m.sd);
      return why === null
        ? `${i18n.num(m.mean, 2)} ± ${i18n.num((m.upper - m.lower) / 2, 2)}`
        : `${i18n.num(m.mean, 2)}${m.n < SMALL_BASE ? ' †' : ''}`;
    },
    share: (x: Interval) => i18n.pct(x.p),
    shareCi: (x: Interval) => i18n.t('report.ciRange', { lower: i18n.pct(x.lower), upper: i18n.pct(x.upper) }),
    countShare: (c: Count) => `${i18n.num(c.count)} · ${i18n.pct(c.share)}`,
  };
}

function ChoiceReport(props: { counts: Count[]; question: Question; multiple: boolean; text: TextOf }) {
  const { t } = useI18n();
  const f = useFormats();
  const labelOf = (id: string | number) => {
    const q = props.question;
    const option = q.type === 'single' || q.type === 'multiple' ? q.options.find((o) => o.id === id) : undefined;
    return option ? props.text(option.label) : String(id);
  };
  return (
    <>
      <BarChart
        labels={props.counts.map((c) => labelOf(c.value))}
        values={props.counts.map((c) => c.count)}
        valueText={props.counts.map(f.countShare)}
        label={t('report.distribution')}
      />
      <Show when={props.multiple}>
        <p class="note">{t('report.multipleNote')}</p>
      </Show>
    </>
  );
}

/** Scale points as readers know them: the number, with the end labels the survey gave. */
function RatingReport(props: { report: Extract<QuestionReport, { type: 'rating' }>; scale: Scale; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const f = useFormats();
  const label = () => pointLabels(props.scale, props.text);
  return (
    <>
      <div class="stats">
        <Show when={props.report.mean}>
          {(m) => <Stat label={t('report.mean')} value={f.mean(m())} note={f.meanNote(m())} testid="stat-mean" />}
        </Show>
        <Show when={props.report.topBox}>
          {(x) => <Stat label={t('report.topBox')} value={f.share(x())} note={f.shareCi(x())} />}
        </Show>
        <Show when={props.report.topTwoBox}>
          {(x) => <Stat label={t('report.topTwoBox')} value={f.share(x())} note={f.shareCi(x())} />}
        </Show>
        <Show when={props.report.notApplicable > 0}>
          <Stat label={t('report.notApplicable')} value={i18n.num(props.report.notApplicable)} />
        </Show>
      </div>
      <BarChart
        labels={props.report.counts.map((c) => label()(Number(c.value)))}
        values={props.report.counts.map((c) => c.count)}
        valueText={props.report.counts.map(f.countShare)}
        colors={scaleColors(props.report.counts.length)}
        label={t('report.distribution')}
      />
    </>
  );
}

function NpsReport(props: { report: Extract<QuestionReport, { type: 'nps' }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const f = useFormats();
  const colorOf = (score: number) =>
    score <= 6 ? NPS_COLORS.detractor : score <= 8 ? NPS_COLORS.passive : NPS_COLORS.promoter;
  return (
    <>
      <Show when={props.report.nps}>
        {(n) => (
          <div class="nps">
            <div class="nps-score">
              <span class="stat-label">{t('report.nps')}</span>
              <span class="nps-value" data-testid="nps-value">
                {i18n.points(n().nps)}
              </span>
              <span class="stat-note">
                {intervalWithheld(props.report.n, n().marginOfError) === null
                  ? t('report.npsMargin', { margin: i18n.num(n().marginOfError, 1) })
                  : t(props.report.n < SMALL_BASE ? 'report.noInterval.smallBase' : 'report.noInterval.noSpread')}
              </span>
            </div>
            <div class="nps-split">
              <div class="split-bar" aria-hidden="true">
                <span style={{ width: `${n().detractors * 100}%`, background: NPS_COLORS.detractor }} />
                <span style={{ width: `${n().passives * 100}%`, background: NPS_COLORS.passive }} />
                <span style={{ width: `${n().promoters * 100}%`, background: NPS_COLORS.promoter }} />
              </div>
              <dl class="split-legend">
                <div>
                  <dt>
                    <i style={{ background: NPS_COLORS.detractor }} />
                    {t('report.detractors')}
                  </dt>
                  <dd>{i18n.pct(n().detractors)}</dd>
                </div>
                <div>
                  <dt>
                    <i style={{ background: NPS_COLORS.passive }} />
                    {t('report.passives')}
                  </dt>
                  <dd>{i18n.pct(n().passives)}</dd>
                </div>
                <div>
                  <dt>
                    <i style={{ background: NPS_COLORS.promoter }} />
                    {t('report.promoters')}
                  </dt>
                  <dd>{i18n.pct(n().promoters)}</dd>
                </div>
              </dl>
            </div>
          </div>
        )}
      </Show>
      <BarChart
        labels={props.report.counts.map((c) => String(c.value))}
        values={props.report.counts.map((c) => c.count)}
        valueText={props.report.counts.map(f.countShare)}
        colors={props.report.counts.map((c) => colorOf(Number(c.value)))}
        label={t('report.distribution')}
      />
    </>
  );
}

function MatrixReport(props: {
  report: Extract<QuestionReport, { type: 'matrix' }>;
  question: Extract<Question, { type: 'matrix' }>;
  text: TextOf;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const f = useFormats();
  const itemLabel = (id: string) => {
    const item = props.question.items.find((x) => x.id === id);
    return item ? props.text(item.label) : id;
  };
  const series = () => {
    const points = props.report.items[0]?.counts.map((c) => Number(c.value)) ?? [];
    const colors = scaleColors(points.length);
    const label = pointLabels(props.question.scale, props.text);
    return points.map((point, k) => ({
      label: label(point),
      color: colors[k],
      shares: props.report.items.map((it) => it.counts[k]?.share ?? 0),
    }));
  };
  return (
    <>
      <StackedChart
        rows={props.report.items.map((it) => itemLabel(it.id))}
        series={series()}
        shareText={(x) => i18n.pct(x)}
        label={t('report.distribution')}
      />
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
                {t('report.topTwoBox')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.items}>
              {(it) => (
                <tr>
                  <th scope="row">{itemLabel(it.id)}</th>
                  <td class="num">{i18n.num(it.n)}</td>
                  <td class="num">{it.mean ? f.meanCell(it.mean) : '—'}</td>
                  <td class="num">{it.topTwoBox ? f.share(it.topTwoBox) : '—'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}

function NumberReport(props: { report: Extract<QuestionReport, { type: 'number' }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const f = useFormats();
  return (
    <div class="stats">
      <Show when={props.report.mean}>
        {(m) => <Stat label={t('report.mean')} value={f.mean(m())} note={f.meanNote(m())} />}
      </Show>
      <Show when={props.report.min !== null}>
        <Stat label={t('report.min')} value={i18n.num(props.report.min!)} />
      </Show>
      <Show when={props.report.max !== null}>
        <Stat label={t('report.max')} value={i18n.num(props.report.max!)} />
      </Show>
    </div>
  );
}

function TextReport(props: { report: Extract<QuestionReport, { type: 'text' }> }) {
  const i18n = useI18n();
  return (
    <>
      <p class="note">{i18n.t('report.latestAnswers', { count: props.report.latest.length })}</p>
      <ul class="verbatims">
        <For each={props.report.latest}>
          {(answer) => (
            <li class="verbatim">
              <p>{answer.text}</p>
              <time class="muted" dateTime={new Date(answer.at).toISOString()}>
                {i18n.date(answer.at, 'datetime')}
              </time>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
