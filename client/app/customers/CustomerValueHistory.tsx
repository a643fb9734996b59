/** The customer page's value timeline: each recomputation that changed their tier, segment, scores or revenue, newest first. */
import { For, Show } from 'solid-js';
import type { ValueChange } from '../../../shared/customers/schema';
import type { Segment } from '../../../shared/customers/value';
import { formatCurrency } from '../../../shared/i18n/format';
import { useI18n } from '../lib/i18n';
import { SEGMENT_KEY, tierLabel } from './keys';

export default function CustomerValueHistory(props: { history: ValueChange[]; currency: string | null }) {
  const { t, locale, date } = useI18n();
  const money = (amount: number) => (props.currency ? formatCurrency(locale(), amount, props.currency) : '—');
  const score = (n: number | null) => (n === null ? '—' : String(n));
  // Newest first, each beside the one before it, so what changed can be marked.
  const entries = () =>
    props.history.map((change, i) => ({ change, before: i > 0 ? props.history[i - 1] : null })).reverse();
  return (
    <section class="card" aria-labelledby="history-h" data-testid="value-history">
      <h2 id="history-h">{t('customers.history.title')}</h2>
      <Show when={props.history.length > 0} fallback={<p class="muted">{t('customers.history.empty')}</p>}>
        <ol class="value-timeline">
          <For each={entries()}>
            {({ change, before }) => {
              const moved = (pick: (x: ValueChange) => unknown) => before !== null && pick(before) !== pick(change);
              return (
                <li>
                  <time class="muted" datetime={new Date(change.at).toISOString()}>
                    {date(change.at, 'date')}
                  </time>
                  <span class="value-timeline-facts">
                    <span classList={{ changed: moved((x) => x.tier) }}>{tierLabel(t, change.tierName)}</span>
                    <Show when={change.segment}>
                      <span classList={{ changed: moved((x) => x.segment) }}>
                        {t(SEGMENT_KEY[change.segment as Segment])}
                      </span>
                    </Show>
                    <span classList={{ changed: moved((x) => `${x.r}${x.f}${x.m}`) }}>
                      <span aria-hidden="true">
                        {t('customers.history.scores', { r: score(change.r), f: score(change.f), m: score(change.m) })}
                      </span>
                      <span class="visually-hidden">
                        {t('customers.history.scoresLabel', {
                          r: score(change.r),
                          f: score(change.f),
                          m: score(change.m),
                        })}
                      </span>
                    </span>
                    <span classList={{ changed: moved((x) => x.monetary) }}>{money(change.monetary)}</span>
                  </span>
                  <Show when={before === null}>
                    <span class="muted value-timeline-note">{t('customers.history.first')}</span>
                  </Show>
                </li>
              );
            }}
          </For>
        </ol>
        <p class="muted customer-rule">{t('customers.history.hint')}</p>
      </Show>
    </section>
  );
}
