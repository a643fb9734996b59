import { Show } from 'solid-js';
import type { RendererProps } from './types';

/**
 * Free text. maxLength stops typing and pasting at the limit, so too-long can only come back from
 * an answer kept on the device.
 */
export function TextInput(props: RendererProps<'text'>) {
  const value = () => (typeof props.value === 'string' ? props.value : '');
  const input = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    props.onChange(e.currentTarget.value || undefined);
  return (
    <Show
      when={props.q.multiline}
      fallback={
        <input
          type="text"
          id={props.inputId}
          value={value()}
          maxLength={props.q.maxLength}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid}
          aria-required={props.q.required}
          onInput={input}
        />
      }
    >
      <textarea
        id={props.inputId}
        rows={5}
        value={value()}
        maxLength={props.q.maxLength}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid}
        aria-required={props.q.required}
        onInput={input}
      />
    </Show>
  );
}
