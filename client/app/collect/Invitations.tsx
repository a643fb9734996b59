import { createResource, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import type { SurveyDetail } from '../../../shared/api/surveys';
import {
  isBounced,
  type BounceResult,
  type ImportErrorCode,
  type ImportResult,
  type ImportRowError,
  type InvitationStatus,
  type MailJob,
} from '../../../shared/api/collect';
import type { AppKey } from '../../../shared/i18n';
import { api, ApiError, apiUrl } from '../lib/api';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';

export const INVITATION_STATUS_KEY: Readonly<Record<InvitationStatus, AppKey>> = {
  'not-started': 'distribute.status.notStarted',
  started: 'distribute.status.started',
  completed: 'distribute.status.completed',
  'over-quota': 'distribute.status.overQuota',
  'screened-out': 'distribute.status.screenedOut',
};
const POLL_MS = 1000;
const IMPORT_ERROR_KEY: Readonly<Record<ImportErrorCode, AppKey>> = {
  'no-header': 'distribute.csv.noHeader',
  'column-unnamed': 'distribute.csv.columnUnnamed',
  'column-twice': 'distribute.csv.columnTwice',
  'no-email-or-name-column': 'distribute.csv.noEmailOrNameColumn',
  'undeclared-columns': 'distribute.csv.undeclaredColumns',
  'too-many-rows': 'distribute.csv.tooManyRows',
  'field-count': 'distribute.csv.fieldCount',
  'too-long': 'distribute.csv.tooLong',
  'bad-email': 'distribute.csv.badEmail',
  'bad-language': 'distribute.csv.badLanguage',
  'no-name-or-email': 'distribute.csv.noNameOrEmail',
  'duplicate-in-file': 'distribute.csv.duplicateInFile',
  'already-invited': 'distribute.csv.alreadyInvited',
  erased: 'customers.import.error.erased',
  'no-contacts': 'distribute.csv.noContacts',
  'not-invited': 'distribute.csv.notInvited',
  'no-bounces': 'distribute.csv.noBounces',
};
// Refusals a researcher meets here, in their words rather than the API's.
const MAIL_ERRORS: Readonly<Record<string, AppKey>> = {
  'nobody-to-mail': 'distribute.error.nobody',
  'mail-busy': 'distribute.error.busy',
  'survey-not-open': 'distribute.notOpen',
};

/** Contact upload, the invitation list with its status filter, files for mail merge, and mailings. */
export default function Invitations(props: { survey: SurveyDetail; readOnly: boolean }) {
  const { t, date } = useI18n();
  const id = createUniqueId();
  const params = () => ({ id: props.survey.id });
  const [filter, setFilter] = createSignal<InvitationStatus | ''>('');
  const [list, { refetch }] = createResource(filter, (f) =>
    api.get('/api/surveys/:id/invitations', { params: params(), query: { status: f || undefined } }),
  );
  const [mail, { refetch: refetchMail }] = createResource(() => api.get('/api/surveys/:id/mail', { params: params() }));
  const [imported, setImported] = createSignal<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = createSignal<ImportRowError[]>([]);
  const [bounced, setBounced] = createSignal<BounceResult | null>(null);
  const [bounceErrors, setBounceErrors] = createSignal<ImportRowError[]>([]);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const upload = async (file: File) => {
    setBusy(true);
    setImported(null);
    setRowErrors([]);
    setFailure(null);
    try {
      setImported(
        await api.post('/api/surveys/:id/invitations/import', { params: params(), body: { csv: await file.text() } }),
      );
      void refetch();
    } catch (err) {
      const rows = err instanceof ApiError ? err.detailsOf('invalid-contacts') : undefined;
      if (rows) setRowErrors(rows);
      else setFailure(err);
    } finally {
      setBusy(false);
      if (input) input.value = '';
    }
  };

  const uploadBounces = async (file: File, field: HTMLInputElement) => {
    setBounced(null);
    setBounceErrors([]);
    setFailure(null);
    try {
      setBounced(
        await api.post('/api/surveys/:id/invitations/bounces', { params: params(), body: { text: await file.text() } }),
      );
      void refetch();
    } catch (err) {
      const rows = err instanceof ApiError ? err.detailsOf('invalid-bounces') : undefined;
      if (rows) setBounceErrors(rows);
      else setFailure(err);
    } finally {
      field.value = '';
    }
  };
  const errorLine = (e: ImportRowError) =>
    `${t('distribute.line', { line: e.line })}${e.column ? ` (${e.column})` : ''}: ${IMPORT_ERROR_KEY[e.code] ? t(IMPORT_ERROR_KEY[e.code], e.params) : e.message}`;

  const running = () => mail()?.jobs.find((j) => j.status === 'running');
  // Progress comes from the job row in the database, so it survives a reload of this page too.
  const timer = setInterval(() => {
    if (running()) {
      void refetchMail();
      void refetch();
    }
  }, POLL_MS);
  onCleanup(() => clearInterval(timer));

  const send = async (kind: MailJob['kind']) => {
    setFailure(null);
    try {
      await api.post('/api/surveys/:id/mail', { params: params(), body: { kind } });
      void refetchMail();
    } catch (err) {
      setFailure(err);
    }
  };
  const jobText = (j: MailJob) =>
    t(j.status === 'running' ? 'distribute.mailProgress' : 'distribute.mailDone', {
      kind: t(j.kind === 'invitation' ? 'distribute.kind.invitation' : 'distribute.kind.reminder'),
      done: j.sent + j.failed,
      total: j.total,
      failed: j.failed,
    });

  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('distribute.invitations')}
      </h2>
      <p class="field-hint">{t('distribute.contactsHint')}</p>

      <Show when={!props.readOnly}>
        <div class="row-actions">
          <label class="btn" classList={{ 'is-busy': busy() }}>
            {t('distribute.upload')}
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv"
              class="visually-hidden"
              disabled={busy()}
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void upload(f);
              }}
              data-testid="contacts-file"
            />
          </label>
          <a
            class="btn"
            href={apiUrl('/api/surveys/:id/invitations.csv', { params: params() })}
            download="mail-merge.csv"
            data-testid="mail-merge"
          >
            {t('distribute.mailMerge')}
          </a>
          <a
            class="btn"
            href={apiUrl('/api/surveys/:id/invitations.csv', { params: params(), query: { pending: '1' } })}
            download="not-answered.csv"
            data-testid="not-answered"
          >
            {t('distribute.notAnswered')}
          </a>
        </div>
      </Show>
      <div role="status">
        <Show when={imported()}>
          {(r) => <p class="alert alert-ok">{t('distribute.imported', { count: r().imported })}</p>}
        </Show>
      </div>
      <Show when={rowErrors().length > 0}>
        <div class="alert alert-error contact-errors" role="alert" data-testid="contacts-errors">
          <p>{t('distribute.importFailed', { count: rowErrors().length })}</p>
          <ul class="row-errors">
            <For each={rowErrors().slice(0, 200)}>{(e) => <li>{errorLine(e)}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={!props.readOnly && (list()?.counts.sent ?? 0) > 0}>
        <div class="row-actions bounces">
          <label class="btn">
            {t('distribute.bounces')}
            <input
              type="file"
              accept=".csv,.txt,.eml,text/csv,text/plain,message/rfc822"
              class="visually-hidden"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void uploadBounces(f, e.currentTarget);
              }}
              data-testid="bounces-file"
            />
          </label>
        </div>
        <p class="field-hint">{t('distribute.bouncesHint')}</p>
        <div role="status">
          <Show when={bounced()}>
            {(r) => <p class="alert alert-ok">{t('distribute.bouncesRecorded', { count: r().bounced })}</p>}
          </Show>
        </div>
        <Show when={bounceErrors().length > 0}>
          <div class="alert alert-error contact-errors" role="alert" data-testid="bounces-errors">
            <p>{t('distribute.bouncesFailed', { count: bounceErrors().length })}</p>
            <ul class="row-errors">
              <For each={bounceErrors().slice(0, 200)}>{(e) => <li>{errorLine(e)}</li>}</For>
            </ul>
          </div>
        </Show>
      </Show>
      <Show when={failure()}>
        {(err) => {
          const e = err();
          return (
            <p class="field-error" role="alert">
              {e instanceof ApiError && MAIL_ERRORS[e.code] ? t(MAIL_ERRORS[e.code]) : errorText(t, e)}
            </p>
          );
        }}
      </Show>

      <Show when={!props.readOnly}>
        <div class="mailing">
          <Show when={mail()?.smtp} fallback={<p class="field-hint">{t('distribute.noSmtp')}</p>}>
            <div class="row-actions">
              <button
                type="button"
                class="btn btn-primary"
                disabled={!!running()}
                onClick={() => void send('invitation')}
                data-testid="send-invitations"
              >
                {t('distribute.sendInvitations')}
              </button>
              <button
                type="button"
                class="btn"
                disabled={!!running()}
                onClick={() => void send('reminder')}
                data-testid="send-reminders"
              >
                {t('distribute.sendReminders')}
              </button>
            </div>
          </Show>
          <Show when={mail()?.jobs[0]}>
            {(j) => (
              <div class="mail-progress" role="status" data-testid="mail-progress">
                <span>{jobText(j())}</span>
                <progress
                  max={j().total}
                  value={j().sent + j().failed}
                  aria-label={t('distribute.mailProgressLabel')}
                />
              </div>
            )}
          </Show>
        </div>
      </Show>

      <Show when={list()}>
        {(l) => (
          <>
            <div class="status-filter" role="group" aria-label={t('distribute.filter')}>
              <button type="button" class="btn btn-small" aria-pressed={filter() === ''} onClick={() => setFilter('')}>
                {t('distribute.all')} <span class="count">{l().counts.total}</span>
              </button>
              <For each={Object.keys(INVITATION_STATUS_KEY) as InvitationStatus[]}>
                {(s) => (
                  <button
                    type="button"
                    class="btn btn-small"
                    aria-pressed={filter() === s}
                    onClick={() => setFilter(s)}
                    data-testid={`filter-${s}`}
                  >
                    {t(INVITATION_STATUS_KEY[s])} <span class="count">{l().counts[s]}</span>
                  </button>
                )}
              </For>
            </div>
            <Show when={l().counts.total > 0} fallback={<p class="muted">{t('distribute.none')}</p>}>
              <p class="muted">
                {t('distribute.responseRate', { completed: l().counts.completed, total: l().counts.total })}
              </p>
              <Show when={props.readOnly}>
                <p class="field-hint" data-testid="contacts-hidden">
                  {t('distribute.contactsHidden')}
                </p>
              </Show>
              <div class="table-wrap">
                <table class="data-table invitation-table" data-testid="invitation-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('distribute.col.name')}</th>
                      <th scope="col">{t('distribute.col.email')}</th>
                      <th scope="col">{t('distribute.col.language')}</th>
                      <th scope="col">{t('distribute.col.status')}</th>
                      <th scope="col">{t('distribute.col.sent')}</th>
                      <th scope="col">
                        <span class="visually-hidden">{t('distribute.col.link')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={l().invitations.slice(0, 500)}>
                      {(i) => (
                        <tr>
                          <td>{i.name ?? ''}</td>
                          <td>{i.email ?? ''}</td>
                          <td>{i.lang ?? ''}</td>
                          <td>
                            <span class={`inv-status inv-${i.status}`}>{t(INVITATION_STATUS_KEY[i.status])}</span>
                          </td>
                          <td>
                            {i.remindedAt
                              ? t('distribute.reminded', { date: date(i.remindedAt) })
                              : i.sentAt
                                ? date(i.sentAt)
                                : ''}
                            <Show when={i.lastError}>
                              {' '}
                              <span class="field-error" title={i.lastError!}>
                                {isBounced(i.lastError) ? t('distribute.bounced') : t('distribute.sendFailed')}
                              </span>
                            </Show>
                          </td>
                          <td>
                            <Show when={i.link}>
                              {(link) => (
                                <a href={link()} target="_blank" rel="noopener">
                                  {t('distribute.col.link')}
                                </a>
                              )}
                            </Show>
                            <Show when={!props.readOnly}>
                              {' · '}
                              <a
                                href={apiUrl('/api/surveys/:id/invitations/:invitationId/qr.svg', {
                                  params: { ...params(), invitationId: i.id },
                                })}
                                download="invitation-qr.svg"
                              >
                                {t('distribute.qr')}
                              </a>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={l().invitations.length > 500}>
                <p class="field-hint">{t('distribute.listCut', { count: 500 })}</p>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
