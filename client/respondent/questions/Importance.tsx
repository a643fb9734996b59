import { For, Show } from 'solid-js';
import { t, text } from '../i18n';
import { Matrix } from './Matrix';
import type { RendererProps } from './types';

/**
 * Importance: items rated on a scale (shown as a matrix), or a constant sum where the respondent
 * shares out points; the running total is always in view, so "must add up to 100" is never a
 * surprise at Next.
 */
export function Importance(props: RendererProps<'importance'>) {
  const points = () =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value)
      ? (props.value as Record<string, unknown>)
      : {};
  const sum = () => Object.values(points()).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
  const set = (itemId: string, raw: string) => {
    const next = { ...points() };
    const s = raw.trim();
    // What is not a whole number is kept as typed, so validation can say so.
    if (s === '') delete next[itemId];
    else next[itemId] = /^\d{1,6}$/.test(s) ? Number(s) : s;
    props.onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <Show
      when={props.q.mode === 'sum'}
      fallback={
        <Matrix
          q={{ ...props.q, type: 'matrix', notApplicable: false, scale: props.q.scale }}
          value={props.value}
          onChange={props.onChange}
          inputId={props.inputId}
          describedBy={props.describedBy}
          invalid={props.invalid}
          seed={props.seed}
        />
      }
    >
      <div class="sum">
        <For each={props.q.items}>
          {(item) => (
            <label class="opt">
              <span>{text(item.label)}</span>
              <input
                type="text"
                inputmode="numeric"
                class="pts-in"
                autocomplete="off"
                value={String(points()[item.id] ?? '')}
                aria-invalid={props.invalid}
                onInput={(e) => set(item.id, e.currentTarget.value)}
              />
            </label>
          )}
        </For>
        <p class="total" classList={{ off: sum() !== props.q.total }} aria-live="polite">
          {t('importance.total', { sum: sum(), total: props.q.total })}
        </p>
      </div>
    </Show>
  );
}
