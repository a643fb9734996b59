import { For, Show } from 'solid-js';
import { optionOrder } from '../../../shared/survey/page-view';
import { t, text } from '../i18n';
import type { RendererProps } from './types';

/** Several choices: checkboxes, with the min/max rule stated up front rather than only on error. */
export function Multiple(props: RendererProps<'multiple'>) {
  const options = () => optionOrder(props.q.options, props.q.randomize, props.seed, props.q.id);
  const chosen = () => (Array.isArray(props.value) ? props.value : []);
  const toggle = (id: string, on: boolean) => {
    const set = new Set(chosen());
    if (on) set.add(id);
    else set.delete(id);
    // Stored in the definition's order, whatever order they were ticked or shown in.
    const next = props.q.options.filter((o) => set.has(o.id)).map((o) => o.id);
    props.onChange(next.length ? next : undefined);
  };
  const hint = () =>
    [
      props.q.min ? t('validation.minChoices', { count: props.q.min }) : '',
      props.q.max ? t('validation.maxChoices', { count: props.q.max }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  return (
    <>
      <Show when={hint()}>
        <p class="hint">{hint()}</p>
      </Show>
      <div class="opts">
        <For each={options()}>
          {(o) => (
            <label class="opt">
              <input
                type="checkbox"
                name={props.q.id}
                value={o.id}
                checked={chosen().includes(o.id)}
                onChange={(e) => toggle(o.id, e.currentTarget.checked)}
              />
              <span>{text(o.label)}</span>
            </label>
          )}
        </For>
      </div>
    </>
  );
}
