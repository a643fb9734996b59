/** One quota variable: where its value comes from, and its categories with their population. */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { PlanInput } from '../../../shared/plan';
import { decimalMarkOf } from '../../respondent/questions/parse-number';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { NumberCell, Segmented, TextInputField } from './fields';
import { parsePastedCategories } from './paste';

export type QuotasInput = NonNullable<PlanInput['quotas']>;
export type VariableInput = QuotasInput['variables'][number];

/** Something a quota can read: a hidden field of the link, or a closed question with its options. */
export interface QuotaSource {
  id: string;
  label: string;
  kind: 'hidden' | 'question';
  options?: { value: string; label: string }[];
}

export default function VariableEditor(props: {
  index: number;
  variable: VariableInput;
  sources: QuotaSource[];
  neyman: boolean;
  edit: (change: (q: QuotasInput) => void) => void;
  problems: Map<string, string>;
  onRemove?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const sourceId = createUniqueId();
  const [pasted, setPasted] = createSignal('');
  const path = () => `quotas.variables[${props.index}]`;
  const change = (fn: (v: VariableInput) => void) => props.edit((q) => fn(q.variables[props.index]));
  const source = () => props.sources.find((s) => s.id === props.variable.source);
  const percent = () => props.variable.unit === 'percent';
  const total = () =>
    props.variable.categories.reduce((a, c) => a + (Number.isFinite(c.population) ? c.population : 0), 0);
  const name = () => props.variable.label?.trim() || source()?.label || props.variable.source;

  const useOptions = () =>
    change((v) => {
      const before = new Map(v.categories.map((c) => [c.value, c.population]));
      v.categories = (source()?.options ?? []).map((o) => ({
        value: o.value,
        label: o.label,
        population: before.get(o.value) ?? 0,
      }));
    });

  // A paste (or anything typed with tabs) replaces the categories at once; plain typing is left alone.
  const onPasteInput = (el: HTMLTextAreaElement) => {
    if (!el.value.includes('\t')) return;
    const result = parsePastedCategories(el.value, decimalMarkOf(i18n.locale()));
    if (result.categories.length === 0) return;
    change((v) => {
      v.categories = result.categories;
      if (result.unit) v.unit = result.unit;
    });
    el.value = '';
    setPasted(t('plan.quotas.pasted', { count: result.categories.length }));
  };

  return (
    <fieldset class="variable" data-testid={`quota-variable-${props.index}`}>
      <legend class="variable-title">{t('plan.quotas.variable', { n: props.index + 1 })}</legend>
      <div class="variable-head">
        <div class="field">
          <label class="field-label" for={sourceId}>
            {t('plan.quotas.source')}
          </label>
          <select
            id={sourceId}
            class="select"
            value={props.variable.source}
            data-testid={`quota-source-${props.index}`}
            aria-invalid={props.problems.has(`${path()}.source`) ? 'true' : undefined}
            onChange={(e) =>
              change((v) => {
                v.source = e.currentTarget.value;
              })
            }
          >
            <Show when={!source()}>
              <option value={props.variable.source}>{props.variable.source}</option>
            </Show>
            <optgroup label={t('plan.quotas.hiddenFields')}>
              <For each={props.sources.filter((s) => s.kind === 'hidden')}>
                {(s) => <option value={s.id}>{s.label}</option>}
              </For>
            </optgroup>
            <optgroup label={t('plan.quotas.questions')}>
              <For each={props.sources.filter((s) => s.kind === 'question')}>
                {(s) => <option value={s.id}>{s.label}</option>}
              </For>
            </optgroup>
          </select>
          <Show when={props.problems.get(`${path()}.source`)}>
            <p class="field-error">{props.problems.get(`${path()}.source`)}</p>
          </Show>
        </div>
        <TextInputField
          label={t('plan.quotas.variableLabel')}
          value={props.variable.label ?? ''}
          maxLength={200}
          onChange={(x) =>
            change((v) => {
              v.label = x;
            })
          }
        />
        <Segmented
          label={t('plan.quotas.unit')}
          value={props.variable.unit}
          options={['percent', 'count'] as const}
          labelOf={(u) => t(u === 'percent' ? 'plan.quotas.unitPercent' : 'plan.quotas.unitCount')}
          onChange={(u) =>
            change((v) => {
              v.unit = u;
            })
          }
        />
        <Show when={props.onRemove}>
          <button
            type="button"
            class="icon-btn icon-btn-danger"
            aria-label={t('plan.quotas.removeVariable')}
            onClick={() => props.onRemove?.()}
          >
            <Icon name="trash" />
          </button>
        </Show>
      </div>

      <table class="data-table categories">
        <thead>
          <tr>
            <th scope="col">{t('plan.quotas.value')}</th>
            <th scope="col">{t('plan.quotas.label')}</th>
            <th scope="col" class="num">
              {percent() ? t('plan.quotas.share') : t('plan.quotas.count')}
            </th>
            <Show when={props.neyman}>
              <th scope="col" class="num">
                {t('plan.quotas.sd')}
              </th>
            </Show>
            <th scope="col">
              <span class="visually-hidden">{t('common.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.variable.categories}>
            {(c, j) => {
              const at = (field: string) => props.problems.get(`${path()}.categories[${j()}].${field}`);
              return (
                <tr>
                  <td>
                    <input
                      class="input"
                      value={c.value}
                      aria-label={t('plan.quotas.valueOf', { n: j() + 1 })}
                      aria-invalid={at('value') ? 'true' : undefined}
                      onInput={(e) =>
                        change((v) => {
                          v.categories[j()].value = e.currentTarget.value;
                        })
                      }
                      data-testid={`category-value-${props.index}-${j()}`}
                    />
                    <Show when={at('value')}>
                      <p class="field-error">{at('value')}</p>
                    </Show>
                  </td>
                  <td>
                    <input
                      class="input"
                      value={c.label ?? ''}
                      aria-label={t('plan.quotas.labelOf', { n: j() + 1 })}
                      onInput={(e) =>
                        change((v) => {
                          v.categories[j()].label = e.currentTarget.value;
                        })
                      }
                    />
                  </td>
                  <td class="num">
                    <span class="input-affix">
                      <NumberCell
                        label={t('plan.quotas.populationOf', { name: c.label || c.value || String(j() + 1) })}
                        value={c.population}
                        invalid={!!at('population')}
                        onChange={(x) =>
                          change((v) => {
                            v.categories[j()].population = x ?? NaN;
                          })
                        }
                        testid={`category-population-${props.index}-${j()}`}
                      />
                      <Show when={percent()}>
                        <span class="affix">%</span>
                      </Show>
                    </span>
                    <Show when={at('population')}>
                      <p class="field-error">{at('population')}</p>
                    </Show>
                  </td>
                  <Show when={props.neyman}>
                    <td class="num">
                      <NumberCell
                        label={t('plan.quotas.sdOf', { name: c.label || c.value || String(j() + 1) })}
                        value={c.sd}
                        invalid={!!at('sd')}
                        onChange={(x) =>
                          change((v) => {
                            v.categories[j()].sd = x;
                          })
                        }
                      />
                    </td>
                  </Show>
                  <td>
                    <button
                      type="button"
                      class="icon-btn icon-btn-danger"
                      aria-label={t('plan.quotas.removeCategory', { name: c.label || c.value || String(j() + 1) })}
                      onClick={() =>
                        change((v) => {
                          v.categories.splice(j(), 1);
                        })
                      }
                    >
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('plan.quotas.categoriesTotal')}
            </th>
            <td class="num" data-testid={`category-total-${props.index}`}>
              {percent() ? `${i18n.num(total(), 2)}%` : i18n.num(total())}
            </td>
            <td colSpan={props.neyman ? 2 : 1} />
          </tr>
        </tfoot>
      </table>
      <Show when={props.problems.get(`${path()}.categories`)}>
        <p class="field-error" role="alert" data-testid={`category-problem-${props.index}`}>
          {props.problems.get(`${path()}.categories`)}
        </p>
      </Show>

      <div class="variable-tools">
        <button
          type="button"
          class="btn btn-small"
          onClick={() =>
            change((v) => {
              v.categories.push({ value: '', population: 0 });
            })
          }
        >
          <Icon name="plus" />
          {t('plan.quotas.addCategory')}
        </button>
        <Show when={source()?.options}>
          <button type="button" class="btn btn-small" onClick={useOptions}>
            {t('plan.quotas.useOptions')}
          </button>
        </Show>
      </div>
      <div class="field">
        <textarea
          class="input paste"
          rows={2}
          placeholder={t('plan.quotas.pastePlaceholder', { name: name() })}
          aria-label={t('plan.quotas.paste')}
          onInput={(e) => onPasteInput(e.currentTarget)}
          data-testid={`quota-paste-${props.index}`}
        />
        <p class="field-hint" aria-live="polite">
          {pasted() || t('plan.quotas.pasteHint')}
        </p>
      </div>
    </fieldset>
  );
}
