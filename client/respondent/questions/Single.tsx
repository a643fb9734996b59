import { For, Show } from 'solid-js';
import { seededShuffle } from '../shuffle';
import { t, text } from '../i18n';
import type { RendererProps } from './types';

/** One choice: a list of radios, or a <select> when the survey asks for a dropdown (long lists). */
export function Single(props: RendererProps<'single'>) {
  const options = () => (props.q.randomize ? seededShuffle(props.q.options, props.seed + props.q.id) : props.q.options);
  return (
    <Show
      when={props.q.display === 'dropdown'}
      fallback={
        <div class="opts">
          <For each={options()}>
            {(o) => (
              <label class="opt">
                <input type="radio" name={props.q.id} value={o.id} checked={props.value === o.id} onChange={() => props.onChange(o.id)} />
                <span>{text(o.label)}</span>
              </label>
            )}
          </For>
        </div>
      }
    >
      <select
        id={props.inputId}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid}
        aria-required={props.q.required}
        onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
      >
        <option value="" selected={props.value === undefined}>{t('question.choose')}</option>
        <For each={options()}>
          {(o) => <option value={o.id} selected={props.value === o.id}>{text(o.label)}</option>}
        </For>
      </select>
    </Show>
  );
}
