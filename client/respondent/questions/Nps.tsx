import { t } from '../i18n';
import { Scale } from './Scale';
import type { RendererProps } from './types';

/** Net Promoter: always 0–10 with the standard end wording, in the respondent's language. */
export function Nps(props: RendererProps<'nps'>) {
  return (
    <Scale
      name={props.q.id}
      min={0}
      max={10}
      minLabel={t('nps.low')}
      maxLabel={t('nps.high')}
      value={typeof props.value === 'number' ? props.value : undefined}
      onChange={props.onChange}
    />
  );
}
