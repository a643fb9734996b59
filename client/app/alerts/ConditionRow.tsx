/** One condition of an alert rule: what it reads, how it compares, and the value(s). */
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { AlertCondition } from '../../../shared/api/alerts';
import { api } from '../lib/api';
import { textIn } from '../coding/text';
import type { AppKey } from '../../../shared/i18n';
import { useI18n } from '../lib/i18n';
import { Icon } from '../lib/icons';
import { OPS, scalar, splitList, withOp, type Op, type Source } from './sources';

export const OP_KEY: Readonly<Record<Op, AppKey>> = {
  equals: 'alerts.op.equals',
  notEquals: 'alerts.op.notEquals',
  in: 'alerts.op.in',
  notIn: 'alerts.op.notIn',
  between: 'alerts.op.between',
  answered: 'alerts.op.answered',
  notAnswered: 'alerts.op.notAnswered',
  contains: 'alerts.op.contains',
  matchesCode: 'alerts.op.matchesCode',
};

export default function ConditionRow(props: {
  condition: AlertCondition;
  sources: Source[];
  onChange: (c: AlertCondition) => void;
  onRemove?: () => void;
  index: number;
  /** The survey, for the codes a `matchesCode` condition offers. */
  surveyId?: string;
}) {
  const { t, locale } = useI18n();
  const source = () => props.sources.find((s) => s.id === props.condition.source);
  const ops = () => OPS[source()?.kind ?? 'hidden'];
  const setSource = (id: string) => {
    const kind = props.sources.find((s) => s.id === id)?.kind ?? 'hidden';
    const op = OPS[kind].includes(props.condition.op) ? props.condition.op : OPS[kind][0];
    // A code belongs to one question's codeframe: another question starts with none chosen.
    const moved = { ...props.condition, source: id, ...(op === 'matchesCode' ? { code: '' } : {}) };
    props.onChange(withOp(moved as AlertCondition, op));
  };
  const [frame] = createResource(
    () =>
      props.condition.op === 'matchesCode' && props.surveyId
        ? { id: props.surveyId, questionId: props.condition.source }
        : false,
    (params) => api.get('/api/surveys/:id/coding/:questionId', { params }).catch(() => null),
  );
  const codeName = (label: Record<string, string>) => textIn(label, locale(), frame()?.languages[0] ?? 'en');
  const c = () =>
    props.condition as AlertCondition & {
      value?: string | number;
      values?: (string | number)[];
      min?: number;
      max?: number;
      words?: string[];
      code?: string;
    };
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return (
    <div class="logic-row condition-row" data-testid={`condition-${props.index}`}>
      <select
        class="select select-small"
        aria-label={t('alerts.source')}
        value={props.condition.source}
        onChange={(e) => setSource(e.currentTarget.value)}
        data-testid="condition-source"
      >
        <For each={props.sources}>
          {(s) => (
            <option value={s.id}>{s.kind === 'hidden' ? t('alerts.hiddenField', { name: s.label }) : s.label}</option>
          )}
        </For>
      </select>
      <select
        class="select select-small"
        aria-label={t('alerts.operator')}
        value={props.condition.op}
        onChange={(e) => props.onChange(withOp(props.condition, e.currentTarget.value as Op))}
        data-testid="condition-op"
      >
        <For each={ops()}>{(op) => <option value={op}>{t(OP_KEY[op])}</option>}</For>
      </select>
      <Switch>
        <Match when={props.condition.op === 'between'}>
          <input
            class="input input-narrow"
            type="number"
            aria-label={t('alerts.min')}
            placeholder={t('alerts.min')}
            value={c().min ?? ''}
            onInput={(e) => props.onChange({ ...c(), min: num(e.currentTarget.value) } as AlertCondition)}
            data-testid="condition-min"
          />
          <input
            class="input input-narrow"
            type="number"
            aria-label={t('alerts.max')}
            placeholder={t('alerts.max')}
            value={c().max ?? ''}
            onInput={(e) => props.onChange({ ...c(), max: num(e.currentTarget.value) } as AlertCondition)}
            data-testid="condition-max"
          />
        </Match>
        <Match
          when={
            (props.condition.op === 'equals' || props.condition.op === 'notEquals') &&
            (source()?.options.length ?? 0) > 0
          }
        >
          <select
            class="select select-small"
            aria-label={t('alerts.value')}
            value={String(c().value ?? '')}
            onChange={(e) => props.onChange({ ...c(), value: e.currentTarget.value } as AlertCondition)}
          >
            <option value="" disabled>
              {t('alerts.choose')}
            </option>
            <For each={source()!.options}>{(o) => <option value={o.id}>{o.label}</option>}</For>
          </select>
        </Match>
        <Match when={props.condition.op === 'equals' || props.condition.op === 'notEquals'}>
          <input
            class="input input-narrow"
            aria-label={t('alerts.value')}
            value={String(c().value ?? '')}
            onInput={(e) => props.onChange({ ...c(), value: scalar(e.currentTarget.value) } as AlertCondition)}
            data-testid="condition-value"
          />
        </Match>
        <Match
          when={(props.condition.op === 'in' || props.condition.op === 'notIn') && (source()?.options.length ?? 0) > 0}
        >
          <span class="condition-options">
            <For each={source()!.options}>
              {(o) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={(c().values ?? []).includes(o.id)}
                    onChange={(e) =>
                      props.onChange({
                        ...c(),
                        values: e.currentTarget.checked
                          ? [...(c().values ?? []), o.id]
                          : (c().values ?? []).filter((x) => x !== o.id),
                      } as AlertCondition)
                    }
                  />
                  <span>{o.label}</span>
                </label>
              )}
            </For>
          </span>
        </Match>
        <Match when={props.condition.op === 'in' || props.condition.op === 'notIn'}>
          <input
            class="input"
            aria-label={t('alerts.values')}
            placeholder={t('alerts.valuesHint')}
            value={(c().values ?? []).join(', ')}
            onChange={(e) =>
              props.onChange({ ...c(), values: splitList(e.currentTarget.value).map(scalar) } as AlertCondition)
            }
            data-testid="condition-values"
          />
        </Match>
        <Match when={props.condition.op === 'contains'}>
          <input
            class="input"
            aria-label={t('alerts.words')}
            placeholder={t('alerts.wordsHint')}
            value={(c().words ?? []).join(', ')}
            onChange={(e) => props.onChange({ ...c(), words: splitList(e.currentTarget.value) } as AlertCondition)}
            data-testid="condition-words"
          />
        </Match>
        <Match when={props.condition.op === 'matchesCode'}>
          <select
            class="select select-small"
            aria-label={t('alerts.code')}
            value={c().code ?? ''}
            onChange={(e) => props.onChange({ ...c(), code: e.currentTarget.value } as AlertCondition)}
            data-testid="condition-code"
          >
            <option value="" disabled selected={!c().code}>
              {t('alerts.choose')}
            </option>
            <For each={frame()?.codes ?? []}>
              {(code) => (
                <option
                  value={code.id}
                  // The codes arrive after the select is drawn: each says itself whether it is the chosen one.
                  selected={code.id === c().code}
                  disabled={code.words.length === 0 && !code.isNet}
                >
                  {code.words.length > 0
                    ? t('alerts.codeWords', { code: codeName(code.label), words: code.words.join(', ') })
                    : code.isNet
                      ? codeName(code.label)
                      : t('alerts.codeNoWords', { code: codeName(code.label) })}
                </option>
              )}
            </For>
          </select>
          <Show when={frame.state === 'ready' && (frame()?.codes.length ?? 0) === 0}>
            <span class="field-hint">{t('alerts.noCodes')}</span>
          </Show>
        </Match>
      </Switch>
      <Show when={props.onRemove}>
        <button
          type="button"
          class="icon-btn icon-btn-danger"
          aria-label={t('alerts.removeCondition')}
          onClick={() => props.onRemove?.()}
        >
          <Icon name="trash" />
        </button>
      </Show>
    </div>
  );
}
