/**
 * The report's customer value: satisfaction and NPS by tier beside the revenue behind them, the
 * revenue share of detractors, and the high-value customers at risk, each a click from a case.
 * Shown in the app only (a share link has no register behind it), once responses are linked.
 */
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { AtRiskCustomer, ValueGroup } from '../../../shared/customers/schema';
import type { AppKey } from '../../../shared/i18n';
import { formatCurrency } from '../../../shared/i18n/format';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { SEGMENT_KEY, tierLabel } from './keys';
import './customers.css';

const REASON_KEY: Record<AtRiskCustomer['reasons'][number], AppKey> = {
  'low-satisfaction': 'customers.value.reason.lowSatisfaction',
  detractor: 'customers.value.reason.detractor',
  lapsing: 'customers.value.reason.lapsing',
};

export default function CustomerValueCard(props: { surveyId: string }) {
  const { t, locale, num, pct } = useI18n();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [value] = createResource(
    () => props.surveyId,
    (id) => api.get('/api/surveys/:id/report/customer-value', { params: { id } }),
  );
  const [failure, setFailure] = createSignal<unknown>(null);
  const money = (amount: number, currency: string | null) =>
    currency ? formatCurrency(locale(), amount, currency) : num(amount);
  const score = (x: number | null, digits = 2) => (x === null ? '—' : num(x, digits));
  const openCase = async (c: AtRiskCustomer) => {
    setFailure(null);
    try {
      const opened = await api.post('/api/surveys/:id/cases', {
        params: { id: props.surveyId },
        body: { responseId: c.responseId },
      });
      navigate(`/cases/${opened.id}`);
    } catch (err) {
      setFailure(err);
    }
  };
  const row = (g: ValueGroup, label: string, currency: string | null) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{num(g.responses)}</td>
      <td class="num">{money(g.revenue, currency)}</td>
      <td class="num">{score(g.satisfaction)}</td>
      <td class="num">{score(g.satisfactionByRevenue)}</td>
      <td class="num">{score(g.nps, 0)}</td>
      <td class="num">{score(g.npsByRevenue, 0)}</td>
    </tr>
  );

  return (
    <Show when={!value.error && value()?.linked}>
      {/* Not printed: the at-risk list names customers, and a printed report travels further than the app. */}
      <section class="card customer-value no-print" aria-labelledby={`${id}-title`} data-testid="customer-value">
        <h2 class="card-title" id={`${id}-title`}>
          {t('customers.value.title')}
        </h2>
        <p class="field-hint">{t('customers.value.hint', { count: value()!.linked })}</p>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('customers.col.tier')}</th>
                <th scope="col" class="num">
                  {t('customers.value.responses')}
                </th>
                <th scope="col" class="num">
                  {t('customers.col.revenue')}
                </th>
                <th scope="col" class="num">
                  {t('customers.value.satisfaction')}
                </th>
                <th scope="col" class="num">
                  {t('customers.value.byRevenue')}
                </th>
                <th scope="col" class="num">
                  {t('customers.value.nps')}
                </th>
                <th scope="col" class="num">
                  {t('customers.value.byRevenue')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={value()!.tiers}>{(g) => row(g, tierLabel(t, g.value), value()!.currency)}</For>
              {row(value()!.all, t('customers.value.all'), value()!.currency)}
            </tbody>
          </table>
        </div>
        <Show when={value()!.detractorRevenueShare}>
          {(d) => (
            <p data-testid="detractor-revenue">
              {t('customers.value.detractorRevenue', {
                share: pct(d().estimate),
                margin: d().marginOfError === null ? '—' : pct(d().marginOfError!),
              })}
              <Show when={d().marginOfError !== null && value()!.registerRevenueAtRisk}>
                {(r) =>
                  ` ${t('customers.value.registerAtRisk', {
                    amount: money(r().estimate, value()!.currency),
                    low: money(r().low, value()!.currency),
                    high: money(r().high, value()!.currency),
                  })}`
                }
              </Show>
            </p>
          )}
        </Show>
        <h3>
          {t('customers.value.atRisk', {
            tiers: value()!
              .topTiers.map((x) => tierLabel(t, x))
              .join(', '),
          })}
        </h3>
        <Show when={value()!.atRisk.length > 0} fallback={<p class="muted">{t('customers.value.noneAtRisk')}</p>}>
          <ul class="at-risk" data-testid="at-risk">
            <For each={value()!.atRisk}>
              {(c) => (
                <li data-testid="at-risk-customer">
                  <div>
                    <a href={`/customers/${c.customerId}`}>{c.name ?? c.externalId}</a>
                    <span class="muted">
                      {' · '}
                      {tierLabel(t, c.tierName)}
                      {c.segment ? ` · ${t(SEGMENT_KEY[c.segment])}` : ''}
                      {' · '}
                      {money(c.revenue, value()!.currency)}
                    </span>
                  </div>
                  <div class="muted">{c.reasons.map((r) => t(REASON_KEY[r])).join(' · ')}</div>
                  <Show
                    when={c.caseId}
                    fallback={
                      <button
                        type="button"
                        class="btn btn-small"
                        onClick={() => void openCase(c)}
                        data-testid="open-case"
                      >
                        {t('customers.value.openCase')}
                      </button>
                    }
                  >
                    {(caseId) => (
                      <a class="btn btn-small" href={`/cases/${caseId()}`}>
                        {t('customers.value.seeCase')}
                      </a>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={failure()}>
          <ErrorBox error={failure()} />
        </Show>
      </section>
    </Show>
  );
}
