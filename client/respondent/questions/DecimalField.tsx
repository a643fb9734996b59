import { createEffect, createSignal, untrack } from 'solid-js';
import { locale } from '../i18n';
import { decimalMarkOf, formatForInput, parseNumber } from './parse-number';

/**
 * A number typed as text with a numeric keypad: type="number" silently empties what it cannot
 * parse (the respondent would then be told "required" for "12,5" in some browsers), and its
 * spinners invite mistakes. What does not parse is stored as typed, so validation says "enter a
 * number". The answer follows every keystroke (a change only on blur would move the page under a
 * pointer already pressing Next), while the field keeps the respondent's own spelling.
 */
export function DecimalField(props: {
  id: string;
  value: unknown;
  invalid: boolean;
  describedBy: string | undefined;
  required?: boolean;
  inputmode: 'numeric' | 'decimal';
  onChange: (value: number | string | undefined) => void;
}) {
  const mark = () => decimalMarkOf(locale());
  const toText = (v: unknown) => (typeof v === 'number' ? formatForInput(v, mark()) : typeof v === 'string' ? v : '');
  const read = (s: string) => (s.trim() === '' ? undefined : (parseNumber(s, mark()) ?? s));
  const [draft, setDraft] = createSignal(toText(props.value));
  // Follows the answer only when it changed elsewhere (start again), not on every keystroke.
  createEffect(() => {
    const value = props.value;
    if (untrack(() => read(draft())) !== value) setDraft(toText(value));
  });
  return (
    <input
      type="text"
      id={props.id}
      class="num"
      inputmode={props.inputmode}
      autocomplete="off"
      value={draft()}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      aria-required={props.required}
      onInput={(e) => {
        setDraft(e.currentTarget.value);
        props.onChange(read(e.currentTarget.value));
      }}
    />
  );
}
