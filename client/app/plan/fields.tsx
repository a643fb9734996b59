/** Plan form fields: a label, the control, a hint and the message for bad input, tied together for screen readers. */
import { createEffect, createSignal, createUniqueId, For, on, Show, type JSX } from 'solid-js';
import { decimalMarkOf, formatForInput, parseNumber } from '../../respondent/questions/parse-number';
import { useI18n } from '../lib/i18n';

interface FieldProps {
  label: string;
  error?: string | null;
  hint?: string;
  class?: string;
  testid?: string;
}

function Field(props: FieldProps & { id: string; children: JSX.Element }) {
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {props.children}
      <Show when={props.hint}>
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p
          class="field-error"
          id={`${props.id}-error`}
          data-testid={props.testid ? `${props.testid}-error` : undefined}
        >
          {props.error}
        </p>
      </Show>
    </div>
  );
}

const describedBy = (id: string, p: FieldProps) =>
  [p.error ? `${id}-error` : '', p.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

/** Whole numbers in the displayed unit never show float noise such as 7.000000000000001. */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * The text of a number input, typed in the reader's own notation ("99,5" in Italian). `scale`
 * shows a share as a percentage (0.95 ↔ 95). The text stays as typed while it still parses to
 * the value, so "0," isn't rewritten under the cursor; empty is undefined, unreadable is NaN (the
 * schema then names the field).
 */
function numberText(
  value: () => number | undefined,
  onChange: (value: number | undefined) => void,
  scale: () => number,
) {
  const i18n = useI18n();
  const mark = () => decimalMarkOf(i18n.locale());
  const show = (v: number | undefined) =>
    v === undefined || Number.isNaN(v) ? '' : formatForInput(clean(v * scale()), mark());
  const read = (text: string) => {
    if (text.trim() === '') return undefined;
    const n = parseNumber(text, mark());
    return n === null ? NaN : n / scale();
  };
  const [text, setText] = createSignal(show(value()));
  createEffect(
    on(
      value,
      (v) => {
        const mine = read(text());
        if (!(mine === v || (Number.isNaN(mine) && Number.isNaN(v)))) setText(show(v));
      },
      { defer: true },
    ),
  );
  const onInput = (raw: string) => {
    setText(raw);
    onChange(read(raw));
  };
  return [text, onInput] as const;
}

export function NumberField(
  props: FieldProps & {
    value: number | undefined;
    onChange: (value: number | undefined) => void;
    scale?: number;
    suffix?: string;
    placeholder?: string;
    disabled?: boolean;
  },
) {
  const id = createUniqueId();
  const [text, onInput] = numberText(
    () => props.value,
    (v) => props.onChange(v),
    () => props.scale ?? 1,
  );
  return (
    <Field {...props} id={id}>
      <span class="input-affix">
        <input
          id={id}
          class="input"
          type="text"
          inputmode="decimal"
          value={text()}
          placeholder={props.placeholder}
          disabled={props.disabled}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(id, props)}
          data-testid={props.testid}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <Show when={props.suffix}>
          <span class="affix">{props.suffix}</span>
        </Show>
      </span>
    </Field>
  );
}

/** A bare number input for tables, named by `label` for screen readers. */
export function NumberCell(props: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  invalid?: boolean;
  disabled?: boolean;
  testid?: string;
}) {
  const [text, onInput] = numberText(
    () => props.value,
    (v) => props.onChange(v),
    () => 1,
  );
  return (
    <input
      class="input input-cell"
      type="text"
      inputmode="decimal"
      value={text()}
      aria-label={props.label}
      disabled={props.disabled}
      aria-invalid={props.invalid ? 'true' : undefined}
      data-testid={props.testid}
      onInput={(e) => onInput(e.currentTarget.value)}
    />
  );
}

export function TextAreaField(
  props: FieldProps & { value: string; onChange: (value: string) => void; disabled?: boolean; rows?: number },
) {
  const id = createUniqueId();
  return (
    <Field {...props} id={id}>
      <textarea
        id={id}
        class="input"
        rows={props.rows ?? 2}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testid}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    </Field>
  );
}

export function TextInputField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    disabled?: boolean;
    type?: 'text' | 'date';
    maxLength?: number;
  },
) {
  const id = createUniqueId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        class="input"
        type={props.type ?? 'text'}
        value={props.value}
        disabled={props.disabled}
        maxLength={props.maxLength}
        data-testid={props.testid}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    </Field>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & {
    value: T;
    options: readonly T[];
    labelOf: (value: T) => string;
    onChange: (value: T) => void;
    disabled?: boolean;
  },
) {
  const id = createUniqueId();
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        class="select"
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testid}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        <For each={props.options}>{(o) => <option value={o}>{props.labelOf(o)}</option>}</For>
      </select>
    </Field>
  );
}

/** Buttons that pick one of a few values, for choices worth seeing side by side. */
export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  labelOf: (value: T) => string;
  onChange: (value: T) => void;
  disabled?: boolean;
  testid?: string;
}) {
  return (
    <div class="segmented" role="group" aria-label={props.label} data-testid={props.testid}>
      <For each={props.options}>
        {(o) => (
          <button
            type="button"
            class="segment"
            aria-pressed={props.value === o}
            disabled={props.disabled}
            onClick={() => props.onChange(o)}
          >
            {props.labelOf(o)}
          </button>
        )}
      </For>
    </div>
  );
}
