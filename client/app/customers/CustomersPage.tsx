/** /customers: the register — search by name, e-mail or id, filter by tier and segment, paged by revenue. */
import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { CustomerList } from '../../../shared/customers/schema';
import { SEGMENTS, type Segment } from '../../../shared/customers/value';
import { formatCurrency } from '../../../shared/i18n/format';
import { api } from '../lib/api';
import { EmptyState, ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { useSession } from '../auth/session';
import CustomerImport from './CustomerImport';
import RegisterRules from './RegisterRules';
import SuppressionLift from './SuppressionLift';
import { SEGMENT_KEY, tierLabel } from './keys';
import './customers.css';

const PAGE_SIZE = 50;

export default function CustomersPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams<{ q?: string; tier?: string; segment?: string; page?: string }>();
  const page = () => Math.max(1, Number(params.page ?? '1') || 1);
  const query = () => {
    const q = new URLSearchParams({ page: String(page()), pageSize: String(PAGE_SIZE) });
    if (params.q) q.set('q', params.q);
    if (params.tier) q.set('tier', params.tier);
    if (params.segment) q.set('segment', params.segment);
    return q.toString();
  };
  const [list, { refetch }] = createResource(query, (q) =>
    api.get('/api/customers', { query: new URLSearchParams(q) }),
  );
  const [settings] = createResource(() => api.get('/api/customers/settings'));
  const pages = (l: CustomerList) => Math.max(1, Math.ceil(l.total / l.pageSize));
  const money = (amount: number, currency: string | null) =>
    currency ? formatCurrency(locale(), amount, currency) : '—';

  return (
    <div class="page customers-page">
      <header class="page-header">
        <div>
          <h1>{t('customers.title')}</h1>
          <p class="muted">{t('customers.intro')}</p>
        </div>
      </header>
      <Show when={session.can('researcher')}>
        <CustomerImport onImported={() => void refetch()} />
        <RegisterRules />
      </Show>
      <Show when={session.can('admin')}>
        <SuppressionLift />
      </Show>
      <form
        class="customer-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ q: (new FormData(e.currentTarget).get('q') as string) || undefined, page: undefined });
        }}
      >
        <input
          class="input"
          type="search"
          name="q"
          value={params.q ?? ''}
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          data-testid="customer-search"
        />
        <label class="field-inline">
          <span>{t('customers.filter.tier')}</span>
          <select
            class="select select-small"
            value={params.tier ?? ''}
            onChange={(e) => setParams({ tier: e.currentTarget.value || undefined, page: undefined })}
            data-testid="filter-tier"
          >
            <option value="">{t('customers.filter.all')}</option>
            <For each={settings()?.tierNames ?? []}>
              {(name, i) => (
                <option value={String(i())} selected={params.tier === String(i())}>
                  {tierLabel(t, name)}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field-inline">
          <span>{t('customers.filter.segment')}</span>
          <select
            class="select select-small"
            value={params.segment ?? ''}
            onChange={(e) => setParams({ segment: e.currentTarget.value || undefined, page: undefined })}
            data-testid="filter-segment"
          >
            <option value="">{t('customers.filter.all')}</option>
            <For each={SEGMENTS}>{(s) => <option value={s}>{t(SEGMENT_KEY[s])}</option>}</For>
          </select>
        </label>
      </form>
      <Switch fallback={<Loading />}>
        <Match when={list.error}>
          <ErrorBox error={list.error} onRetry={refetch} />
        </Match>
        <Match when={list()}>
          {(l) => (
            <>
              <p class="muted" data-testid="customer-count">
                {t('customers.count', { count: l().total })}
              </p>
              <Show
                when={l().customers.length > 0}
                fallback={<EmptyState title={t('customers.empty')} hint={t('customers.emptyHint')} />}
              >
                <div class="card card-flush table-wrap">
                  <table class="data-table customer-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('customers.col.customer')}</th>
                        <th scope="col">{t('customers.col.tier')}</th>
                        <th scope="col">{t('customers.col.segment')}</th>
                        <th scope="col" class="num">
                          {t('customers.col.revenue')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={l().customers}>
                        {(c) => (
                          <tr data-testid="customer-row">
                            <th scope="row">
                              <A href={`/customers/${c.id}`}>{c.name ?? c.externalId}</A>
                              <div class="muted customer-sub">
                                {c.externalId}
                                <Show when={c.email}> · {c.email}</Show>
                              </div>
                            </th>
                            <td>{tierLabel(t, c.tierName)}</td>
                            <td>{c.segment ? t(SEGMENT_KEY[c.segment as Segment]) : '—'}</td>
                            <td class="num">{money(c.monetary, l().currency)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <nav class="pager" aria-label={t('customers.page', { page: page(), pages: pages(l()) })}>
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={page() <= 1}
                    onClick={() => setParams({ page: String(page() - 1) })}
                  >
                    {t('customers.prev')}
                  </button>
                  <span>{t('customers.page', { page: page(), pages: pages(l()) })}</span>
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={page() >= pages(l())}
                    onClick={() => setParams({ page: String(page() + 1) })}
                  >
                    {t('customers.next')}
                  </button>
                </nav>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
