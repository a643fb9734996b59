import { createSignal, Show } from 'solid-js';
import { useSession } from '../auth/session';
import { confirmError, passwordError, requiredError } from '../auth/validate';
import { api } from '../lib/api';
import { TextField } from '../lib/components';
import { useI18n } from '../lib/i18n';
import './account.css';
import { accountErrorText } from './errors';
import ApiTokens from './ApiTokens';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { createSubmission } from '../lib/submission';

/** /account: the signed-in person's password, sessions and API tokens. */
export default function AccountPage() {
  const { t } = useI18n();
  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('account.title')}</h1>
      </header>
      <ChangePassword />
      <SignOutEverywhere />
      <ApiTokens />
    </div>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const session = useSession();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const send = createSubmission();
  const errors = () => ({
    current: requiredError(t, current()),
    next: passwordError(t, next()),
    confirm: confirmError(t, next(), confirm()),
  });
  const shown = (field: keyof ReturnType<typeof errors>) => (tried() ? errors()[field] : null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    setDone(false);
    if (Object.values(errors()).some(Boolean)) return;
    await send.run(async () => {
      // The server ended every session, this one too, and answers with a fresh one for this device.
      await session.signedIn(
        await api.post('/api/auth/password', { body: { currentPassword: current(), newPassword: next() } }),
      );
      setCurrent('');
      setNext('');
      setConfirm('');
      setTried(false);
      setDone(true);
    });
  };

  return (
    <form class="card form" onSubmit={submit} novalidate data-testid="change-password-form">
      <h2 class="card-title">{t('account.password.title')}</h2>
      <TextField
        label={t('account.password.current')}
        type="password"
        value={current()}
        onInput={setCurrent}
        error={shown('current')}
        autocomplete="current-password"
        testid="current-password"
      />
      <NewPasswordFields
        password={next()}
        onPassword={setNext}
        confirm={confirm()}
        onConfirm={setConfirm}
        errors={{ password: shown('next'), confirm: shown('confirm') }}
        change
        testids={{ password: 'new-password', confirm: 'confirm-password' }}
      />
      <Show when={send.failure()}>
        <p class="alert alert-error" role="alert" data-testid="change-password-error">
          {accountErrorText(t, send.failure())}
        </p>
      </Show>
      <Show when={done()}>
        <p class="alert alert-info" role="status" data-testid="change-password-done">
          {t('account.password.done')}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={send.busy()} data-testid="change-password-submit">
          {t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}

function SignOutEverywhere() {
  const { t } = useI18n();
  const session = useSession();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post('/api/auth/logout-everywhere');
      await session.signOut();
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  };
  return (
    <section class="card" data-testid="sign-out-everywhere">
      <h2 class="card-title">{t('account.everywhere.title')}</h2>
      <p class="muted">{t('account.everywhere.intro')}</p>
      <Show when={failure()}>
        <p class="alert alert-error" role="alert">
          {accountErrorText(t, failure())}
        </p>
      </Show>
      <div class="form-actions">
        <button type="button" class="btn" disabled={busy()} onClick={run} data-testid="sign-out-everywhere-submit">
          {t('account.everywhere.submit')}
        </button>
      </div>
    </section>
  );
}
