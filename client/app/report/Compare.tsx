/**
 * Two segments side by side: two values of one dimension the filters offer (a single-choice
 * answer, an NPS group, a satisfaction score or a hidden field's value), each within the report's
 * filters, from two report requests. Differences are marked significant only when a test says so
 * (shared/api/report-compare.ts) and never for a segment under 30 responses. The tests need two
 * groups no respondent is in twice, which two codes of an open question are not (an answer may
 * have both): a code is compared with the answers that don't mention it.
 */
import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import { compareSegments, type SegmentTest } from '../../../shared/api/report-compare';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import type { Text } from '../../../shared/survey/schema';
import { reportOf, type ReportSource } from './source';
import { useI18n } from '../lib/i18n';
import { ChoiceOptions, dimensions, queryOf, type FilterState } from './FilterBar';
import { compareFromSearch } from './url-state';
import { intervalWithheld } from '../../../shared/api/report-readings';

export function Compare(props: {
  source: ReportSource;
  report: ReportDto;
  filter: FilterState;
  text: (x: Text | undefined) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  // The comparison lives in the address with the filters (`compare`, `a`, `b`), so it is bookmarked too.
  const [search, setSearch] = useSearchParams();
  const initial = compareFromSearch(search);
  const [name, setNameState] = createSignal(initial.name);
  const [valueA, setValueAState] = createSignal(initial.a);
  const [valueB, setValueBState] = createSignal(initial.b);
  const written = (key: 'compare' | 'a' | 'b', set: (v: string) => void) => (value: string) => {
    set(value);
    setSearch({ [key]: value || undefined }, { replace: true });
  };
  /** A new dimension starts with no segments picked: one write, so the address never holds a stale pair. */
  const setName = (value: string) => {
    setNameState(value);
    setValueAState('');
    setValueBState('');
    setSearch({ compare: value || undefined, a: undefined, b: undefined }, { replace: true });
  };
  const setValueB = written('b', setValueBState);
  const dims = () => dimensions(props.report, props.text, t);
  const dim = () => dims().find((d) => d.name === name());
  /** A code's segment B is always the answers without it. */
  const setValueA = (value: string) => {
    setValueAState(value);
    if (!dim()?.coded) return setSearch({ a: value || undefined }, { replace: true });
    const b = value ? `!${value}` : '';
    setValueBState(b);
    setSearch({ a: value || undefined, b: b || undefined }, { replace: true });
  };
  // Each segment keeps the report's filters, with this dimension's condition in place of any other on it.
  const segment = (value: string) =>
    queryOf({
      ...props.filter,
      conditions: [
        ...props.filter.conditions.filter((c) => c.name !== name()),
        { name: name(), values: value.split(',') },
      ],
    });
  const [pair] = createResource(
    () =>
      name() && valueA() && valueB() && valueA() !== valueB()
        ? ([segment(valueA()), segment(valueB())] as const)
        : null,
    ([a, b]) => Promise.all([reportOf(props.source, a), reportOf(props.source, b)]),
  );
  const options = () => dim()?.choices ?? [];
  const labelOf = (value: string) => options().find((o) => o.value === value)?.label ?? value;
  const optionsB = () =>
    dim()?.coded
      ? valueA()
        ? [{ value: `!${valueA()}`, label: t('report.compare.without', { code: labelOf(valueA()) }) }]
        : []
      : options();
  // Paper has no pickers: it names the two segments in words.
  const caption = () => {
    const of = (value: string) => optionsB().find((o) => o.value === value)?.label ?? labelOf(value);
    return t('report.paper.compared', {
      question: dims().find((d) => d.name === name())?.label ?? name(),
      a: of(valueA()),
      b: of(valueB()),
    });
  };
  const star = (x: SegmentTest | null) => (x?.significant ? ' *' : '');
  const rows = (a: ReportDto, b: ReportDto) => {
    const tests = compareSegments(a, b);
    const cells = (r: ReportDto) => {
      const s = r.sections;
      const o = s.satisfaction?.overall;
      return {
        completes: i18n.num(r.completes),
        mean: !o?.mean
          ? '—'
          : o.meanIntervalWithheld
            ? `${i18n.num(o.mean.mean, 2)}${o.smallBase ? ' †' : ''}`
            : `${i18n.num(o.mean.mean, 2)} ± ${i18n.num((o.mean.upper - o.mean.lower) / 2, 2)}`,
        topTwoBox: o?.topTwoBox
          ? `${i18n.pct(o.topTwoBox.p)} · ${t('report.ciRange', { lower: i18n.pct(o.topTwoBox.lower), upper: i18n.pct(o.topTwoBox.upper) })}`
          : '—',
        loyal: s.loyalty?.loyal ? i18n.pct(s.loyalty.loyal.p) : '—',
        index: s.satisfaction?.index ? i18n.num(s.satisfaction.index.value, 0) : '—',
        nps: !s.loyalty?.nps
          ? '—'
          : intervalWithheld(s.loyalty.nps.n, s.loyalty.nps.marginOfError)
            ? `${i18n.points(s.loyalty.nps.nps)}${s.loyalty.nps.n < SMALL_BASE ? ' †' : ''}`
            : `${i18n.points(s.loyalty.nps.nps)} ± ${i18n.num(s.loyalty.nps.marginOfError, 1)}`,
      };
    };
    const [x, y] = [cells(a), cells(b)];
    return [
      { key: t('report.completes'), a: x.completes, b: y.completes, diff: '', test: null },
      {
        key: t('report.mean'),
        a: x.mean,
        b: y.mean,
        diff: tests.mean ? i18n.points(tests.mean.difference, 2) : '',
        test: tests.mean,
      },
      {
        key: t('report.topTwoBox'),
        a: x.topTwoBox,
        b: y.topTwoBox,
        diff: tests.topTwoBox ? i18n.points(tests.topTwoBox.difference * 100, 1) : '',
        test: tests.topTwoBox,
      },
      {
        key: t('report.loyalShare'),
        a: x.loyal,
        b: y.loyal,
        diff: tests.loyal ? i18n.points(tests.loyal.difference * 100, 1) : '',
        test: tests.loyal,
      },
      { key: t('report.index'), a: x.index, b: y.index, diff: '', test: null },
      { key: t('report.nps'), a: x.nps, b: y.nps, diff: '', test: null },
    ].filter((r) => r.a !== '—' || r.b !== '—');
  };
  const select = (
    label: string,
    value: () => string,
    set: (v: string) => void,
    choices: () => ReturnType<typeof options>,
    testid: string,
  ) => (
    <label class="field">
      <span>{label}</span>
      <select value={value()} onChange={(e) => set(e.currentTarget.value)} data-testid={testid}>
        <option value="">—</option>
        <ChoiceOptions choices={choices()} />
      </select>
    </label>
  );
  return (
    <section class="card report-section compare" data-testid="section-compare">
      <h2>{t('report.compare.title')}</h2>
      <p class="note no-print">{t('report.compare.hint')}</p>
      <div class="share-new no-print">
        <label class="field">
          <span>{t('report.compare.question')}</span>
          <select value={name()} onChange={(e) => setName(e.currentTarget.value)} data-testid="compare-question">
            <option value="">—</option>
            <For each={dims()}>{(d) => <option value={d.name}>{d.label}</option>}</For>
          </select>
        </label>
        {select(t('report.compare.a'), valueA, setValueA, options, 'compare-a')}
        {select(t('report.compare.b'), valueB, setValueB, optionsB, 'compare-b')}
      </div>
      <Show when={dim()?.coded}>
        <p class="note">{t('report.compare.codedHint')}</p>
        <p class="note">{t('report.coded.reference')}</p>
      </Show>
      <Show when={pair.latest}>
        {(p) => (
          <>
            <p class="note print-note" data-testid="compare-caption">
              {caption()}
            </p>
            <div class="table-wrap">
              <table class="data-table" data-testid="compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.item')}</th>
                    <th scope="col" class="num">
                      {t('report.compare.a')}
                    </th>
                    <th scope="col" class="num">
                      {t('report.compare.b')}
                    </th>
                    <th scope="col" class="num">
                      {t('report.compare.difference')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows(p()[0], p()[1])}>
                    {(row) => (
                      <tr classList={{ significant: !!row.test?.significant }}>
                        <th scope="row">{row.key}</th>
                        <td class="num">{row.a}</td>
                        <td class="num">{row.b}</td>
                        <td class="num">
                          {row.diff}
                          <strong>{star(row.test)}</strong>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <p class="note">{t('report.compare.legend')}</p>
              <Show when={p()[0].completes < SMALL_BASE || p()[1].completes < SMALL_BASE}>
                <p class="warning" role="note">
                  {t('report.compare.smallBase')}
                </p>
              </Show>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
