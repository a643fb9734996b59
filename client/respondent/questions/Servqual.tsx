import { For } from 'solid-js';
import { t, text } from '../i18n';
import { Scale } from './Scale';
import type { RendererProps } from './types';

type Pair = { e?: number; p?: number };

/**
 * SERVQUAL: each item rated twice on the same scale, what the respondent expects of an excellent
 * provider and what they experienced here. One card per item keeps the two ratings side by side,
 * which is what makes the gap meaningful to the respondent too.
 */
export function Servqual(props: RendererProps<'servqual'>) {
  const pairs = () =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value)
      ? (props.value as Record<string, Pair>)
      : {};
  const set = (itemId: string, k: 'e' | 'p', point: number) =>
    props.onChange({ ...pairs(), [itemId]: { ...pairs()[itemId], [k]: point } });
  const scale = (itemId: string, k: 'e' | 'p') => (
    <Scale
      name={`${props.q.id}.${itemId}.${k}`}
      min={props.q.scale.min}
      max={props.q.scale.max}
      minLabel={text(props.q.scale.minLabel)}
      maxLabel={text(props.q.scale.maxLabel)}
      value={pairs()[itemId]?.[k]}
      onChange={(p) => typeof p === 'number' && set(itemId, k, p)}
    />
  );
  return (
    <div class="cards">
      <For each={props.q.items}>
        {(item) => (
          <fieldset
            class="card"
            classList={{
              miss: props.invalid && (pairs()[item.id]?.e === undefined || pairs()[item.id]?.p === undefined),
            }}
          >
            <legend>{text(item.label)}</legend>
            <fieldset class="sub">
              <legend>{text(props.q.expectationLabel) || t('servqual.expectation')}</legend>
              {scale(item.id, 'e')}
            </fieldset>
            <fieldset class="sub">
              <legend>{text(props.q.perceptionLabel) || t('servqual.perception')}</legend>
              {scale(item.id, 'p')}
            </fieldset>
          </fieldset>
        )}
      </For>
    </div>
  );
}
