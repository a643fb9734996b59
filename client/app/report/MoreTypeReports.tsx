/** Per-question report cards of dates, yes/no, several fields and the matrix with several scales. */
import { For, Show } from 'solid-js';
import type { QuestionReport } from '../../../shared/api/report';
import type { Question, Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { BarChart } from './charts';

type TextOf = (x: Text | undefined) => string;
type Of<T extends QuestionReport['type']> = Extract<QuestionReport, { type: T }>;
type Q<T extends Question['type']> = Extract<Question, { type: T }>;

// A YYYY-MM-DD date is a calendar day, not an instant: formatted in UTC so no time zone moves it.
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function YesNoReport(props: {
  report: Extract<QuestionReport, { type: 'single' | 'multiple' | 'yesno' }>;
  question: Q<'yesno'>;
  text: TextOf;
}) {
  const i18n = useI18n();
  const label = (v: string | number) =>
    v === 'yes'
      ? props.text(props.question.yesLabel) || i18n.t('report.yes')
      : props.text(props.question.noLabel) || i18n.t('report.no');
  return (
    <BarChart
      labels={props.report.counts.map((c) => label(c.value))}
      values={props.report.counts.map((c) => c.count)}
      valueText={props.report.counts.map((c) => `${i18n.num(c.count)} · ${i18n.pct(c.share)}`)}
      label={i18n.t('report.distribution')}
    />
  );
}

export function DateReport(props: { report: Of<'date'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const month = (ym: string | number) =>
    new Intl.DateTimeFormat(i18n.locale(), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      dayOf(`${ym}-01`),
    );
  const day = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(i18n.locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(dayOf(iso)) : '—';
  return (
    <>
      <div class="stats">
        <div class="stat">
          <span class="stat-label">{t('report.earliest')}</span>
          <span class="stat-value">{day(props.report.earliest)}</span>
        </div>
        <div class="stat">
          <span class="stat-label">{t('report.median')}</span>
          <span class="stat-value">{day(props.report.median)}</span>
        </div>
        <div class="stat">
          <span class="stat-label">{t('report.latest')}</span>
          <span class="stat-value">{day(props.report.latest)}</span>
        </div>
      </div>
      <BarChart
        labels={props.report.counts.map((c) => month(c.value))}
        values={props.report.counts.map((c) => c.count)}
        valueText={props.report.counts.map((c) => `${i18n.num(c.count)} · ${i18n.pct(c.share)}`)}
        label={t('report.byMonth')}
      />
    </>
  );
}

export function FieldsReport(props: { report: Of<'fields'>; question: Q<'fields'>; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (id: string) => props.text(props.question.items.find((x) => x.id === id)?.label) || id;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('report.field')}</th>
            <th scope="col" class="num">
              {t('report.answerCount')}
            </th>
            <Show when={props.question.input === 'number'} fallback={<th scope="col">{t('report.latestFew')}</th>}>
              <th scope="col" class="num">
                {t('report.meanWithCi')}
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.items}>
            {(it) => (
              <tr>
                <th scope="row">{label(it.id)}</th>
                <td class="num">{i18n.num(it.n)}</td>
                <Show
                  when={props.question.input === 'number'}
                  fallback={<td>{(it.latest ?? []).slice(0, 5).join(' · ')}</td>}
                >
                  <td class="num">
                    {it.mean
                      ? `${i18n.num(it.mean.mean, 2)} ± ${i18n.num((it.mean.upper - it.mean.lower) / 2, 2)}`
                      : '—'}
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

export function MatrixScalesReport(props: { report: Of<'matrixScales'>; question: Q<'matrixScales'>; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const item = (id: string) => props.text(props.question.items.find((x) => x.id === id)?.label) || id;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('report.item')}</th>
            <For each={props.question.scales}>
              {(s) => (
                <th scope="col" class="num">
                  {t('report.scaleMean', { scale: props.text(s.label) })}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.items}>
            {(it) => (
              <tr>
                <th scope="row">{item(it.id)}</th>
                <For each={it.scales}>
                  {(s) => (
                    <td class="num">
                      {s.mean
                        ? `${i18n.num(s.mean.mean, 2)} ± ${i18n.num((s.mean.upper - s.mean.lower) / 2, 2)} (n = ${i18n.num(s.n)})`
                        : '—'}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
