import { For } from 'solid-js';
import { t, text } from '../i18n';
import type { RendererProps } from './types';

/** Yes or no, as two large radios side by side; the survey may word them its own way. */
export function YesNo(props: RendererProps<'yesno'>) {
  const label = (v: 'yes' | 'no') =>
    v === 'yes' ? text(props.q.yesLabel) || t('question.yes') : text(props.q.noLabel) || t('question.no');
  return (
    <div class="opts yn2">
      <For each={['yes', 'no'] as const}>
        {(v) => (
          <label class="opt">
            <input
              type="radio"
              name={props.q.id}
              value={v}
              checked={props.value === v}
              onChange={() => props.onChange(v)}
            />
            <span>{label(v)}</span>
          </label>
        )}
      </For>
    </div>
  );
}
