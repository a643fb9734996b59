import type { RendererProps } from './types';

/** A date: the phone's own date picker, bounded by the question's earliest and latest dates. */
export function DateInput(props: RendererProps<'date'>) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: screen readers announce it; native `required` would add the browser's own bubble, in the browser's language rather than the survey's
    <input
      type="date"
      id={props.inputId}
      class="date"
      min={props.q.min}
      max={props.q.max}
      value={typeof props.value === 'string' ? props.value : ''}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      aria-required={props.q.required}
      onInput={(e) => props.onChange(e.currentTarget.value || undefined)}
    />
  );
}
