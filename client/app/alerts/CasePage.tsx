/** /cases/:caseId: one case — the response it is about, contact when allowed, notes, status and history. */
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, Match, onMount, Show, Switch } from 'solid-js';
import {
  PRIORITIES,
  type CaseChange,
  type CaseDetail,
  type CaseStatus,
  type Priority,
} from '../../../shared/api/alerts';
import { api } from '../lib/api';
import { CopyButton, ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { Icon } from '../lib/icons';
import CaseHistory from './CaseHistory';
import CaseComplaint from './CaseComplaint';
import { casesChanged, COMPLAINT_TYPE_KEY, PRIORITY_KEY, SEVERITY_KEY, STATUS_KEY } from './keys';
import './alerts.css';
import { caseName } from './case-name';

export default function CasePage() {
  const params = useParams();
  const [data, { refetch, mutate }] = createResource(
    () => params.caseId,
    (id) => api.get('/api/cases/:caseId', { params: { caseId: id } }),
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={data.error}>
        <ErrorBox error={data.error} onRetry={refetch} />
      </Match>
      <Match when={data()}>{(c) => <Case case={c()} onChange={mutate} />}</Match>
    </Switch>
  );
}

/** What a status button moves the case to, from each status. */
const NEXT: Record<CaseStatus, CaseStatus[]> = {
  open: ['in-progress', 'resolved', 'closed'],
  'in-progress': ['resolved', 'closed'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

function Case(props: { case: CaseDetail; onChange: (c: CaseDetail) => void }) {
  const { t, date } = useI18n();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [note, setNote] = createSignal('');
  const noteId = createUniqueId();
  // Opening the case marked it read on the server; the badge should drop now, not at its next poll.
  onMount(casesChanged);

  const send = async (run: () => Promise<CaseDetail>) => {
    setFailure(null);
    setBusy(true);
    try {
      props.onChange(await run());
      casesChanged();
      return true;
    } catch (err) {
      setFailure(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const change = (body: CaseChange) =>
    send(() => api.patch('/api/cases/:caseId', { params: { caseId: props.case.id }, body }));
  const addNote = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!note().trim()) return;
    if (
      await send(() =>
        api.post('/api/cases/:caseId/notes', { params: { caseId: props.case.id }, body: { text: note() } }),
      )
    )
      setNote('');
  };
  const actionKey = (s: CaseStatus) =>
    (s === 'in-progress'
      ? 'cases.action.start'
      : s === 'resolved'
        ? 'cases.action.resolve'
        : s === 'closed'
          ? 'cases.action.close'
          : 'cases.action.reopen') as 'cases.action.start';

  return (
    <div class="page case-page">
      <header class="page-header">
        <div>
          <A href="/cases" class="back-link">
            <Icon name="back" />
            {t('cases.back')}
          </A>
          <h1 data-testid="case-title">{caseName(t, props.case.ruleName)}</h1>
          <p class="muted">
            {props.case.surveyTitle} · {t('cases.response', { id: props.case.responseId })} ·{' '}
            {t('cases.openedAt', { at: date(props.case.openedAt, 'datetime') })}
          </p>
        </div>
        <div class="case-state">
          <span class={`case-status case-status-${props.case.status}`} data-testid="case-status">
            {t(STATUS_KEY[props.case.status])}
          </span>
          <span class={`prio prio-${props.case.priority}`}>{t(PRIORITY_KEY[props.case.priority])}</span>
          <Show when={props.case.complaintType}>{(x) => <span class="chip">{t(COMPLAINT_TYPE_KEY[x()])}</span>}</Show>
          <Show when={props.case.severity === 'serious'}>
            <span class="chip chip-danger">{t(SEVERITY_KEY.serious)}</span>
          </Show>
        </div>
      </header>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>

      <div class="case-grid">
        <div class="case-main">
          <section class="card" aria-labelledby="case-answers">
            <h2 class="card-title" id="case-answers">
              {t('cases.answers')}
            </h2>
            <dl class="answers">
              <For each={props.case.response.answers}>
                {(a) => (
                  <div class="answer">
                    <dt>{a.question}</dt>
                    <dd>{a.label}</dd>
                  </div>
                )}
              </For>
            </dl>
            <Show when={Object.keys(props.case.response.hidden).length > 0}>
              <h3 class="case-subtitle">{t('cases.hiddenFields')}</h3>
              <dl class="answers answers-compact">
                <For each={Object.entries(props.case.response.hidden)}>
                  {([k, v]) => (
                    <div class="answer">
                      <dt>{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  )}
                </For>
              </dl>
            </Show>
          </section>

          <section class="card" aria-labelledby="case-history">
            <h2 class="card-title" id="case-history">
              {t('cases.history')}
            </h2>
            <Show when={props.case.canEdit}>
              <form class="note-form" onSubmit={addNote}>
                <label class="field-label" for={noteId}>
                  {t('cases.note')}
                </label>
                <textarea
                  id={noteId}
                  class="input"
                  rows="3"
                  maxLength={5000}
                  value={note()}
                  onInput={(e) => setNote(e.currentTarget.value)}
                  data-testid="case-note"
                />
                <div class="form-actions">
                  <button
                    type="submit"
                    class="btn btn-small btn-primary"
                    disabled={busy() || !note().trim()}
                    data-testid="case-add-note"
                  >
                    {t('cases.addNote')}
                  </button>
                </div>
              </form>
            </Show>
            <CaseHistory case={props.case} />
          </section>
        </div>

        <aside class="case-side">
          <section class="card" aria-labelledby="case-work">
            <h2 class="card-title" id="case-work">
              {t('cases.work')}
            </h2>
            <dl class="case-facts">
              <div>
                <dt>{t('cases.col.owner')}</dt>
                <dd data-testid="case-owner">{props.case.owner?.name ?? t('cases.unassigned')}</dd>
              </div>
              <div>
                <dt>{t('cases.col.due')}</dt>
                <dd classList={{ overdue: props.case.overdue }}>
                  {date(props.case.dueAt, 'datetime')}
                  <Show when={props.case.overdue}>
                    {' '}
                    <span class="chip chip-danger">{t('cases.overdue')}</span>
                  </Show>
                </dd>
              </div>
              <Show when={props.case.resolvedAt}>
                {(at) => (
                  <div>
                    <dt>{t('cases.resolvedAt')}</dt>
                    <dd>{date(at(), 'datetime')}</dd>
                  </div>
                )}
              </Show>
            </dl>
            <Show when={props.case.canEdit}>
              <div class="row-actions case-actions">
                <For each={NEXT[props.case.status]}>
                  {(s) => (
                    <button
                      type="button"
                      class={`btn btn-small ${s === 'resolved' ? 'btn-primary' : ''}`}
                      disabled={busy()}
                      onClick={() => change({ status: s })}
                      data-testid={`case-to-${s}`}
                    >
                      {t(actionKey(s))}
                    </button>
                  )}
                </For>
              </div>
            </Show>
            <Show when={props.case.users.length > 0}>
              <label class="field">
                <span class="field-label">{t('cases.assign')}</span>
                <select
                  class="select"
                  value={props.case.owner?.id ?? ''}
                  disabled={busy()}
                  onChange={(e) => change({ ownerId: e.currentTarget.value || null })}
                  data-testid="case-assign"
                >
                  <option value="">{t('cases.unassigned')}</option>
                  <For each={props.case.users}>{(u) => <option value={u.id}>{u.name}</option>}</For>
                </select>
              </label>
              <label class="field">
                <span class="field-label">{t('cases.col.priority')}</span>
                <select
                  class="select"
                  value={props.case.priority}
                  disabled={busy()}
                  onChange={(e) => change({ priority: e.currentTarget.value as Priority })}
                >
                  <For each={PRIORITIES}>{(p) => <option value={p}>{t(PRIORITY_KEY[p])}</option>}</For>
                </select>
              </label>
            </Show>
          </section>

          <CaseComplaint case={props.case} busy={busy()} onChange={change} />

          <section class="card" aria-labelledby="case-contact">
            <h2 class="card-title" id="case-contact">
              {t('cases.contact')}
            </h2>
            <Switch fallback={<p class="muted">{t('cases.noContact')}</p>}>
              <Match when={props.case.contact}>
                {(c) => (
                  <dl class="case-facts" data-testid="case-contact">
                    <Show when={c().name}>
                      <div>
                        <dt>{t('cases.contactName')}</dt>
                        <dd>{c().name}</dd>
                      </div>
                    </Show>
                    <Show when={c().email}>
                      <div>
                        <dt>{t('cases.contactEmail')}</dt>
                        <dd>
                          <a href={`mailto:${c().email}`}>{c().email}</a>
                        </dd>
                      </div>
                    </Show>
                    <Show when={c().phone}>
                      <div>
                        <dt>{t('cases.contactPhone')}</dt>
                        <dd>
                          <a href={`tel:${c().phone}`}>{c().phone}</a>
                        </dd>
                      </div>
                    </Show>
                  </dl>
                )}
              </Match>
            </Switch>
          </section>

          <Show when={props.case.followUpLink}>
            {(link) => (
              <section class="card" aria-labelledby="case-follow-up">
                <h2 class="card-title" id="case-follow-up">
                  {t('cases.followUp')}
                </h2>
                <p class="field-hint">{t('cases.followUpHint')}</p>
                <p class="follow-up-link">{link()}</p>
                <CopyButton text={link()} label={t('editor.copyLink')} copiedLabel={t('editor.linkCopied')} />
              </section>
            )}
          </Show>
        </aside>
      </div>
    </div>
  );
}
