import { createEffect, createSignal, untrack } from 'solid-js';
import { locale } from '../i18n';
import { decimalMarkOf, formatForInput, parseNumber } from './parse-number';
import type { RendererProps } from './types';

/**
 * A number typed as text with a numeric keypad: type="number" silently empties what it cannot
 * parse (the respondent would then be told "required" for "12,5" in some browsers), and its
 * spinners invite mistakes. What does not parse is stored as typed, so validation says "enter a
 * number". The field keeps the respondent's own spelling while they type.
 */
export function NumberInput(props: RendererProps<'number'>) {
  const mark = () => decimalMarkOf(locale());
  const toText = (v: unknown) => (typeof v === 'number' ? formatForInput(v, mark()) : typeof v === 'string' ? v : '');
  const read = (s: string) => (s.trim() === '' ? undefined : parseNumber(s, mark()) ?? s);
  const [draft, setDraft] = createSignal(toText(props.value));
  // Follows the answer only when it changed elsewhere (start again), not on every keystroke.
  createEffect(() => {
    const value = props.value;
    if (untrack(() => read(draft())) !== value) setDraft(toText(value));
  });
  return (
    <input
      type="text"
      id={props.inputId}
      class="num"
      inputmode={props.q.integer && (props.q.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
      autocomplete="off"
      value={draft()}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      aria-required={props.q.required}
      onInput={(e) => {
        setDraft(e.currentTarget.value);
        props.onChange(read(e.currentTarget.value));
      }}
    />
  );
}
