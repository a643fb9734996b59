/**
 * Quota design: one or two variables crossed into cells, the total allocated over them
 * (proportional, Neyman or with a minimum per cell), targets editable by hand.
 */
import { For, Show } from 'solid-js';
import { produce, type SetStoreFunction } from 'solid-js/store';
import { ALLOCATION_METHODS, type PlanInput } from '../../../shared/plan';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { NumberField, Segmented } from './fields';
import { ALLOCATION_KEY } from './labels';
import QuotaCells, { type ShownCell } from './QuotaCells';
import VariableEditor, { type QuotaSource, type QuotasInput, type VariableInput } from './VariableEditor';

function newVariable(sources: QuotaSource[], taken: string[]): VariableInput {
  const source = sources.find((s) => !taken.includes(s.id));
  const categories = source?.options?.map((o) => ({ value: o.value, label: o.label, population: 0 })) ?? [
    { value: '', population: 0 },
    { value: '', population: 0 },
  ];
  return { source: source?.id ?? '', label: '', unit: 'percent', categories };
}

export default function QuotaDesigner(props: {
  plan: PlanInput;
  set: SetStoreFunction<PlanInput>;
  problems: Map<string, string>;
  sources: QuotaSource[];
  cells: ShownCell[] | null;
  manual: boolean;
  /** The total the cells should add up to: the plan's, else the completes needed. */
  total: number | null;
  needed: number | null;
  onTarget: (key: string, target: number) => void;
  onReallocate: () => void;
}) {
  const { t } = useI18n();
  const edit = (change: (q: QuotasInput) => void) => props.set(produce((p) => change(p.quotas!)));
  const q = () => props.plan.quotas;
  const weighted = () => q()!.weightToPopulation ?? q()!.method !== 'proportional';

  return (
    <section class="card plan-section" aria-labelledby="plan-quotas">
      <h2 id="plan-quotas" class="card-title">
        {t('plan.quotas.title')}
      </h2>
      <Show
        when={q()}
        fallback={
          <div class="quota-empty">
            <p class="muted">{t('plan.quotas.none')}</p>
            <button
              type="button"
              class="btn"
              data-testid="quota-add"
              onClick={() =>
                props.set('quotas', { variables: [newVariable(props.sources, [])], method: 'proportional' })
              }
            >
              <Icon name="plus" />
              {t('plan.quotas.add')}
            </button>
          </div>
        }
      >
        <For each={q()!.variables}>
          {(variable, i) => (
            <VariableEditor
              index={i()}
              variable={variable}
              sources={props.sources}
              neyman={q()!.method === 'neyman'}
              edit={edit}
              problems={props.problems}
              onRemove={
                q()!.variables.length > 1
                  ? () =>
                      edit((x) => {
                        x.variables.splice(i(), 1);
                      })
                  : undefined
              }
            />
          )}
        </For>
        <Show when={props.problems.get('quotas.variables')}>
          <p class="field-error" role="alert">
            {props.problems.get('quotas.variables')}
          </p>
        </Show>
        <Show when={q()!.variables.length < 2}>
          <button
            type="button"
            class="btn btn-small"
            data-testid="quota-cross"
            onClick={() =>
              edit((x) => {
                x.variables.push(
                  newVariable(
                    props.sources,
                    x.variables.map((v) => v.source),
                  ),
                );
              })
            }
          >
            <Icon name="plus" />
            {t('plan.quotas.cross')}
          </button>
        </Show>

        <div class="allocation">
          <div class="field">
            <span class="field-label">{t('plan.quotas.method')}</span>
            <Segmented
              label={t('plan.quotas.method')}
              value={q()!.method}
              options={ALLOCATION_METHODS}
              labelOf={(m) => t(ALLOCATION_KEY[m])}
              onChange={(m) =>
                edit((x) => {
                  x.method = m;
                })
              }
              testid="quota-method"
            />
            <p class="field-hint">
              {t(
                q()!.method === 'neyman'
                  ? 'plan.quotas.neymanHint'
                  : q()!.method === 'minimum'
                    ? 'plan.quotas.minimumHint'
                    : 'plan.quotas.proportionalHint',
              )}
            </p>
          </div>
          <div class="form-grid">
            <NumberField
              label={t('plan.quotas.total')}
              value={q()!.total}
              placeholder={props.needed === null ? undefined : String(props.needed)}
              hint={t('plan.quotas.totalHint')}
              onChange={(x) =>
                edit((z) => {
                  z.total = x;
                })
              }
              error={props.problems.get('quotas.total')}
              testid="quota-total"
            />
            <Show when={q()!.method === 'minimum'}>
              <NumberField
                label={t('plan.quotas.minPerCell')}
                value={q()!.minPerCell}
                onChange={(x) =>
                  edit((z) => {
                    z.minPerCell = x;
                  })
                }
                error={props.problems.get('quotas.minPerCell')}
                testid="quota-min"
              />
            </Show>
          </div>
          <label class="check">
            <input
              type="checkbox"
              checked={weighted()}
              onChange={(e) =>
                edit((x) => {
                  x.weightToPopulation = e.currentTarget.checked;
                })
              }
              data-testid="quota-weight"
            />
            {t('plan.quotas.weight')}
          </label>
        </div>

        <Show when={props.cells}>
          {(cells) => (
            <QuotaCells
              quotas={q()!}
              cells={cells()}
              total={props.total}
              manual={props.manual}
              onTarget={props.onTarget}
              onReallocate={props.onReallocate}
              problem={props.problems.get('quotas.cells')}
            />
          )}
        </Show>
        <div class="form-actions">
          <button
            type="button"
            class="btn btn-small btn-danger-quiet"
            onClick={() => props.set('quotas', undefined)}
            data-testid="quota-remove"
          >
            {t('plan.quotas.remove')}
          </button>
        </div>
      </Show>
    </section>
  );
}
