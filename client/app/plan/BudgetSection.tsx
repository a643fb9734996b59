/** Budget lines (cost per complete, incentives, fixed costs) and the total per currency, in minor units. */
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { produce, type SetStoreFunction } from 'solid-js/store';
import { BUDGET_KINDS, budgetTotals, type BudgetLine, type PlanInput } from '../../../shared/plan';
import { defaultCurrency, formatCurrency, type Locale } from '../../../shared/i18n';
import { decimalMarkOf } from '../../respondent/questions/parse-number';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { BUDGET_KIND_KEY } from './labels';
import { fromMinor, toMinor } from './money';

type LineInput = NonNullable<PlanInput['budget']>[number];
const validLine = (l: LineInput): l is BudgetLine =>
  Number.isInteger(l.amount) && l.amount >= 0 && /^[A-Z]{3}$/.test(l.currency);

/** An amount typed in major units ("2,50" in Italian) kept as minor units; unreadable is NaN. */
function MoneyInput(props: {
  label: string;
  amount: number;
  currency: string;
  invalid: boolean;
  onChange: (minor: number) => void;
  testid?: string;
}) {
  const i18n = useI18n();
  const mark = () => decimalMarkOf(i18n.locale());
  const show = () => (Number.isInteger(props.amount) ? fromMinor(props.amount, props.currency, mark()) : '');
  const [text, setText] = createSignal(show());
  createEffect(
    on(
      () => [props.amount, props.currency],
      () => {
        if (toMinor(text(), props.currency, mark()) !== props.amount && Number.isInteger(props.amount)) setText(show());
      },
      { defer: true },
    ),
  );
  return (
    <input
      class="input input-cell"
      type="text"
      inputmode="decimal"
      value={text()}
      aria-label={props.label}
      aria-invalid={props.invalid ? 'true' : undefined}
      data-testid={props.testid}
      onInput={(e) => {
        setText(e.currentTarget.value);
        props.onChange(toMinor(e.currentTarget.value, props.currency, mark()) ?? NaN);
      }}
    />
  );
}

export default function BudgetSection(props: {
  plan: PlanInput;
  set: SetStoreFunction<PlanInput>;
  problems: Map<string, string>;
  completes: number | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const lines = () => props.plan.budget ?? [];
  const edit = (change: (lines: NonNullable<PlanInput['budget']>) => void) =>
    props.set(
      produce((p) => {
        p.budget ??= [];
        change(p.budget);
      }),
    );
  const money = (amount: number, currency: string) => formatCurrency(i18n.locale() as Locale, amount, currency);
  const totals = () => (props.completes === null ? null : budgetTotals(lines().filter(validLine), props.completes));
  const lineTotal = (i: number) => {
    const line = lines()[i];
    if (!validLine(line) || props.completes === null) return '—';
    return money(line.kind === 'fixed' ? line.amount : line.amount * props.completes, line.currency);
  };
  const firstCurrency = () => lines()[0]?.currency ?? defaultCurrency(i18n.locale());

  return (
    <section class="card plan-section" aria-labelledby="plan-budget">
      <h2 id="plan-budget" class="card-title">
        {t('plan.budget.title')}
      </h2>
      <Show when={lines().length > 0} fallback={<p class="muted">{t('plan.budget.none')}</p>}>
        <div class="table-wrap">
          <table class="data-table budget-table" data-testid="budget-table">
            <thead>
              <tr>
                <th scope="col">{t('plan.budget.label')}</th>
                <th scope="col">{t('plan.budget.kind')}</th>
                <th scope="col" class="num">
                  {t('plan.budget.amount')}
                </th>
                <th scope="col">{t('plan.budget.currency')}</th>
                <th scope="col" class="num">
                  {t('plan.budget.lineTotal')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('common.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={lines()}>
                {(line, i) => {
                  const at = (field: string) => props.problems.get(`budget[${i()}].${field}`);
                  const problem = () => at('label') ?? at('amount') ?? at('currency');
                  return (
                    <tr>
                      <td>
                        <input
                          class="input"
                          value={line.label}
                          aria-label={t('plan.budget.labelOf', { n: i() + 1 })}
                          aria-invalid={at('label') ? 'true' : undefined}
                          onInput={(e) =>
                            edit((l) => {
                              l[i()].label = e.currentTarget.value;
                            })
                          }
                          data-testid={`budget-label-${i()}`}
                        />
                        <Show when={problem()}>
                          <p class="field-error">{problem()}</p>
                        </Show>
                      </td>
                      <td>
                        <select
                          class="select"
                          value={line.kind}
                          aria-label={t('plan.budget.kindOf', { n: i() + 1 })}
                          onChange={(e) =>
                            edit((l) => {
                              l[i()].kind = e.currentTarget.value as BudgetLine['kind'];
                            })
                          }
                          data-testid={`budget-kind-${i()}`}
                        >
                          <For each={BUDGET_KINDS}>{(k) => <option value={k}>{t(BUDGET_KIND_KEY[k])}</option>}</For>
                        </select>
                      </td>
                      <td class="num">
                        <MoneyInput
                          label={t('plan.budget.amountOf', { n: i() + 1 })}
                          amount={line.amount}
                          currency={line.currency}
                          invalid={!!at('amount')}
                          onChange={(minor) =>
                            edit((l) => {
                              l[i()].amount = minor;
                            })
                          }
                          testid={`budget-amount-${i()}`}
                        />
                      </td>
                      <td>
                        <input
                          class="input input-currency"
                          value={line.currency}
                          maxLength={3}
                          aria-label={t('plan.budget.currencyOf', { n: i() + 1 })}
                          aria-invalid={at('currency') ? 'true' : undefined}
                          onInput={(e) =>
                            edit((l) => {
                              l[i()].currency = e.currentTarget.value.toUpperCase();
                            })
                          }
                        />
                      </td>
                      <td class="num">{lineTotal(i())}</td>
                      <td>
                        <button
                          type="button"
                          class="icon-btn icon-btn-danger"
                          aria-label={t('plan.budget.remove', { n: i() + 1 })}
                          onClick={() =>
                            edit((l) => {
                              l.splice(i(), 1);
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
              <For each={totals()?.totals ?? []}>
                {(total) => (
                  <tr>
                    <th scope="row" colSpan={4}>
                      {t('plan.budget.total', { currency: total.currency })}
                    </th>
                    <td class="num budget-total" data-testid={`budget-total-${total.currency}`}>
                      {money(total.amount, total.currency)}
                    </td>
                    <td />
                  </tr>
                )}
              </For>
            </tfoot>
          </table>
        </div>
        <Show when={props.completes !== null}>
          <p class="field-hint">{t('plan.budget.basis', { count: props.completes! })}</p>
        </Show>
      </Show>
      <div class="form-actions">
        <button
          type="button"
          class="btn btn-small"
          data-testid="budget-add"
          onClick={() =>
            edit((l) => {
              l.push({
                label: '',
                kind: l.length === 0 ? 'per-complete' : 'fixed',
                amount: 0,
                currency: firstCurrency(),
              });
            })
          }
        >
          <Icon name="plus" />
          {t('plan.budget.add')}
        </button>
      </div>
    </section>
  );
}
