/**
 * The quota cells as a table (one variable) or a cross-table (two): each target editable, row and
 * column sums, and the sum of all cells beside the total it should match.
 */
import { For, Show } from 'solid-js';
import { cellKey } from '../../../shared/plan';
import { useI18n } from '../lib/i18n';
import { NumberCell } from './fields';
import type { QuotasInput } from './VariableEditor';

export interface ShownCell {
  key: string;
  values: string[];
  target: number;
  share: number | null;
}

export default function QuotaCells(props: {
  quotas: QuotasInput;
  cells: ShownCell[];
  total: number | null;
  manual: boolean;
  onTarget: (key: string, target: number) => void;
  onReallocate: () => void;
  problem?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const byKey = () => new Map(props.cells.map((c) => [c.key, c]));
  const rows = () => props.quotas.variables[0].categories;
  const columns = () => props.quotas.variables[1]?.categories ?? null;
  const labelOf = (c: { value: string; label?: string }) => c.label?.trim() || c.value;
  const sum = (cells: (ShownCell | undefined)[]) => cells.reduce((a, c) => a + (c?.target ?? 0), 0);
  const all = () => sum(props.cells);
  const keysOf = (row: string) => (columns() ?? [null]).map((col) => cellKey(col === null ? [row] : [row, col.value]));

  const Cell = (p: { row: { value: string; label?: string }; col: { value: string; label?: string } | null }) => {
    const cell = () => byKey().get(cellKey(p.col === null ? [p.row.value] : [p.row.value, p.col.value]));
    const name = () => (p.col ? `${labelOf(p.row)} × ${labelOf(p.col)}` : labelOf(p.row));
    return (
      <td class="num quota-cell">
        <Show when={cell()} fallback={'—'}>
          {(c) => (
            <>
              <NumberCell
                label={t('plan.quotas.targetOf', { name: name() })}
                value={c().target}
                testid={`cell-target-${c().key}`}
                invalid={!Number.isInteger(c().target) || c().target < 0}
                onChange={(x) => props.onTarget(c().key, x === undefined ? 0 : x)}
              />
              <Show when={c().share !== null}>
                <span class="cell-share">{i18n.pct(c().share!, 1)}</span>
              </Show>
            </>
          )}
        </Show>
      </td>
    );
  };

  return (
    <div class="quota-cells">
      <div class="table-wrap">
        <table class="data-table cells-table" data-testid="quota-cells">
          <thead>
            <tr>
              <th scope="col">{props.quotas.variables[0].label?.trim() || props.quotas.variables[0].source}</th>
              <Show
                when={columns()}
                fallback={
                  <th scope="col" class="num">
                    {t('plan.quotas.target')}
                  </th>
                }
              >
                <For each={columns()!}>
                  {(col) => (
                    <th scope="col" class="num">
                      {labelOf(col)}
                    </th>
                  )}
                </For>
                <th scope="col" class="num">
                  {t('plan.quotas.rowTotal')}
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">{labelOf(row)}</th>
                  <For each={columns() ?? [null]}>{(col) => <Cell row={row} col={col} />}</For>
                  <Show when={columns()}>
                    <td class="num">{i18n.num(sum(keysOf(row.value).map((k) => byKey().get(k))))}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
          <Show when={columns()}>
            <tfoot>
              <tr>
                <th scope="row">{t('plan.quotas.columnTotal')}</th>
                <For each={columns()!}>
                  {(col) => (
                    <td class="num">{i18n.num(sum(rows().map((r) => byKey().get(cellKey([r.value, col.value])))))}</td>
                  )}
                </For>
                <td class="num">{i18n.num(all())}</td>
              </tr>
            </tfoot>
          </Show>
        </table>
      </div>
      <p
        class={`cells-sum ${props.total !== null && all() !== props.total ? 'is-off' : ''}`}
        data-testid="cells-sum"
        aria-live="polite"
      >
        {props.total === null
          ? t('plan.quotas.cellsSum', { sum: all() })
          : all() === props.total
            ? t('plan.quotas.cellsMatch', { sum: all() })
            : t('plan.quotas.cellsDiffer', { sum: all(), total: props.total })}
      </p>
      <Show when={props.problem}>
        <p class="field-error" role="alert">
          {props.problem}
        </p>
      </Show>
      <Show when={props.manual}>
        <p class="field-hint">
          {t('plan.quotas.editedByHand')}{' '}
          <button
            type="button"
            class="btn btn-small"
            onClick={() => props.onReallocate()}
            data-testid="quota-reallocate"
          >
            {t('plan.quotas.reallocate')}
          </button>
        </p>
      </Show>
    </div>
  );
}
