/** /cases: the case inbox — the user's cases (all of them for researchers), filtered by status, owner and overdue. */
import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { CaseStatus } from '../../../shared/api/alerts';
import { COMPLAINT_TYPES, SEVERITIES } from '../../../shared/api/complaints';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { EmptyState, ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { COMPLAINT_TYPE_KEY, PRIORITY_KEY, SEVERITY_KEY, STATUS_KEY } from './keys';
import './alerts.css';
import { caseName } from './case-name';

const STATUS_FILTERS = ['active', 'open', 'in-progress', 'resolved', 'closed', 'all'] as const;

export default function InboxPage() {
  const { t, date } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams<{
    status?: string;
    owner?: string;
    overdue?: string;
    survey?: string;
    complaintType?: string;
    severity?: string;
  }>();
  const status = () => params.status ?? 'active';
  const owner = () => params.owner ?? (session.can('researcher') ? '' : 'me');
  const query = () => {
    const q = new URLSearchParams();
    if (status() !== 'all') q.set('status', status());
    if (owner()) q.set('owner', owner());
    if (params.overdue === '1') q.set('overdue', '1');
    if (params.survey) q.set('survey', params.survey);
    if (params.complaintType) q.set('complaintType', params.complaintType);
    if (params.severity) q.set('severity', params.severity);
    return q.toString();
  };
  const [list, { refetch }] = createResource(query, (q) => api.get('/api/cases', { query: new URLSearchParams(q) }));

  return (
    <div class="page cases-page">
      <header class="page-header">
        <div>
          <h1>{t('cases.title')}</h1>
          <p class="muted">{t('cases.intro')}</p>
        </div>
      </header>
      <div class="case-filters" role="group" aria-label={t('cases.filters')}>
        <label class="field-inline">
          <span>{t('cases.filter.status')}</span>
          <select
            class="select select-small"
            value={status()}
            onChange={(e) => setParams({ status: e.currentTarget.value })}
            data-testid="filter-status"
          >
            <For each={STATUS_FILTERS}>
              {(s) => (
                <option value={s}>
                  {s === 'active'
                    ? t('cases.filter.active')
                    : s === 'all'
                      ? t('cases.filter.all')
                      : t(STATUS_KEY[s as CaseStatus])}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={session.can('researcher')}>
          <label class="field-inline">
            <span>{t('cases.filter.owner')}</span>
            <select
              class="select select-small"
              value={owner()}
              onChange={(e) => setParams({ owner: e.currentTarget.value || undefined })}
              data-testid="filter-owner"
            >
              <option value="">{t('cases.filter.everyone')}</option>
              <option value="me">{t('cases.filter.me')}</option>
              <option value="none">{t('cases.filter.unassigned')}</option>
              <Show when={(list.latest?.owners ?? []).some((o) => o.id !== session.user()?.id)}>
                <optgroup label={t('cases.filter.owners')}>
                  <For each={(list.latest?.owners ?? []).filter((o) => o.id !== session.user()?.id)}>
                    {(o) => (
                      <option value={o.id} selected={o.id === owner()}>
                        {o.name}
                      </option>
                    )}
                  </For>
                </optgroup>
              </Show>
            </select>
          </label>
        </Show>
        <label class="field-inline">
          <span>{t('cases.filter.type')}</span>
          <select
            class="select select-small"
            value={params.complaintType ?? ''}
            onChange={(e) => setParams({ complaintType: e.currentTarget.value || undefined })}
            data-testid="filter-complaint-type"
          >
            <option value="">{t('cases.filter.any')}</option>
            <For each={[...COMPLAINT_TYPES, 'none' as const]}>
              {(x) => <option value={x}>{t(COMPLAINT_TYPE_KEY[x])}</option>}
            </For>
          </select>
        </label>
        <label class="field-inline">
          <span>{t('cases.filter.severity')}</span>
          <select
            class="select select-small"
            value={params.severity ?? ''}
            onChange={(e) => setParams({ severity: e.currentTarget.value || undefined })}
            data-testid="filter-severity"
          >
            <option value="">{t('cases.filter.any')}</option>
            <For each={[...SEVERITIES, 'none' as const]}>{(x) => <option value={x}>{t(SEVERITY_KEY[x])}</option>}</For>
          </select>
        </label>
        <Show when={params.survey}>
          <span class="chip" data-testid="filter-survey">
            {t('cases.filter.oneSurvey')}{' '}
            <button type="button" class="btn btn-tiny btn-quiet" onClick={() => setParams({ survey: undefined })}>
              {t('cases.filter.allSurveys')}
            </button>
          </span>
        </Show>
        <label class="check">
          <input
            type="checkbox"
            checked={params.overdue === '1'}
            onChange={(e) => setParams({ overdue: e.currentTarget.checked ? '1' : undefined })}
            data-testid="filter-overdue"
          />
          <span>{t('cases.filter.overdue')}</span>
        </label>
      </div>
      <Switch fallback={<Loading />}>
        <Match when={list.error}>
          <ErrorBox error={list.error} onRetry={refetch} />
        </Match>
        <Match when={list()}>
          {(l) => (
            <>
              <p class="case-counts" data-testid="case-counts">
                {t('cases.counts', {
                  open: l().counts.open,
                  progress: l().counts['in-progress'],
                  overdue: l().counts.overdue,
                })}
              </p>
              <Show
                when={l().cases.length > 0}
                fallback={<EmptyState title={t('cases.empty')} hint={t('cases.emptyHint')} />}
              >
                <div class="card card-flush table-wrap">
                  <table class="data-table case-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('cases.col.case')}</th>
                        <th scope="col">{t('cases.col.priority')}</th>
                        <th scope="col">{t('cases.col.status')}</th>
                        <th scope="col">{t('cases.col.owner')}</th>
                        <th scope="col">{t('cases.col.due')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={l().cases}>
                        {(c) => (
                          <tr classList={{ 'is-unread': c.unread }} data-testid="case-row">
                            <th scope="row">
                              <A href={`/cases/${c.id}`} class="case-link">
                                <Show when={c.unread}>
                                  <span class="unread-dot" title={t('cases.unread')} />
                                  <span class="visually-hidden">{t('cases.unread')}</span>
                                </Show>
                                {caseName(t, c.ruleName)}
                              </A>
                              <div class="muted case-sub">
                                {c.surveyTitle} · {t('cases.response', { id: c.responseId })} ·{' '}
                                {date(c.openedAt, 'short')}
                                <Show when={c.complaintType}>{(x) => <> · {t(COMPLAINT_TYPE_KEY[x()])}</>}</Show>
                                <Show when={c.severity === 'serious'}>
                                  {' '}
                                  <span class="chip chip-danger">{t(SEVERITY_KEY.serious)}</span>
                                </Show>
                              </div>
                            </th>
                            <td>
                              <span class={`prio prio-${c.priority}`}>{t(PRIORITY_KEY[c.priority])}</span>
                            </td>
                            <td>
                              <span class={`case-status case-status-${c.status}`}>{t(STATUS_KEY[c.status])}</span>
                            </td>
                            <td>{c.owner?.name ?? <span class="muted">{t('cases.unassigned')}</span>}</td>
                            <td classList={{ overdue: c.overdue }}>
                              {date(c.dueAt, 'short')}
                              <Show when={c.overdue}>
                                {' '}
                                <span class="chip chip-danger">{t('cases.overdue')}</span>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
