/**
 * The customer page's surveys: the key scores of every response across surveys and waves, oldest
 * first so a change reads left to right down the table, and every invitation.
 */
import { For, Show } from 'solid-js';
import type { AppKey } from '../../../shared/i18n';
import type { CustomerDetail, KeyScores } from '../../../shared/customers/schema';
import { useI18n } from '../lib/i18n';

const RESPONSE_KEY: Record<string, AppKey> = {
  complete: 'customers.response.complete',
  partial: 'customers.response.partial',
};

/** The NPS group of a 0–10 answer, as the loyalty section counts it. */
const NPS_GROUP = (n: number): AppKey =>
  n >= 9 ? 'customers.scores.promoter' : n >= 7 ? 'customers.scores.passive' : 'customers.scores.detractor';

export default function CustomerScores(props: Pick<CustomerDetail, 'invitations' | 'responses'>) {
  const { t, date } = useI18n();
  const satisfaction = (s: KeyScores['satisfaction']) =>
    s === null ? '—' : t('customers.scores.outOf', { value: s.value, max: s.max });
  return (
    <section class="card customer-surveys" aria-labelledby="surveys-h" data-testid="customer-scores">
      <h2 id="surveys-h">{t('customers.surveys')}</h2>
      <Show
        when={props.invitations.length + props.responses.length > 0}
        fallback={<p class="muted">{t('customers.noSurveys')}</p>}
      >
        <Show when={props.responses.length > 0}>
          <h3>{t('customers.scores.title')}</h3>
          <div class="table-wrap">
            <table class="data-table customer-scores">
              <thead>
                <tr>
                  <th scope="col">{t('customers.scores.response')}</th>
                  <th scope="col" class="num">
                    {t('customers.scores.satisfaction')}
                  </th>
                  <th scope="col" class="num">
                    {t('customers.scores.nps')}
                  </th>
                  <th scope="col">{t('customers.scores.loyal')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.responses}>
                  {(r) => (
                    <tr>
                      <th scope="row">
                        <span class="customer-scores-survey">{r.surveyTitle}</span>
                        <span class="muted customer-sub">
                          {t('customers.wave', { n: r.wave })} · {date(r.completedAt ?? r.startedAt, 'date')}
                          <Show when={r.status !== 'complete'}>
                            {' '}
                            · {t(RESPONSE_KEY[r.status] ?? 'customers.response.other')}
                          </Show>
                        </span>
                      </th>
                      <td class="num" data-label={t('customers.scores.satisfaction')}>
                        {satisfaction(r.scores.satisfaction)}
                      </td>
                      <td class="num" data-label={t('customers.scores.nps')}>
                        <Show when={r.scores.nps !== null} fallback="—">
                          <span title={t(NPS_GROUP(r.scores.nps!))}>
                            {r.scores.nps}
                            <span
                              class={`nps-dot nps-${NPS_GROUP(r.scores.nps!).split('.').pop()}`}
                              aria-hidden="true"
                            />
                            <span class="visually-hidden">{t(NPS_GROUP(r.scores.nps!))}</span>
                          </span>
                        </Show>
                      </td>
                      <td data-label={t('customers.scores.loyal')}>
                        {r.scores.loyal === null
                          ? '—'
                          : t(r.scores.loyal ? 'customers.scores.yes' : 'customers.scores.no')}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <p class="muted customer-rule">{t('customers.scores.hint')}</p>
        </Show>
        <Show when={props.invitations.length > 0}>
          <h3>{t('customers.invitations')}</h3>
          <ul class="customer-list">
            <For each={props.invitations}>
              {(i) => (
                <li>
                  {i.surveyTitle} · {t('customers.invited', { date: date(i.createdAt, 'date') })}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
