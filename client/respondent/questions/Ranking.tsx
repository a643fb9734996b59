import { For, Show } from 'solid-js';
import { optionOrder } from '../../../shared/survey/page-view';
import { t, text } from '../i18n';
import type { RendererProps } from './types';

/**
 * Ranking with Move up / Move down buttons: they work by keyboard, screen reader and thumb alike,
 * where dragging on a phone fights the page's scrolling. The first move stores the whole order;
 * a respondent happy with the order shown says so with "Keep this order", never by default.
 */
export function Ranking(props: RendererProps<'ranking'>) {
  const start = () => optionOrder(props.q.options, props.q.randomize, props.seed, props.q.id);
  const order = () => {
    const ids = Array.isArray(props.value) ? props.value : [];
    const byId = (id: string) => props.q.options.find((o) => o.id === id);
    return ids.length === props.q.options.length && ids.every(byId) ? ids.map((id) => byId(id)!) : start();
  };
  const buttonId = (optionId: string, dir: -1 | 1) => `${props.q.id}-${optionId}-${dir < 0 ? 'up' : 'down'}`;
  const move = (index: number, dir: -1 | 1) => {
    const ids = order().map((o) => o.id);
    const moved = ids[index];
    [ids[index], ids[index + dir]] = [ids[index + dir], ids[index]];
    props.onChange(ids);
    // The row's buttons are re-rendered; keep the focus on the one pressed, or on its twin once
    // the row reaches the end of the list and the pressed one is disabled.
    const at = index + dir;
    const stuck = (dir < 0 && at === 0) || (dir > 0 && at === ids.length - 1);
    queueMicrotask(() => document.getElementById(buttonId(moved, stuck ? (-dir as -1 | 1) : dir))?.focus());
  };
  return (
    <>
      <p class="hint">{t('ranking.instructions')}</p>
      <ol class="rank">
        <For each={order()}>
          {(o, i) => (
            <li class="opt">
              <b aria-hidden="true">{i() + 1}</b>
              <span>{text(o.label)}</span>
              <button
                type="button"
                class="mv"
                id={buttonId(o.id, -1)}
                disabled={i() === 0}
                aria-label={`${t('ranking.moveUp')}: ${text(o.label)}`}
                onClick={() => move(i(), -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="mv"
                id={buttonId(o.id, 1)}
                disabled={i() === order().length - 1}
                aria-label={`${t('ranking.moveDown')}: ${text(o.label)}`}
                onClick={() => move(i(), 1)}
              >
                ↓
              </button>
            </li>
          )}
        </For>
      </ol>
      <Show when={!Array.isArray(props.value)}>
        <button type="button" class="link" onClick={() => props.onChange(order().map((o) => o.id))}>
          {t('ranking.keep')}
        </button>
      </Show>
    </>
  );
}
