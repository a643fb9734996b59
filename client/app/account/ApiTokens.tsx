import { createResource, createSignal, For, Show } from 'solid-js';
import type { ApiTokenSummary } from '../../../shared/api/api-tokens';
import { hasRole, type Role } from '../../../shared/api/auth';
import type { AppKey } from '../../../shared/i18n';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { TextField } from '../lib/components';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { createSubmission } from '../lib/submission';

const ROLES_LOW_FIRST: Role[] = ['viewer', 'researcher', 'admin'];
const ROLE_KEY: Record<Role, AppKey> = { viewer: 'roles.viewer', researcher: 'roles.researcher', admin: 'roles.admin' };

/** The signed-in person's API tokens for integrations: made here, the secret shown once, revocable. */
export default function ApiTokens() {
  const { t, date } = useI18n();
  const session = useSession();
  const [tokens, { refetch }] = createResource(() => api.get('/api/auth/tokens'));
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<Role>(session.user()?.role ?? 'viewer');
  const [days, setDays] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const send = createSubmission();
  const [made, setMade] = createSignal<(ApiTokenSummary & { token: string }) | null>(null);
  const nameError = () => (tried() && !name().trim() ? t('form.required') : null);
  const daysError = () =>
    tried() &&
    days().trim() !== '' &&
    !(Number.isInteger(Number(days())) && Number(days()) >= 1 && Number(days()) <= 3650)
      ? t('account.tokens.daysInvalid')
      : null;
  const allowed = () => ROLES_LOW_FIRST.filter((r) => hasRole(session.user()?.role ?? 'viewer', r));

  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (nameError() || daysError()) return;
    await send.run(async () => {
      const body = { name: name().trim(), role: role(), ...(days().trim() ? { expiresInDays: Number(days()) } : {}) };
      setMade(await api.post('/api/auth/tokens', { body }));
      setName('');
      setDays('');
      setTried(false);
      void refetch();
    });
  };
  const revoke = (id: string) =>
    send.run(async () => {
      await api.delete('/api/auth/tokens/:id', { params: { id } });
      if (made()?.id === id) setMade(null);
      void refetch();
    });

  return (
    <section class="card" data-testid="api-tokens">
      <h2 class="card-title">{t('account.tokens.title')}</h2>
      <p class="muted">{t('account.tokens.intro')}</p>
      <Show when={made()}>
        {(m) => (
          <div class="alert alert-info" role="status" data-testid="api-token-made">
            <p>{t('account.tokens.madeOnce', { name: m().name })}</p>
            <input
              class="token-secret"
              readonly
              value={m().token}
              aria-label={t('account.tokens.secret')}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="api-token-secret"
            />
          </div>
        )}
      </Show>
      <Show when={send.failure()}>
        <p class="alert alert-error" role="alert">
          {errorText(t, send.failure())}
        </p>
      </Show>
      <Show
        when={(tokens() ?? []).length > 0}
        fallback={
          <p class="muted" data-testid="api-tokens-none">
            {t('account.tokens.none')}
          </p>
        }
      >
        <div class="table-wrap">
          <table class="data-table" data-testid="api-tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('account.tokens.name')}</th>
                <th scope="col">{t('account.tokens.role')}</th>
                <th scope="col">{t('account.tokens.created')}</th>
                <th scope="col">{t('account.tokens.lastUsed')}</th>
                <th scope="col">{t('account.tokens.expires')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('account.tokens.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={tokens()}>
                {(tok) => (
                  <tr>
                    <th scope="row">
                      {tok.name} <span class="muted token-prefix">{tok.prefix}…</span>
                    </th>
                    <td>{t(ROLE_KEY[tok.role])}</td>
                    <td>{date(tok.createdAt)}</td>
                    <td>{tok.lastUsedAt === null ? t('account.tokens.never') : date(tok.lastUsedAt, 'datetime')}</td>
                    <td>{tok.expiresAt === null ? t('account.tokens.noExpiry') : date(tok.expiresAt)}</td>
                    <td>
                      <button
                        type="button"
                        class="btn"
                        onClick={() => void revoke(tok.id)}
                        data-testid="api-token-revoke"
                      >
                        {t('account.tokens.revoke')}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <h3 class="token-new">{t('account.tokens.create')}</h3>
      <form class="form" onSubmit={create} novalidate data-testid="api-token-form">
        <TextField
          label={t('account.tokens.name')}
          value={name()}
          onInput={setName}
          error={nameError()}
          hint={t('account.tokens.nameHint')}
          testid="api-token-name"
        />
        <div class="field">
          <label class="field-label" for="api-token-role">
            {t('account.tokens.role')}
          </label>
          <select
            id="api-token-role"
            class="select"
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data-testid="api-token-role"
          >
            <For each={allowed()}>{(r) => <option value={r}>{t(ROLE_KEY[r])}</option>}</For>
          </select>
        </div>
        <TextField
          label={t('account.tokens.days')}
          type="number"
          value={days()}
          onInput={setDays}
          error={daysError()}
          hint={t('account.tokens.daysHint')}
          testid="api-token-days"
        />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={send.busy()} data-testid="api-token-create">
            {t('account.tokens.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
