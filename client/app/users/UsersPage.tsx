import { createResource, createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { ROLES, type UserDto } from '../../../shared/api/auth';
import type { AppKey } from '../../../shared/i18n';
import { useSession } from '../auth/session';
import { confirmError, emailError, passwordError, requiredError } from '../auth/validate';
import { api } from '../lib/api';
import { ConfirmButton, CopyButton, EmptyState, ErrorBox, Loading, TextField } from '../lib/components';
import { errorText } from '../lib/errors';
import { accountErrorText } from '../account/errors';
import type { AdminResetResult } from '../../../shared/api/passwords';
import type { InviteLink } from '../../../shared/api/contract/accounts';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { createSubmission } from '../lib/submission';

type Role = UserDto['role'];
const ROLE_KEY: Readonly<Record<Role, AppKey>> = {
  admin: 'roles.admin',
  researcher: 'roles.researcher',
  viewer: 'roles.viewer',
};
const ROLE_HINT: Readonly<Record<Role, AppKey>> = {
  admin: 'roles.adminHint',
  researcher: 'roles.researcherHint',
  viewer: 'roles.viewerHint',
};

export default function UsersPage() {
  const { t } = useI18n();
  const session = useSession();
  // Checked before anything is fetched: the list is admin-only and would only answer 403.
  return (
    <Show when={session.can('admin')} fallback={<EmptyState title={t('errors.forbidden')} />}>
      <UsersAdmin />
    </Show>
  );
}

function UsersAdmin() {
  const { t } = useI18n();
  const session = useSession();
  const [users, { mutate, refetch }] = createResource(() => api.get('/api/users'));
  const [panel, setPanel] = createSignal<'add' | 'invite' | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const changeRole = async (user: UserDto, role: Role) => {
    setFailure(null);
    try {
      const updated = await api.patch('/api/users/:id', { params: { id: user.id }, body: { role } });
      mutate((list) => list?.map((u) => (u.id === updated.id ? updated : u)));
    } catch (err) {
      setFailure(err);
      // Put the select back to what the server still has.
      mutate((list) => list?.map((u) => ({ ...u })));
    }
  };

  const [reset, setReset] = createSignal<{ user: UserDto; result: AdminResetResult } | null>(null);
  const resetPassword = async (user: UserDto) => {
    setFailure(null);
    setReset(null);
    try {
      setReset({ user, result: await api.post('/api/users/:id/password-reset', { params: { id: user.id } }) });
    } catch (err) {
      setFailure(err);
    }
  };

  const remove = async (user: UserDto) => {
    setFailure(null);
    try {
      await api.delete('/api/users/:id', { params: { id: user.id } });
      mutate((list) => list?.filter((u) => u.id !== user.id));
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('users.title')}</h1>
        <div class="page-header-actions">
          <button
            type="button"
            class="btn"
            aria-expanded={panel() === 'invite'}
            onClick={() => setPanel(panel() === 'invite' ? null : 'invite')}
            data-testid="invite-user"
          >
            {t('users.invite')}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            aria-expanded={panel() === 'add'}
            onClick={() => setPanel(panel() === 'add' ? null : 'add')}
            data-testid="add-user"
          >
            <Icon name="plus" />
            {t('users.add')}
          </button>
        </div>
      </header>

      <Show when={panel() === 'add'}>
        <AddUserForm
          onDone={(user) => {
            mutate((list) => [...(list ?? []), user]);
            setPanel(null);
          }}
          onCancel={() => setPanel(null)}
        />
      </Show>
      <Show when={panel() === 'invite'}>
        <InviteForm onClose={() => setPanel(null)} />
      </Show>

      <Show when={failure()}>
        <div class="alert alert-error" role="alert">
          {accountErrorText(t, failure())}
        </div>
      </Show>
      <Show when={reset()}>
        {(r) => <ResetResult user={r().user} result={r().result} onClose={() => setReset(null)} />}
      </Show>

      <Switch fallback={<Loading />}>
        <Match when={users.error}>
          <ErrorBox error={users.error} onRetry={refetch} />
        </Match>
        <Match when={users()}>
          {(list) => (
            <div class="table-wrap card card-flush">
              <table class="data-table users-table" data-testid="user-list">
                <thead>
                  <tr>
                    <th scope="col">{t('users.name')}</th>
                    <th scope="col">{t('users.email')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.created')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('surveys.column.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(user) => (
                      <UserRow
                        user={user}
                        self={user.id === session.user()?.id}
                        onRole={changeRole}
                        onDelete={remove}
                        onReset={resetPassword}
                      />
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function UserRow(props: {
  user: UserDto;
  self: boolean;
  onRole: (u: UserDto, r: Role) => void;
  onDelete: (u: UserDto) => void;
  onReset: (u: UserDto) => void;
}) {
  const { t, date } = useI18n();
  const id = createUniqueId();
  return (
    <tr data-testid="user-row" data-user-email={props.user.email}>
      <th scope="row">
        {props.user.name}
        <Show when={props.self}>
          {' '}
          <span class="chip">{t('users.you')}</span>
        </Show>
      </th>
      <td class="muted">{props.user.email}</td>
      <td>
        <label class="visually-hidden" for={id}>
          {t('users.role')}
        </label>
        <select
          id={id}
          class="select select-small"
          value={props.user.role}
          disabled={props.self}
          title={props.self ? t('errors.ownRole') : undefined}
          onChange={(e) => props.onRole(props.user, e.currentTarget.value as Role)}
          data-testid="user-role"
        >
          <For each={ROLES}>{(role) => <option value={role}>{t(ROLE_KEY[role])}</option>}</For>
        </select>
      </td>
      <td class="muted">{props.user.createdAt ? date(props.user.createdAt) : '—'}</td>
      <td class="row-actions">
        <Show when={!props.self}>
          <ConfirmButton
            label={t('users.resetPassword')}
            onConfirm={() => props.onReset(props.user)}
            testid="reset-user-password"
          />
          <ConfirmButton label={t('common.delete')} onConfirm={() => props.onDelete(props.user)} testid="delete-user" />
        </Show>
      </td>
    </tr>
  );
}

/** What an admin's password reset did: the link went by e-mail, or here it is to hand over. */
function ResetResult(props: { user: UserDto; result: AdminResetResult; onClose: () => void }) {
  const { t, date } = useI18n();
  const params = () => ({
    name: props.user.name,
    email: props.user.email,
    date: date(props.result.expiresAt, 'datetime'),
  });
  return (
    <div class="card invite-result" role="status" data-testid="reset-result">
      <Show
        when={props.result.mailed === false ? props.result : null}
        fallback={<p>{t('users.resetMailed', params())}</p>}
      >
        {(handOver) => (
          <>
            <p>{t('users.resetLink', params())}</p>
            <div class="link-row">
              <input
                class="input input-mono"
                readOnly
                value={handOver().url}
                onFocus={(e) => e.currentTarget.select()}
                aria-label={t('users.resetLinkLabel')}
                data-testid="reset-url"
              />
              <CopyButton
                text={handOver().url}
                label={t('editor.copyLink')}
                copiedLabel={t('editor.linkCopied')}
                class="btn"
              />
            </div>
          </>
        )}
      </Show>
      <div class="form-actions">
        <button type="button" class="btn btn-quiet" onClick={() => props.onClose()}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}

function RoleSelect(props: { value: Role; onChange: (r: Role) => void; testid: string }) {
  const { t } = useI18n();
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {t('users.role')}
      </label>
      <select
        id={id}
        class="select"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as Role)}
        data-testid={props.testid}
      >
        <For each={ROLES}>{(role) => <option value={role}>{t(ROLE_KEY[role])}</option>}</For>
      </select>
      <p class="field-hint">{t(ROLE_HINT[props.value])}</p>
    </div>
  );
}

function AddUserForm(props: { onDone: (user: UserDto) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<Role>('researcher');
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const send = createSubmission();
  const errors = () => ({
    name: requiredError(t, name()),
    email: emailError(t, email()),
    password: passwordError(t, password()),
    confirm: confirmError(t, password(), confirm()),
  });
  const shown = (field: keyof ReturnType<typeof errors>) => (tried() ? errors()[field] : null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(errors()).some(Boolean)) return;
    await send.run(async () => {
      props.onDone(
        await api.post('/api/users', { body: { name: name(), email: email(), role: role(), password: password() } }),
      );
    });
  };

  return (
    <form class="card form form-grid" onSubmit={submit} novalidate data-testid="add-user-form">
      <h2 class="card-title">{t('users.add')}</h2>
      <TextField
        label={t('users.name')}
        value={name()}
        onInput={setName}
        error={shown('name')}
        testid="new-user-name"
        autofocus
      />
      <TextField
        label={t('users.email')}
        type="email"
        value={email()}
        onInput={setEmail}
        error={shown('email')}
        testid="new-user-email"
      />
      <RoleSelect value={role()} onChange={setRole} testid="new-user-role" />
      <NewPasswordFields
        password={password()}
        onPassword={setPassword}
        confirm={confirm()}
        onConfirm={setConfirm}
        errors={{ password: shown('password'), confirm: shown('confirm') }}
        testids={{ password: 'new-user-password', confirm: 'new-user-confirm' }}
      />
      <Show when={send.failure()}>
        <p class="alert alert-error form-wide" role="alert">
          {errorText(t, send.failure())}
        </p>
      </Show>
      <div class="form-actions form-wide">
        <button type="button" class="btn btn-quiet" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={send.busy()} data-testid="new-user-submit">
          {t('users.add')}
        </button>
      </div>
    </form>
  );
}

function InviteForm(props: { onClose: () => void }) {
  const { t, date } = useI18n();
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<Role>('researcher');
  const [tried, setTried] = createSignal(false);
  const send = createSubmission();
  const [invite, setInvite] = createSignal<InviteLink | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (emailError(t, email())) return;
    await send.run(async () => {
      setInvite(await api.post('/api/users/invites', { body: { email: email(), role: role() } }));
    });
  };

  return (
    <Show
      when={invite()}
      fallback={
        <form class="card form form-grid" onSubmit={submit} novalidate data-testid="invite-form">
          <h2 class="card-title">{t('users.invite')}</h2>
          <p class="muted form-wide">{t('users.inviteIntro')}</p>
          <TextField
            label={t('users.email')}
            type="email"
            value={email()}
            onInput={setEmail}
            error={tried() ? emailError(t, email()) : null}
            testid="invite-email"
            autofocus
          />
          <RoleSelect value={role()} onChange={setRole} testid="invite-role" />
          <Show when={send.failure()}>
            <p class="alert alert-error form-wide" role="alert">
              {errorText(t, send.failure())}
            </p>
          </Show>
          <div class="form-actions form-wide">
            <button type="button" class="btn btn-quiet" onClick={() => props.onClose()}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" disabled={send.busy()} data-testid="invite-submit">
              {t('users.createInvite')}
            </button>
          </div>
        </form>
      }
    >
      {(inv) => (
        <div class="card invite-result" role="status" data-testid="invite-result">
          <p>{t('users.inviteLink', { email: inv().email, date: date(inv().expiresAt, 'datetime') })}</p>
          <div class="link-row">
            <input
              class="input input-mono"
              readOnly
              value={inv().url}
              onFocus={(e) => e.currentTarget.select()}
              aria-label={t('users.inviteLinkLabel')}
              data-testid="invite-url"
            />
            <CopyButton
              text={inv().url}
              label={t('editor.copyLink')}
              copiedLabel={t('editor.linkCopied')}
              class="btn"
            />
          </div>
          <div class="form-actions">
            <button type="button" class="btn btn-quiet" onClick={() => props.onClose()}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </Show>
  );
}
