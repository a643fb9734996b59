/**
 * A cross-tab of two closed variables within the report's filters and weights: column shares
 * with counts, the letters of the columns a cell is significantly higher than, and the
 * chi-square test read in one sentence (shared/api/report-crosstab.ts).
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { CrosstabCell, CrosstabDto, CrosstabMeanCell, CrosstabRow } from '../../../shared/api/report-crosstab';
import type { AppKey } from '../../../shared/i18n';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { crosstabCsvUrl, crosstabOf, type ReportSource } from './source';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { queryOf, type FilterState } from './FilterBar';
import { readableHidden } from './hidden-fields';

interface Choice {
  name: string;
  label: string;
}

export function CrossTab(props: {
  source: ReportSource;
  report: ReportDto;
  filter: FilterState;
  text: (x: Text | undefined) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rows, setRows] = createSignal('');
  const [columns, setColumns] = createSignal('');
  const choices = (): Choice[] => {
    const out: Choice[] = [];
    for (const q of allQuestions(props.report.definition)) {
      if (q.type === 'single' || q.type === 'multiple' || q.type === 'yesno' || q.type === 'rating' || q.type === 'nps')
        out.push({ name: q.id, label: props.text(q.text) });
      if (q.type === 'matrix')
        for (const item of q.items)
          out.push({ name: `${q.id}.${item.id}`, label: `${props.text(q.text)}: ${props.text(item.label)}` });
      if (q.type === 'date') {
        const label = props.text(q.text);
        out.push({ name: q.id, label: t('report.crosstab.byMonth', { label }) });
        out.push({ name: `${q.id}.quarter`, label: t('report.crosstab.byQuarter', { label }) });
        out.push({ name: `${q.id}.year`, label: t('report.crosstab.byYear', { label }) });
      }
      if (q.type === 'fields' && q.input === 'number')
        for (const item of q.items)
          out.push({ name: `${q.id}.${item.id}`, label: `${props.text(q.text)}: ${props.text(item.label)}` });
      if (q.type === 'matrixScales')
        for (const item of q.items)
          for (const scale of q.scales)
            out.push({
              name: `${q.id}.${item.id}.${scale.id}`,
              label: `${props.text(q.text)}: ${props.text(item.label)} · ${props.text(scale.label)}`,
            });
    }
    // A coded open question: each code a category, as a multiple choice (server/coding/variables.ts).
    for (const c of props.report.filterOptions.coded) {
      const q = allQuestions(props.report.definition).find((x) => x.id === c.questionId);
      out.push({ name: `coded:${c.questionId}`, label: t('report.crosstab.codes', { label: props.text(q?.text) }) });
    }
    for (const [name, h] of Object.entries(readableHidden(props.report.filterOptions.hidden, t)))
      out.push({ name: `hidden:${name}`, label: h.label });
    if (props.report.filterOptions.waves.length > 1) out.push({ name: '@wave', label: t('report.waveCol') });
    if (props.report.filterOptions.weighting) out.push({ name: '@cell', label: t('report.crosstab.cell') });
    return out;
  };
  const query = () => {
    if (!rows() || !columns() || rows() === columns()) return null;
    const params = new URLSearchParams(queryOf(props.filter).replace(/^\?/, ''));
    params.set('rows', rows());
    params.set('columns', columns());
    params.set('lang', i18n.locale());
    return params.toString();
  };
  const [table] = createResource(query, (q) => crosstabOf(props.source, q));
  const picker = (label: string, value: () => string, set: (v: string) => void, testid: string) => (
    <label class="field">
      <span>{label}</span>
      <select value={value()} onChange={(e) => set(e.currentTarget.value)} data-testid={testid}>
        <option value="">—</option>
        <For each={choices()}>{(c) => <option value={c.name}>{c.label}</option>}</For>
      </select>
    </label>
  );
  return (
    // Until a table is chosen there is nothing to print, and the section would take a page of its own.
    <section
      class="card report-section crosstab"
      classList={{ 'no-print': !query() || !table.latest }}
      data-testid="section-crosstab"
    >
      <h2>{t('report.crosstab.title')}</h2>
      <p class="note no-print">{t('report.crosstab.hint')}</p>
      <div class="share-new no-print">
        {picker(t('report.crosstab.rows'), rows, setRows, 'crosstab-rows')}
        {picker(t('report.crosstab.columns'), columns, setColumns, 'crosstab-columns')}
      </div>
      <Show when={[rows(), columns()].some((x) => x.startsWith('coded:'))}>
        <p class="note">{t('report.coded.reference')}</p>
      </Show>
      <Show when={table.error}>
        <p class="warning" role="alert">
          {errorText(t, table.error)}
        </p>
      </Show>
      <Show when={query() ? table.latest : undefined}>
        {(x) => <Table table={x()} csv={crosstabCsvUrl(props.source, query()!)} />}
      </Show>
    </section>
  );
}

const REASON: Record<NonNullable<CrosstabDto['chiSquareReason']>, AppKey> = {
  multiple: 'report.crosstab.noChiMultiple',
  'too-few-categories': 'report.crosstab.noChiFew',
};

function Table(props: { table: CrosstabDto; csv: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const x = () => props.table;
  const letters = (l: string[]) => (l.length ? <strong class="letters">{l.join('')}</strong> : null);
  const share = (c: CrosstabCell) => (c.share === null ? '—' : i18n.pct(c.share));
  const reading = () => {
    const c = x().chiSquare;
    if (!c) return t(REASON[x().chiSquareReason ?? 'too-few-categories']);
    const p = c.p < 0.001 ? `p < ${i18n.num(0.001, 3)}` : `p = ${i18n.num(c.p, 3)}`;
    const params = { rows: x().rows.label, columns: x().columns.label, chi: i18n.num(c.statistic, 1), df: c.df, p };
    return t(c.significant ? 'report.crosstab.related' : 'report.crosstab.unrelated', params);
  };
  const bodyRow = (r: CrosstabRow) => (
    <tr classList={{ group: r.kind === 'group' }}>
      <th scope="row">{r.label}</th>
      <For each={r.cells}>
        {(c) => (
          <td class="num">
            <span class="share">{share(c)}</span>
            {letters(c.higherThan)}
            <span class="ci">{i18n.num(c.count, 1)}</span>
          </td>
        )}
      </For>
      <td class="num total">
        <span class="share">{share(r.total)}</span>
        <span class="ci">{i18n.num(r.total.count, 1)}</span>
      </td>
    </tr>
  );
  const mean = (m: CrosstabMeanCell) => (m.mean === null ? '—' : i18n.num(m.mean, 2));
  return (
    <>
      <p class="reading" data-testid="reading">
        {reading()}
      </p>
      <Show when={x().chiSquare?.cochranWarning}>
        <p class="warning" role="note">
          {t('report.crosstab.cochran')}
        </p>
      </Show>
      <div class="table-wrap">
        <table class="data-table crosstab-table" data-testid="crosstab-table">
          <thead>
            <tr>
              <th scope="col">
                {x().rows.label}
                <span class="ci">{t('report.crosstab.by', { columns: x().columns.label })}</span>
              </th>
              <For each={x().columnHeads}>
                {(h) => (
                  <th scope="col" class="num" data-letter={h.letter}>
                    {h.label}
                    <span class="letter">({h.letter})</span>
                  </th>
                )}
              </For>
              <th scope="col" class="num">
                {t('report.crosstab.total')}
              </th>
            </tr>
            <tr class="bases">
              <th scope="row">{t('report.crosstab.base')}</th>
              <For each={x().columnHeads}>
                {(h) => (
                  <td class="num" data-small-base={h.smallBase ? '' : undefined}>
                    {i18n.num(h.n)}
                    {h.smallBase ? ' †' : ''}
                  </td>
                )}
              </For>
              <td class="num">{i18n.num(x().total.n)}</td>
            </tr>
            <Show when={x().weighting}>
              <tr class="bases" data-testid="crosstab-effective">
                <th scope="row">{t('report.crosstab.effectiveBase')}</th>
                <For each={x().columnHeads}>{(h) => <td class="num">{i18n.num(h.effectiveN, 1)}</td>}</For>
                <td class="num" />
              </tr>
            </Show>
          </thead>
          <tbody>
            <For each={x().body}>{bodyRow}</For>
            <For each={x().groups ?? []}>{bodyRow}</For>
            <Show when={x().mean}>
              {(m) => (
                <tr class="group" data-testid="crosstab-mean">
                  <th scope="row">{t('report.mean')}</th>
                  <For each={m().cells}>
                    {(c) => (
                      <td class="num">
                        {mean(c)}
                        {letters(c.higherThan)}
                      </td>
                    )}
                  </For>
                  <td class="num total">{mean(m().total)}</td>
                </tr>
              )}
            </Show>
          </tbody>
        </table>
      </div>
      <p class="note">{t('report.crosstab.legend')}</p>
      <Show when={x().multipleRows}>
        <p class="note">{t('report.crosstab.multipleRows')}</p>
      </Show>
      <Show when={x().columnHeads.some((h) => h.smallBase)}>
        <p class="note">{t('report.crosstab.smallBase')}</p>
      </Show>
      <Show when={x().weighting}>
        <p class="note">
          {t('report.crosstab.weightedRaoScott', {
            pearson: x().chiSquare?.raoScott ? i18n.num(x().chiSquare!.raoScott!.pearson, 1) : '—',
            delta: x().chiSquare?.raoScott ? i18n.num(x().chiSquare!.raoScott!.designCorrection, 2) : '—',
          })}
        </p>
      </Show>
      <p class="no-print">
        <a class="btn" href={props.csv} download="" data-testid="crosstab-csv">
          {t('report.crosstab.download')}
        </a>
      </p>
    </>
  );
}
