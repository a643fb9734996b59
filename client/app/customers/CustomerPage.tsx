/**
 * /customers/:id: one customer — value and RFM scores with the rule they follow, how their value
 * changed, contact, attributes, the key scores of their answers across surveys and waves.
 */
import { A, useParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { Segment } from '../../../shared/customers/value';
import { formatCurrency } from '../../../shared/i18n/format';
import type { AppKey } from '../../../shared/i18n';
import { isLocale, LOCALE_NAMES, type Locale } from '../../../shared/i18n/locales';
import { api } from '../lib/api';
import { ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { useSession } from '../auth/session';
import CustomerPrivacy from './CustomerPrivacy';
import CustomerCases from './CustomerCases';
import CustomerScores from './CustomerScores';
import CustomerValueHistory from './CustomerValueHistory';
import { SEGMENT_KEY, tierLabel } from './keys';
import './customers.css';

export default function CustomerPage() {
  const { t, locale, date } = useI18n();
  const params = useParams<{ id: string }>();
  const session = useSession();
  const [customer, { refetch }] = createResource(
    () => params.id,
    (id) => api.get('/api/customers/:id', { params: { id: encodeURIComponent(id) } }),
  );
  const money = (amount: number, currency: string | null) =>
    currency ? formatCurrency(locale(), amount, currency) : '—';

  return (
    <div class="page customer-page">
      <p>
        <A href="/customers">← {t('customers.back')}</A>
      </p>
      <Switch fallback={<Loading />}>
        <Match when={customer.error}>
          <ErrorBox error={customer.error} onRetry={refetch} />
        </Match>
        <Match when={customer()}>
          {(c) => (
            <>
              <header class="page-header">
                <div>
                  <h1 data-testid="customer-name">{c().name ?? c().externalId}</h1>
                  <p class="muted">
                    {c().externalId} · {tierLabel(t, c().value.tierName)}
                    <Show when={c().value.segment}> · {t(SEGMENT_KEY[c().value.segment as Segment])}</Show>
                  </p>
                </div>
              </header>
              <div class="customer-grid">
                <section class="card" aria-labelledby="value-h">
                  <h2 id="value-h">{t('customers.value')}</h2>
                  <dl class="customer-facts">
                    <dt>{t('customers.monetary')}</dt>
                    <dd data-testid="customer-revenue">{money(c().value.monetary, c().value.currency)}</dd>
                    <dt>{t('customers.frequency')}</dt>
                    <dd>{c().value.frequency}</dd>
                    <dt>{t('customers.lastPurchase')}</dt>
                    <dd>
                      {c().value.lastPurchaseAt === null
                        ? t('customers.never')
                        : date(c().value.lastPurchaseAt!, 'date')}
                    </dd>
                  </dl>
                  <h3>{t('customers.rfm')}</h3>
                  <div class="rfm" data-testid="customer-rfm">
                    <For
                      each={
                        [
                          ['customers.score.recency', c().value.r],
                          ['customers.score.frequency', c().value.f],
                          ['customers.score.monetary', c().value.m],
                        ] as [AppKey, number | null][]
                      }
                    >
                      {([key, score]) => (
                        <div class="rfm-score">
                          <span class="rfm-value">{score ?? '—'}</span>
                          <span class="muted">{t(key)}</span>
                          <meter min={0} max={5} value={score ?? 0} aria-label={`${t(key)}: ${score ?? '—'} / 5`} />
                        </div>
                      )}
                    </For>
                  </div>
                  <p class="muted customer-rule">{t('customers.rfmRule')}</p>
                </section>
                <section class="card" aria-labelledby="contact-h">
                  <h2 id="contact-h">{t('customers.contact')}</h2>
                  <Show
                    when={c().email !== null || c().phone !== null}
                    fallback={
                      <p class="muted" data-testid="contact-hidden">
                        {t('customers.contactHidden')}
                      </p>
                    }
                  >
                    <dl class="customer-facts">
                      <dt>{t('customers.email')}</dt>
                      <dd>{c().email ?? '—'}</dd>
                      <dt>{t('customers.phone')}</dt>
                      <dd>{c().phone ?? '—'}</dd>
                    </dl>
                  </Show>
                  <dl class="customer-facts">
                    <dt>{t('customers.language')}</dt>
                    <dd>
                      {c().language
                        ? isLocale(c().language)
                          ? LOCALE_NAMES[c().language as Locale]
                          : c().language
                        : '—'}
                    </dd>
                  </dl>
                  <Show when={Object.keys(c().attributes).length > 0}>
                    <h3>{t('customers.attributes')}</h3>
                    <dl class="customer-facts">
                      <For each={Object.entries(c().attributes)}>
                        {([k, v]) => (
                          <>
                            <dt>{k}</dt>
                            <dd>{v}</dd>
                          </>
                        )}
                      </For>
                    </dl>
                  </Show>
                </section>
                <CustomerValueHistory history={c().valueHistory} currency={c().value.currency} />
                <CustomerScores invitations={c().invitations} responses={c().responses} />
                <section class="card" aria-labelledby="transactions-h">
                  <h2 id="transactions-h">{t('customers.transactions')}</h2>
                  <Show
                    when={c().transactions.recent.length > 0}
                    fallback={<p class="muted">{t('customers.noTransactions')}</p>}
                  >
                    <ul class="customer-list">
                      <For each={c().transactions.recent}>
                        {(x) => (
                          <li>
                            {date(x.at, 'date')} · {money(x.amount, x.currency)}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
                <CustomerCases cases={c().cases} />
                <Show when={session.can('researcher')}>
                  <CustomerPrivacy customerId={c().id} externalId={c().externalId} />
                </Show>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
