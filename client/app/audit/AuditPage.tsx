import { createResource, createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { AUDIT_AREAS, type AuditArea, type AuditEntry } from '../../../shared/api/audit';
import type { AppKey } from '../../../shared/i18n';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { EmptyState, ErrorBox, Loading } from '../lib/components';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import '../account/account.css';

const AREA_KEY: Readonly<Record<AuditArea, AppKey>> = {
  account: 'audit.area.account',
  users: 'audit.area.users',
  survey: 'audit.area.survey',
  plan: 'audit.area.plan',
  collection: 'audit.area.collection',
  invitations: 'audit.area.invitations',
  alerts: 'audit.area.alerts',
  cases: 'audit.area.cases',
  shares: 'audit.area.shares',
  report: 'audit.area.report',
  export: 'audit.area.export',
  demo: 'audit.area.demo',
};

/** /audit: who did what, when and from where (admins). */
export default function AuditPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Show when={session.can('admin')} fallback={<EmptyState title={t('errors.forbidden')} />}>
      <AuditLog />
    </Show>
  );
}

function AuditLog() {
  const { t } = useI18n();
  const id = createUniqueId();
  const [area, setArea] = createSignal<AuditArea | ''>('');
  const [page] = createResource(area, (a) => api.get('/api/audit', { query: { area: a || undefined } }));
  // Older pages, appended below the first; cleared when the filter changes.
  const [older, setOlder] = createSignal<{ area: string; entries: AuditEntry[]; next: number | null } | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const entries = () => [...(page()?.entries ?? []), ...(older()?.area === area() ? older()!.entries : [])];
  const next = () => (older()?.area === area() ? older()!.next : (page()?.next ?? null));

  const more = async () => {
    const before = next();
    if (before === null) return;
    setFailure(null);
    try {
      const a = area();
      const got = await api.get('/api/audit', { query: { before, area: a || undefined } });
      setOlder({
        area: a,
        entries: [...(older()?.area === a ? older()!.entries : []), ...got.entries],
        next: got.next,
      });
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('audit.title')}</h1>
      </header>
      <p class="muted">{t('audit.intro')}</p>
      <div class="audit-filters">
        <div class="field">
          <label class="field-label" for={id}>
            {t('audit.area')}
          </label>
          <select
            id={id}
            class="select select-small"
            value={area()}
            onChange={(e) => {
              setOlder(null);
              setArea(e.currentTarget.value as AuditArea | '');
            }}
            data-testid="audit-area"
          >
            <option value="">{t('audit.allAreas')}</option>
            <For each={AUDIT_AREAS}>{(a) => <option value={a}>{t(AREA_KEY[a])}</option>}</For>
          </select>
        </div>
      </div>
      <Switch fallback={<Loading />}>
        <Match when={page.error}>
          <ErrorBox error={page.error} />
        </Match>
        <Match when={page() && entries().length === 0}>
          <EmptyState title={t('audit.empty')} />
        </Match>
        <Match when={page()}>
          <div class="table-wrap card card-flush">
            <table class="data-table audit-table" data-testid="audit-list">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.area')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={entries()}>{(e) => <AuditRow entry={e} />}</For>
              </tbody>
            </table>
          </div>
          <Show when={failure()}>
            <p class="alert alert-error" role="alert">
              {errorText(t, failure())}
            </p>
          </Show>
          <Show when={next() !== null}>
            <button type="button" class="btn audit-more" onClick={more} data-testid="audit-more">
              {t('audit.more')}
            </button>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

function AuditRow(props: { entry: AuditEntry }) {
  const { t, date } = useI18n();
  return (
    <tr data-testid="audit-row">
      <td>
        {date(props.entry.at, 'datetime')}
        <Show when={props.entry.count > 1}>
          <div class="muted">
            {t('audit.repeated', { count: props.entry.count, since: date(props.entry.firstAt, 'datetime') })}
          </div>
        </Show>
      </td>
      <td>
        {props.entry.actor.name}
        <Show when={props.entry.actor.email}>
          <div class="muted">{props.entry.actor.email}</div>
        </Show>
      </td>
      <td>{t(AREA_KEY[props.entry.area])}</td>
      <td class="audit-route">
        {props.entry.method} {props.entry.route}
      </td>
      <td class="muted">{props.entry.target ?? Object.values(props.entry.params).join(' · ')}</td>
      <td class="muted">{props.entry.ip}</td>
    </tr>
  );
}
