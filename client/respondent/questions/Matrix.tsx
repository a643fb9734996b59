import { For, Show } from 'solid-js';
import { matrixFitsTable, scalePoints, WIDE_QUERY } from '../../../shared/survey/page-view';
import { createMediaQuery } from '../media';
import { t, text } from '../i18n';
import { Scale } from './Scale';
import type { RendererProps } from './types';

type Row = Record<string, number | 'na'>;

/**
 * A battery of items on one scale. Phones get one card per item with the same big buttons as a
 * rating, because a grid of tiny radios is what respondents most complain about; wide screens get
 * a table whose rows are radio groups. Only one of the two is in the DOM, so each row stays a
 * single radio group. The table's end labels sit in a row of their own, spanning half the scale
 * each, because a header cell one point wide breaks "insoddisfatto" mid-word.
 */
export function Matrix(props: RendererProps<'matrix'>) {
  const wide = createMediaQuery(WIDE_QUERY);
  const row = (): Row =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? (props.value as Row) : {};
  const set = (itemId: string, point: number | 'na') => props.onChange({ ...row(), [itemId]: point });
  const points = () => scalePoints(props.q.scale.min, props.q.scale.max);
  const missing = (itemId: string) => props.invalid && row()[itemId] === undefined;
  const name = (itemId: string) => `${props.q.id}.${itemId}`;
  const rowId = (itemId: string) => `${props.q.id}-r-${itemId}`;
  const colId = (p: number | 'na') => `${props.q.id}-c-${p}`;
  const minLabel = () => text(props.q.scale.minLabel);
  const maxLabel = () => text(props.q.scale.maxLabel);

  return (
    <Show
      when={wide() && matrixFitsTable(points().length, props.q.notApplicable)}
      fallback={
        <div class="cards">
          <For each={props.q.items}>
            {(item) => (
              <fieldset class="card" classList={{ miss: missing(item.id) }}>
                <legend>{text(item.label)}</legend>
                <Scale
                  name={name(item.id)}
                  min={props.q.scale.min}
                  max={props.q.scale.max}
                  minLabel={minLabel()}
                  maxLabel={maxLabel()}
                  notApplicable={props.q.notApplicable}
                  value={row()[item.id]}
                  onChange={(p) => set(item.id, p)}
                />
              </fieldset>
            )}
          </For>
        </div>
      }
    >
      <table class="mx">
        <colgroup>
          <col class="items" />
          <col span={points().length} />
          <Show when={props.q.notApplicable}>
            <col class="na-col" />
          </Show>
        </colgroup>
        <thead>
          <Show when={minLabel() || maxLabel()}>
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the row holds only text; each radio's own label already names its end of the scale */}
            <tr class="ends-row" aria-hidden="true">
              <td />
              <td colspan={Math.ceil(points().length / 2)}>{minLabel()}</td>
              <td colspan={Math.floor(points().length / 2)}>{maxLabel()}</td>
              <Show when={props.q.notApplicable}>
                <td />
              </Show>
            </tr>
          </Show>
          <tr>
            <td />
            <For each={points()}>
              {(p) => (
                <th scope="col" id={colId(p)}>
                  {p}
                  <Show when={p === props.q.scale.min ? minLabel() : p === props.q.scale.max ? maxLabel() : ''}>
                    {(l) => <span class="sr">{` ${l()}`}</span>}
                  </Show>
                </th>
              )}
            </For>
            <Show when={props.q.notApplicable}>
              <th scope="col" id={colId('na')}>
                <small>{t('question.notApplicable')}</small>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.q.items}>
            {(item) => {
              const cell = (p: number | 'na') => (
                <td>
                  <label class="cell">
                    <input
                      type="radio"
                      name={name(item.id)}
                      value={p}
                      aria-labelledby={`${rowId(item.id)} ${colId(p)}`}
                      checked={row()[item.id] === p}
                      onChange={() => set(item.id, p)}
                    />
                    <span />
                  </label>
                </td>
              );
              return (
                <tr classList={{ miss: missing(item.id) }}>
                  <th scope="row" id={rowId(item.id)}>
                    {text(item.label)}
                  </th>
                  <For each={points()}>{(p) => cell(p)}</For>
                  <Show when={props.q.notApplicable}>{cell('na')}</Show>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
