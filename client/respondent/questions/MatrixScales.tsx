import { For, Show } from 'solid-js';
import type { ScaleColumn } from '../../../shared/survey/more-types';
import { text } from '../i18n';
import { Scale } from './Scale';
import type { RendererProps } from './types';

type Rows = Record<string, Record<string, number>>;

/**
 * Items each rated on several scales (importance and satisfaction, say): one card per item with a
 * group per scale, as SERVQUAL's expectation and perception. A scale that words every point is a
 * list of labelled radios; one with end labels only is a row of numbered buttons.
 */
export function MatrixScales(props: RendererProps<'matrixScales'>) {
  const rows = (): Rows =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? (props.value as Rows) : {};
  const set = (itemId: string, scaleId: string, p: number) =>
    props.onChange({ ...rows(), [itemId]: { ...(rows()[itemId] ?? {}), [scaleId]: p } });
  const points = (s: ScaleColumn) => s.pointLabels!.map((label, k) => ({ p: s.scale.min + k, label }));
  return (
    <div class="cards">
      <For each={props.q.items}>
        {(item) => (
          <fieldset
            class="card"
            classList={{ miss: props.invalid && props.q.scales.some((s) => rows()[item.id]?.[s.id] === undefined) }}
          >
            <legend>{text(item.label)}</legend>
            <For each={props.q.scales}>
              {(s) => (
                <fieldset class="sub">
                  <legend>{text(s.label)}</legend>
                  <Show
                    when={s.pointLabels}
                    fallback={
                      <Scale
                        name={`${props.q.id}.${item.id}.${s.id}`}
                        min={s.scale.min}
                        max={s.scale.max}
                        minLabel={text(s.scale.minLabel)}
                        maxLabel={text(s.scale.maxLabel)}
                        value={rows()[item.id]?.[s.id]}
                        onChange={(p) => set(item.id, s.id, p as number)}
                      />
                    }
                  >
                    <div class="opts">
                      <For each={points(s)}>
                        {(o) => (
                          <label class="opt">
                            <input
                              type="radio"
                              name={`${props.q.id}.${item.id}.${s.id}`}
                              value={o.p}
                              checked={rows()[item.id]?.[s.id] === o.p}
                              onChange={() => set(item.id, s.id, o.p)}
                            />
                            <span>{text(o.label)}</span>
                          </label>
                        )}
                      </For>
                    </div>
                  </Show>
                </fieldset>
              )}
            </For>
          </fieldset>
        )}
      </For>
    </div>
  );
}
