import { For, Show } from 'solid-js';
import { scalePoints } from '../../../shared/survey/page-view';
import { t } from '../i18n';

export interface ScaleProps {
  /** Radio group name: one group per rating, NPS or matrix row. */
  name: string;
  min: number;
  max: number;
  value: number | 'na' | undefined;
  onChange: (value: number | 'na') => void;
  minLabel?: string;
  maxLabel?: string;
  notApplicable?: boolean;
}

/**
 * A row of large radio buttons from min to max. Native radios keep arrow-key movement and screen
 * reader announcements; the end labels are read with the first and last point, and shown once
 * under the row. A row too narrow for 44 px targets wraps into two (eleven points do not fit in
 * 320 px); the end labels of a long scale then carry their numbers.
 */
export function Scale(props: ScaleProps) {
  const points = () => scalePoints(props.min, props.max);
  const count = () => props.max - props.min + 1;
  const label = (p: number) => (p === props.min ? props.minLabel : p === props.max ? props.maxLabel : undefined);
  return (
    <div
      class="scale"
      classList={{ long: count() > 5 }}
      data-n={count()}
      style={{ '--n': count(), '--h': Math.ceil(count() / 2) }}
    >
      <div class="pts">
        <For each={points()}>
          {(p) => (
            <label class="pt">
              <input
                type="radio"
                name={props.name}
                value={p}
                checked={props.value === p}
                onChange={() => props.onChange(p)}
              />
              <span>
                {p}
                <Show when={label(p)}>{(l) => <span class="sr">{` ${l()}`}</span>}</Show>
              </span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.minLabel || props.maxLabel}>
        <div class="ends" aria-hidden="true">
          <span>
            <Show when={props.minLabel}>
              <b>{props.min}</b> {props.minLabel}
            </Show>
          </span>
          <span>
            <Show when={props.maxLabel}>
              {props.maxLabel} <b>{props.max}</b>
            </Show>
          </span>
        </div>
      </Show>
      <Show when={props.notApplicable}>
        <label class="pt na">
          <input
            type="radio"
            name={props.name}
            value="na"
            checked={props.value === 'na'}
            onChange={() => props.onChange('na')}
          />
          <span>{t('question.notApplicable')}</span>
        </label>
      </Show>
    </div>
  );
}
