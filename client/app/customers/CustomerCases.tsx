/**
 * The customer page's cases: complaints counted by type, then each case with its type, severity,
 * status and dates, and its notes for those who may read them (the server leaves them out for others).
 */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { COMPLAINT_TYPES } from '../../../shared/api/complaints';
import type { CustomerCases as Cases } from '../../../shared/customers/cases';
import { caseName } from '../alerts/case-name';
import { COMPLAINT_TYPE_KEY, SEVERITY_KEY, STATUS_KEY } from '../alerts/keys';
import { useI18n } from '../lib/i18n';
import '../alerts/alerts.css';
import './customer-cases.css';

export default function CustomerCases(props: { cases: Cases }) {
  const { t, date, num } = useI18n();
  const counted = () => [...COMPLAINT_TYPES, 'none' as const].filter((x) => props.cases.byType[x] > 0);
  return (
    <section class="card customer-cases" aria-labelledby="cases-h" data-testid="customer-cases">
      <h2 id="cases-h">{t('customers.cases.title')}</h2>
      <Show when={props.cases.cases.length > 0} fallback={<p class="muted">{t('customers.cases.none')}</p>}>
        <h3>{t('customers.cases.byType')}</h3>
        <dl class="customer-facts" data-testid="customer-complaints">
          <For each={counted()}>
            {(x) => (
              <>
                <dt>{t(COMPLAINT_TYPE_KEY[x])}</dt>
                <dd>{num(props.cases.byType[x])}</dd>
              </>
            )}
          </For>
        </dl>
        <ul class="customer-case-list">
          <For each={props.cases.cases}>
            {(c) => (
              <li data-testid="customer-case">
                <div>
                  <Show when={c.canOpen} fallback={<strong>{caseName(t, c.ruleName)}</strong>}>
                    <A href={`/cases/${c.id}`}>{caseName(t, c.ruleName)}</A>
                  </Show>{' '}
                  <span class={`case-status case-status-${c.status}`}>{t(STATUS_KEY[c.status])}</span>
                </div>
                <div class="muted">
                  {t(COMPLAINT_TYPE_KEY[c.complaintType ?? 'none'])} · {t(SEVERITY_KEY[c.severity ?? 'none'])} ·{' '}
                  {c.surveyTitle} · {t('customers.cases.opened', { at: date(c.openedAt, 'date') })}
                  <Show when={c.resolvedAt}>
                    {(at) => <> · {t('customers.cases.resolvedAt', { at: date(at(), 'date') })}</>}
                  </Show>
                </div>
                <Show
                  when={c.notes}
                  fallback={
                    <p class="muted" data-testid="case-notes-hidden">
                      {t('customers.cases.notesHidden')}
                    </p>
                  }
                >
                  {(notes) => (
                    <Show when={notes().length > 0} fallback={<p class="muted">{t('customers.cases.noNotes')}</p>}>
                      <ul class="customer-case-notes" aria-label={t('customers.cases.notes')}>
                        <For each={notes()}>
                          {(n) => (
                            <li>
                              <span class="muted">
                                {date(n.at, 'date')}
                                <Show when={n.user}> · {n.user}</Show>
                              </span>{' '}
                              <span class="note-text">{n.text}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
