import { For, Show } from 'solid-js';
import { fieldsSum } from '../../../shared/survey/more-answers';
import { t, text } from '../i18n';
import { DecimalField } from './DecimalField';
import type { RendererProps } from './types';

type Row = Record<string, number | string>;

/**
 * Several short fields in one question (numbers or texts), each with its own label. When the
 * numbers must add up to a total, the running total is in view, as in a constant sum.
 */
export function Fields(props: RendererProps<'fields'>) {
  const row = (): Row =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? (props.value as Row) : {};
  const set = (itemId: string, x: number | string | undefined) => {
    const next = { ...row() };
    if (x === undefined || x === '') delete next[itemId];
    else next[itemId] = x;
    props.onChange(Object.keys(next).length ? next : undefined);
  };
  const fieldId = (itemId: string) => `${props.inputId}-${itemId}`;
  const sum = () => fieldsSum(row());
  return (
    <div class="fields">
      <For each={props.q.items}>
        {(item) => (
          <div class="price">
            <label for={fieldId(item.id)}>{text(item.label)}</label>
            <Show
              when={props.q.input === 'number'}
              fallback={
                <input
                  type="text"
                  id={fieldId(item.id)}
                  maxLength={props.q.maxLength}
                  value={typeof row()[item.id] === 'string' ? (row()[item.id] as string) : ''}
                  aria-describedby={props.describedBy}
                  aria-invalid={props.invalid && row()[item.id] === undefined}
                  onInput={(e) => set(item.id, e.currentTarget.value)}
                />
              }
            >
              <DecimalField
                id={fieldId(item.id)}
                value={row()[item.id]}
                invalid={props.invalid}
                describedBy={props.describedBy}
                inputmode={props.q.integer && (props.q.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
                onChange={(x) => set(item.id, x)}
              />
            </Show>
          </div>
        )}
      </For>
      <Show when={props.q.total !== undefined}>
        <p class="total" classList={{ off: sum() !== props.q.total }} aria-live="polite">
          {t('importance.total', { sum: sum(), total: props.q.total! })}
        </p>
      </Show>
    </div>
  );
}
