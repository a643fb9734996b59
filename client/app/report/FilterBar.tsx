/**
 * The report's filters: any single-choice question, the NPS groups and the overall satisfaction
 * score, each hidden field, each coded open question's codes (grouped by net), and on request any
 * other closed question (multiple choice, rated attribute, matrix item); quota cell, wave and
 * dates, the exclusion of flagged responses and weighting. It edits a query string the page
 * fetches with.
 */
import { createSignal, For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import { filterParam, type FilterCondition } from '../../../shared/api/report-query';
import { allQuestions, type Question, type Scale, type Text } from '../../../shared/survey/schema';
import { useI18n, type I18n } from '../lib/i18n';
import { pointLabels } from './scale-labels';
import { readableHidden } from './hidden-fields';
import { groupedCodes } from './coded-codes';

export interface FilterState {
  conditions: FilterCondition[];
  wave: number | null;
  /** A quota cell's key (shared/plan `cellKey`). */
  cell: string | null;
  from: string;
  to: string;
  exclude: boolean;
  weight: 'none' | 'cells' | 'raking';
}

export const NO_FILTER: FilterState = {
  conditions: [],
  wave: null,
  cell: null,
  from: '',
  to: '',
  exclude: false,
  weight: 'none',
};

/** The query string (with its `?`, or empty) for a filter state. */
export function queryOf(f: FilterState): string {
  const params = new URLSearchParams();
  const filter = filterParam(f.conditions, {
    waves: f.wave === null ? [] : [f.wave],
    cells: f.cell === null ? [] : [f.cell],
    from: f.from,
    to: f.to,
  });
  if (filter) params.set('filter', filter);
  if (f.exclude) params.set('exclude', 'straightliners,speeders');
  if (f.weight !== 'none') params.set('weight', f.weight);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const points = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k).join(',');

/** `group`: the net a code sits under, shown as the choices' group. */
type Choice = { value: string; label: string; group?: string };

/** A rating scale's groups and points: top-two box, bottom-two box, then each point. */
function scaleChoices(scale: Scale, text: (x: Text | undefined) => string, t: I18n['t']): Choice[] {
  const { min, max } = scale;
  const label = pointLabels(scale, text);
  return [
    { value: points(max - 1, max), label: t('report.filter.topTwo', { from: max - 1, to: max }) },
    { value: points(min, min + 1), label: t('report.filter.bottomTwo', { from: min, to: min + 1 }) },
    ...Array.from({ length: max - min + 1 }, (_, k) => ({ value: String(min + k), label: label(min + k) })),
  ];
}

/** A filter's choices: a value is one answer code or several joined by commas (a group of scale points). */
function choices(q: Question, text: (x: Text | undefined) => string, t: I18n['t']): Choice[] {
  if (q.type === 'single' || q.type === 'multiple')
    return q.options.map((o) => ({ value: o.id, label: text(o.label) }));
  if (q.type === 'yesno')
    return [
      { value: 'yes', label: text(q.yesLabel) || t('report.yes') },
      { value: 'no', label: text(q.noLabel) || t('report.no') },
    ];
  if (q.type === 'nps') {
    return [
      { value: points(9, 10), label: t('report.filter.promoters') },
      { value: points(7, 8), label: t('report.filter.passives') },
      { value: points(0, 6), label: t('report.filter.detractors') },
    ];
  }
  return q.type === 'rating' ? scaleChoices(q.scale, text, t) : [];
}

export interface Dimension {
  name: string;
  label: string;
  choices: Choice[];
  /** A coded open question: its codes overlap (an answer may have several). */
  coded?: boolean;
}

/** Each coded open question: a net (any of its codes) heading its group, then its codes. */
function codedDimensions(report: ReportDto, text: (x: Text | undefined) => string, t: I18n['t']): Dimension[] {
  const questions = new Map(allQuestions(report.definition).map((q) => [q.id, q]));
  const label = (x: Record<string, string>) => text(x) || Object.values(x)[0] || '';
  return report.filterOptions.coded.map((c) => ({
    name: c.questionId,
    label: text(questions.get(c.questionId)?.text),
    coded: true,
    choices: groupedCodes(c.codes).map(({ code, net }) => ({
      value: code.id,
      label: code.isNet ? t('report.coded.net', { net: label(code.label) }) : label(code.label),
      group: code.isNet ? label(code.label) : net ? label(net.label) : undefined,
    })),
  }));
}

/**
 * A dimension's choices with any "does not mention X" in `values` (a coded question's `!code`, which arrives
 * from a link or a comparison; the list itself offers only the codes), so that it reads as itself.
 */
export function choicesFor(d: Dimension, values: readonly string[], t: I18n['t']): Choice[] {
  if (!d.coded) return d.choices;
  const without = values.flatMap((v) => {
    const code = v.startsWith('!') ? d.choices.find((c) => c.value === v.slice(1)) : undefined;
    return code ? [{ value: v, label: t('report.compare.without', { code: code.label }) }] : [];
  });
  return [...d.choices, ...without];
}

/** Consecutive choices of one group together, for `<optgroup>`s. */
export function choiceGroups(choices: readonly Choice[]): { group: string | undefined; choices: Choice[] }[] {
  const out: { group: string | undefined; choices: Choice[] }[] = [];
  for (const c of choices) {
    const last = out[out.length - 1];
    if (last && last.group === c.group) last.choices.push(c);
    else out.push({ group: c.group, choices: [c] });
  }
  return out;
}

/**
 * What a report can be cut by: every single choice and yes/no, every NPS question, the overall satisfaction
 * score, and each hidden field. The other closed questions (`moreDimensions`) are offered on
 * request: thirty attribute filters shown at once would bury these.
 */
export function dimensions(report: ReportDto, text: (x: Text | undefined) => string, t: I18n['t']): Dimension[] {
  const questions = allQuestions(report.definition)
    .filter(
      (q) =>
        q.type === 'single' ||
        q.type === 'yesno' ||
        q.type === 'nps' ||
        (q.type === 'rating' && q.role === 'overall-satisfaction'),
    )
    .map((q) => ({ name: q.id, label: text(q.text), choices: choices(q, text, t) }));
  const hidden = Object.entries(readableHidden(report.filterOptions.hidden, t)).map(([name, h]) => ({
    name,
    label: h.label,
    choices: h.values,
  }));
  return [...questions, ...codedDimensions(report, text, t), ...hidden];
}

/**
 * The rest of the closed questions: multiple choices (any of the options chosen), each rated
 * attribute, each matrix item, each row's scale of a matrix with several scales, dates by month
 * and number fields by bins.
 */
export function moreDimensions(report: ReportDto, text: (x: Text | undefined) => string, t: I18n['t']): Dimension[] {
  return allQuestions(report.definition).flatMap((q): Dimension[] => {
    if (q.type === 'multiple' || (q.type === 'rating' && q.role !== 'overall-satisfaction'))
      return [{ name: q.id, label: text(q.text), choices: choices(q, text, t) }];
    if (q.type === 'matrix') {
      return q.items.map((item) => ({
        name: `${q.id}.${item.id}`,
        label: `${text(q.text)}: ${text(item.label)}`,
        choices: scaleChoices(q.scale, text, t),
      }));
    }
    // The new types: each row's scale, a date's months and a number field's bins (from the server, over every response).
    const seen = (name: string) => (report.filterOptions.values[name] ?? []).map((value) => ({ value, label: value }));
    if (q.type === 'matrixScales')
      return q.items.flatMap((item) =>
        q.scales.map((scale) => ({
          name: `${q.id}.${item.id}.${scale.id}`,
          label: `${text(q.text)}: ${text(item.label)} · ${text(scale.label)}`,
          choices: scaleChoices(scale.scale, text, t),
        })),
      );
    if (q.type === 'date') return [{ name: q.id, label: text(q.text), choices: seen(q.id) }];
    if (q.type === 'fields' && q.input === 'number')
      return q.items.map((item) => ({
        name: `${q.id}.${item.id}`,
        label: `${text(q.text)}: ${text(item.label)}`,
        choices: seen(`${q.id}.${item.id}`).map((c) => ({ ...c, label: c.value.replace('..', '–') })),
      }));
    return [];
  });
}

export function FilterBar(props: {
  report: ReportDto;
  value: FilterState;
  onChange: (f: FilterState) => void;
  text: (x: Text | undefined) => string;
}) {
  const { t } = useI18n();
  // Extra filters the reader added; one in use stays shown however it got there.
  const [added, setAdded] = createSignal<string[]>([]);
  const more = () => moreDimensions(props.report, props.text, t);
  const shown = () => [
    ...dimensions(props.report, props.text, t),
    ...more().filter((d) => added().includes(d.name) || props.value.conditions.some((c) => c.name === d.name)),
  ];
  const addable = () => more().filter((d) => !shown().some((x) => x.name === d.name));
  const conditionText = (name: string) => props.value.conditions.find((c) => c.name === name)?.values.join(',') ?? '';
  const setCondition = (name: string, value: string) => {
    const rest = props.value.conditions.filter((c) => c.name !== name);
    props.onChange({ ...props.value, conditions: value ? [...rest, { name, values: value.split(',') }] : rest });
  };
  const opts = () => props.report.filterOptions;
  return (
    <form
      class="filter-bar no-print"
      aria-label={t('report.filter.title')}
      data-testid="filter-bar"
      onSubmit={(e) => e.preventDefault()}
    >
      <For each={shown()}>
        {(d) => (
          <label class="field">
            <span>{d.label}</span>
            <select
              value={conditionText(d.name)}
              onChange={(e) => setCondition(d.name, e.currentTarget.value)}
              data-filter={d.name}
            >
              <option value="">{t('report.filter.any')}</option>
              <ChoiceOptions
                choices={choicesFor(d, props.value.conditions.find((c) => c.name === d.name)?.values ?? [], t)}
              />
            </select>
          </label>
        )}
      </For>
      <Show when={addable().length > 0}>
        <label class="field">
          <span>{t('report.filter.add')}</span>
          <select
            value=""
            onChange={(e) => {
              const name = e.currentTarget.value;
              e.currentTarget.value = '';
              if (name) setAdded([...added(), name]);
            }}
            data-testid="filter-add"
          >
            <option value="">—</option>
            <For each={addable()}>{(d) => <option value={d.name}>{d.label}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={(props.report.sections.fieldwork.quotas?.length ?? 0) > 1}>
        <label class="field">
          <span>{t('report.quota.cell')}</span>
          <select
            value={props.value.cell ?? ''}
            onChange={(e) => props.onChange({ ...props.value, cell: e.currentTarget.value || null })}
            data-filter="@cell"
          >
            <option value="">{t('report.filter.any')}</option>
            <For each={props.report.sections.fieldwork.quotas ?? []}>
              {(c) => <option value={c.key}>{c.labels.join(' × ')}</option>}
            </For>
          </select>
        </label>
      </Show>
      <Show when={opts().waves.length > 1}>
        <label class="field">
          <span>{t('report.waveCol')}</span>
          <select
            value={props.value.wave ?? ''}
            onChange={(e) =>
              props.onChange({ ...props.value, wave: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
          >
            <option value="">{t('report.filter.any')}</option>
            <For each={opts().waves}>{(w) => <option value={w}>{t('report.wave', { n: w })}</option>}</For>
          </select>
        </label>
      </Show>
      <label class="field">
        <span>{t('report.filter.from')}</span>
        <input
          type="date"
          value={props.value.from}
          onChange={(e) => props.onChange({ ...props.value, from: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>{t('report.filter.to')}</span>
        <input
          type="date"
          value={props.value.to}
          onChange={(e) => props.onChange({ ...props.value, to: e.currentTarget.value })}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={props.value.exclude}
          onChange={(e) => props.onChange({ ...props.value, exclude: e.currentTarget.checked })}
        />
        {t('report.filter.exclude')}
      </label>
      <Show when={opts().weighting}>
        <label class="field">
          <span>{t('report.filter.weight')}</span>
          <select
            value={props.value.weight}
            onChange={(e) => props.onChange({ ...props.value, weight: e.currentTarget.value as FilterState['weight'] })}
            data-testid="weight"
          >
            <option value="none">{t('report.filter.weightNone')}</option>
            <option value="cells">{t('report.filter.weightCells')}</option>
            <option value="raking">{t('report.filter.weightRaking')}</option>
          </select>
        </label>
      </Show>
      <Show when={shown().some((d) => d.coded)}>
        <p class="note filter-note">{t('report.coded.reference')}</p>
      </Show>
      <button
        type="button"
        class="btn"
        onClick={() => {
          setAdded([]);
          props.onChange(NO_FILTER);
        }}
      >
        {t('report.filter.clear')}
      </button>
    </form>
  );
}

/** A select's options, a net's codes under an `<optgroup>` of its name. */
export function ChoiceOptions(props: { choices: readonly Choice[] }) {
  return (
    <For each={choiceGroups(props.choices)}>
      {(g) =>
        g.group === undefined ? (
          <For each={g.choices}>{(c) => <option value={c.value}>{c.label}</option>}</For>
        ) : (
          <optgroup label={g.group}>
            <For each={g.choices}>{(c) => <option value={c.value}>{c.label}</option>}</For>
          </optgroup>
        )
      }
    </For>
  );
}
