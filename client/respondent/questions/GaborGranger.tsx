import { For, Show } from 'solid-js';
import { ladderHighest, ladderNext, type LadderStep } from '../../../shared/survey/ladder';
import { t } from '../i18n';
import { money } from './money';
import type { RendererProps } from './types';

/**
 * The Gabor-Granger ladder, one price at a time: yes asks the next price up, no the next one down
 * (shared/survey/ladder.ts). The answers given stay listed; "Change my answers" starts over.
 */
export function GaborGranger(props: RendererProps<'gaborGranger'>) {
  const path = (): LadderStep[] => {
    const p = (props.value as { path?: unknown } | undefined)?.path;
    return Array.isArray(p) ? (p as LadderStep[]) : [];
  };
  const next = () => ladderNext(props.q.prices, props.q.start, path());
  const price = (n: number) => money(n, props.q.currency);
  const answer = (buy: boolean) => {
    const at = next();
    if (at === null) return;
    const steps = [...path(), { price: props.q.prices[at], buy }];
    props.onChange({ path: steps, highest: ladderHighest(steps) });
    queueMicrotask(() => document.getElementById(`${props.inputId}-yes`)?.focus());
  };
  return (
    <div class="gg">
      <ul class="steps">
        <For each={path()}>
          {(s) => (
            <li>
              {t('gg.question', { price: price(s.price) })} <b>{s.buy ? t('gg.yes') : t('gg.no')}</b>
            </li>
          )}
        </For>
      </ul>
      <Show
        when={next() !== null}
        fallback={
          <button type="button" class="link" onClick={() => props.onChange(undefined)}>
            {t('gg.again')}
          </button>
        }
      >
        <div class="ask" role="group" aria-labelledby={`${props.inputId}-ask`}>
          <p id={`${props.inputId}-ask`} aria-live="polite">
            {t('gg.question', { price: price(props.q.prices[next()!]) })}
          </p>
          <div class="yn">
            <button type="button" class="btn secondary" id={`${props.inputId}-yes`} onClick={() => answer(true)}>
              {t('gg.yes')}
            </button>
            <button type="button" class="btn secondary" onClick={() => answer(false)}>
              {t('gg.no')}
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
