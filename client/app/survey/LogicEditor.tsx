import { createUniqueId, For, Index, Show } from 'solid-js';
import type { Condition, Logic } from '../../../shared/survey/logic';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import type { Option } from '../../../shared/survey/schema';
import type { AppKey } from '../../../shared/i18n';
import { useI18n } from '../lib/i18n';
import { textIn } from './definition';

/** Something a condition can read: an earlier question (with its options, if any) or a hidden field. */
export interface LogicSource {
  id: string;
  label: string;
  options?: Option[];
}

type Op = Condition['op'];
const OPS: readonly Op[] = ['equals', 'notEquals', 'in', 'notIn', 'between', 'answered', 'notAnswered'];
const OP_KEY: Record<Op, AppKey> = {
  equals: 'editor.logic.equals',
  notEquals: 'editor.logic.notEquals',
  in: 'editor.logic.in',
  notIn: 'editor.logic.notIn',
  between: 'editor.logic.between',
  answered: 'editor.logic.answered',
  notAnswered: 'editor.logic.notAnswered',
};
const ONE: readonly Op[] = ['equals', 'notEquals'];
const MANY: readonly Op[] = ['in', 'notIn'];

/**
 * "Show this question only when…": conditions on earlier questions and hidden fields, all or any.
 * The schema checks references (a later question is refused), so only earlier ones are offered.
 */
export default function LogicEditor(props: {
  logic: Logic | undefined;
  sources: LogicSource[];
  lang: SurveyLanguage;
  onChange: (logic: Logic | undefined) => void;
  /** What the conditions decide; a question's display by default. */
  legend?: string;
  testid?: string;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const conditions = () => props.logic?.conditions ?? [];
  const first = (): Condition => ({ source: props.sources[0].id, op: 'answered' });
  const set = (list: Condition[], match = props.logic?.match ?? 'all') =>
    props.onChange(list.length ? { match, conditions: list } : undefined);
  const update = (i: number, c: Condition) => set(conditions().map((x, j) => (j === i ? c : x)));
  const sourceOf = (c: Condition) => props.sources.find((s) => s.id === c.source.split('.')[0]);
  // Values typed in a box are numbers when they read as one: hidden fields and number answers compare either way.
  const scalar = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s.trim());
  const withOp = (c: Condition, op: Op): Condition => {
    const opts = sourceOf(c)?.options;
    if (ONE.includes(op)) return { source: c.source, op, value: ONE.includes(c.op) ? c.value : (opts?.[0]?.id ?? '') };
    if (MANY.includes(op))
      return { source: c.source, op, values: MANY.includes(c.op) ? c.values : opts ? [opts[0].id] : [''] };
    if (op === 'between') return { source: c.source, op, min: 0, max: 10 };
    return { source: c.source, op };
  };

  return (
    <Show when={props.sources.length > 0} fallback={<p class="field-hint">{t('editor.logic.noSources')}</p>}>
      <fieldset class="logic" data-testid={props.testid ?? 'logic'}>
        <legend class="field-label">{props.legend ?? t('editor.logic.title')}</legend>
        <Show when={conditions().length > 1}>
          <label class="visually-hidden" for={`${id}-match`}>
            {t('editor.logic.match')}
          </label>
          <select
            id={`${id}-match`}
            class="select select-small"
            value={props.logic?.match ?? 'all'}
            onChange={(e) => set(conditions(), e.currentTarget.value as 'all' | 'any')}
          >
            <option value="all">{t('editor.logic.all')}</option>
            <option value="any">{t('editor.logic.any')}</option>
          </select>
        </Show>
        <Index each={conditions()}>
          {(c, i) => (
            <div class="logic-row" data-testid="logic-condition">
              <select
                class="select select-small"
                aria-label={t('editor.logic.source')}
                value={c().source}
                onChange={(e) => update(i, withOp({ source: e.currentTarget.value, op: 'answered' }, c().op))}
              >
                <For each={props.sources}>{(s) => <option value={s.id}>{s.label}</option>}</For>
              </select>
              <select
                class="select select-small"
                aria-label={t('editor.logic.operator')}
                value={c().op}
                onChange={(e) => update(i, withOp(c(), e.currentTarget.value as Op))}
              >
                <For each={OPS}>{(op) => <option value={op}>{t(OP_KEY[op])}</option>}</For>
              </select>
              <Show when={ONE.includes(c().op) || MANY.includes(c().op)}>
                <Show
                  when={sourceOf(c())?.options}
                  fallback={
                    <input
                      class="input input-narrow"
                      aria-label={t('editor.logic.value')}
                      value={(ONE.includes(c().op) ? [c().value] : (c().values ?? [])).join(', ')}
                      onChange={(e) => {
                        const parts = e.currentTarget.value
                          .split(',')
                          .map(scalar)
                          .filter((x) => x !== '');
                        update(
                          i,
                          ONE.includes(c().op)
                            ? { ...c(), value: parts[0] ?? '' }
                            : { ...c(), values: parts.length ? parts : [''] },
                        );
                      }}
                    />
                  }
                >
                  {(opts) => (
                    <select
                      class="select select-small"
                      aria-label={t('editor.logic.value')}
                      multiple={MANY.includes(c().op)}
                      onChange={(e) => {
                        const chosen = [...e.currentTarget.selectedOptions].map((o) => o.value);
                        update(
                          i,
                          ONE.includes(c().op)
                            ? { ...c(), value: chosen[0] }
                            : { ...c(), values: chosen.length ? chosen : [opts()[0].id] },
                        );
                      }}
                      data-testid="logic-value"
                    >
                      <For each={opts()}>
                        {(o) => (
                          <option
                            value={o.id}
                            selected={ONE.includes(c().op) ? c().value === o.id : (c().values ?? []).includes(o.id)}
                          >
                            {textIn(o.label, props.lang) || o.id}
                          </option>
                        )}
                      </For>
                    </select>
                  )}
                </Show>
              </Show>
              <Show when={c().op === 'between'}>
                <input
                  class="input input-narrow"
                  type="number"
                  aria-label={t('editor.minimum')}
                  value={c().min ?? ''}
                  onInput={(e) =>
                    update(i, { ...c(), min: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })
                  }
                />
                <input
                  class="input input-narrow"
                  type="number"
                  aria-label={t('editor.maximum')}
                  value={c().max ?? ''}
                  onInput={(e) =>
                    update(i, { ...c(), max: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })
                  }
                />
              </Show>
              <button
                type="button"
                class="btn btn-small btn-quiet"
                onClick={() => set(conditions().filter((_, j) => j !== i))}
              >
                {t('editor.logic.remove')}
              </button>
            </div>
          )}
        </Index>
        <button
          type="button"
          class="btn btn-small btn-quiet"
          onClick={() => set([...conditions(), first()])}
          data-testid="logic-add"
        >
          {t('editor.logic.add')}
        </button>
      </fieldset>
    </Show>
  );
}
