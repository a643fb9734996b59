import { text } from '../i18n';
import { Scale } from './Scale';
import type { RendererProps } from './types';

export function Rating(props: RendererProps<'rating'>) {
  return (
    <Scale
      name={props.q.id}
      min={props.q.scale.min}
      max={props.q.scale.max}
      minLabel={text(props.q.scale.minLabel)}
      maxLabel={text(props.q.scale.maxLabel)}
      notApplicable={props.q.notApplicable}
      value={typeof props.value === 'number' || props.value === 'na' ? props.value : undefined}
      onChange={props.onChange}
    />
  );
}
