/**
 * Two segments side by side: the headline measures of segment A (the report's filter) and of a
 * segment B chosen here, each from its own report request. No significance marks: only a test
 * may say a difference is real, and these are shown as measured, with their intervals.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { NO_FILTER, queryOf } from './FilterBar';

export function Compare(props: { base: string; report: ReportDto; text: (x: Text | undefined) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = createSignal('');
  const [value, setValue] = createSignal('');
  const closed = () => allQuestions(props.report.definition).filter((q) => q.type === 'single');
  const [other] = createResource(
    () => (name() && value() ? queryOf({ ...NO_FILTER, conditions: [{ name: name(), values: [value()] }] }) : null),
    (query) => api.get<ReportDto>(`${props.base}/report${query}`),
  );
  const options = () => {
    const q = closed().find((x) => x.id === name());
    return q && q.type === 'single' ? q.options.map((o) => ({ id: o.id, label: props.text(o.label) })) : [];
  };
  const rows = (r: ReportDto) => {
    const s = r.sections;
    const o = s.satisfaction?.overall;
    return [
      { key: t('report.completes'), value: i18n.num(r.completes), small: r.completes < SMALL_BASE },
      { key: t('report.mean'), value: o?.mean ? `${i18n.num(o.mean.mean, 2)} ± ${i18n.num((o.mean.upper - o.mean.lower) / 2, 2)}` : '—' },
      { key: t('report.topTwoBox'), value: o?.topTwoBox ? `${i18n.pct(o.topTwoBox.p)} · ${t('report.ciRange', { lower: i18n.pct(o.topTwoBox.lower), upper: i18n.pct(o.topTwoBox.upper) })}` : '—' },
      { key: t('report.index'), value: s.satisfaction?.index ? i18n.num(s.satisfaction.index.value, 0) : '—' },
      { key: t('report.nps'), value: s.loyalty?.nps ? `${i18n.points(s.loyalty.nps.nps)} ± ${i18n.num(s.loyalty.nps.marginOfError, 1)}` : '—' },
    ];
  };
  return (
    <section class="card report-section compare" data-testid="section-compare">
      <h2>{t('report.compare.title')}</h2>
      <p class="note">{t('report.compare.hint')}</p>
      <div class="share-new no-print">
        <label class="field">
          <span>{t('report.compare.question')}</span>
          <select value={name()} onChange={(e) => { setName(e.currentTarget.value); setValue(''); }}>
            <option value="">—</option>
            <For each={closed()}>{(q) => <option value={q.id}>{props.text(q.text)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('report.compare.value')}</span>
          <select value={value()} onChange={(e) => setValue(e.currentTarget.value)} data-testid="compare-value">
            <option value="">—</option>
            <For each={options()}>{(o) => <option value={o.id}>{o.label}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={other.latest}>
        {(b) => (
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.item')}</th>
                  <th scope="col" class="num">{t('report.compare.a')}</th>
                  <th scope="col" class="num">{t('report.compare.b')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows(props.report)}>
                  {(row, i) => (
                    <tr>
                      <th scope="row">{row.key}</th>
                      <td class="num">{row.value}</td>
                      <td class="num">{rows(b())[i()].value}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={b().completes < SMALL_BASE || props.report.completes < SMALL_BASE}>
              <p class="warning" role="note">{t('report.compare.smallBase')}</p>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
