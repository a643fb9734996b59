import { DecimalField } from './DecimalField';
import type { RendererProps } from './types';

/** A number question: a whole non-negative number gets the digits-only keypad. */
export function NumberInput(props: RendererProps<'number'>) {
  return (
    <DecimalField
      id={props.inputId}
      value={props.value}
      invalid={props.invalid}
      describedBy={props.describedBy}
      required={props.q.required}
      inputmode={props.q.integer && (props.q.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
      onChange={props.onChange}
    />
  );
}
