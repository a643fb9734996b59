import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { accountErrorText } from '../account/errors';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import '../account/account.css';
import AuthLayout from './AuthLayout';
import { useSession } from './session';
import { confirmError, passwordError } from './validate';
import { NewPasswordFields } from './NewPasswordFields';
import { createSubmission } from '../lib/submission';

/** /reset#<token>: the token sits in the fragment so it never reaches server logs or referrers. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const send = createSubmission();
  const errors = () => ({ password: passwordError(t, password()), confirm: confirmError(t, password(), confirm()) });
  const shown = (field: keyof ReturnType<typeof errors>) => (tried() ? errors()[field] : null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (!token || Object.values(errors()).some(Boolean)) return;
    await send.run(async () => {
      await session.signedIn(
        await api.post('/api/auth/password-reset/complete', { body: { token, password: password() } }),
      );
      navigate('/', { replace: true });
    });
  };

  return (
    <AuthLayout title={t('reset.title')} intro={t('reset.intro')}>
      <form class="form" onSubmit={submit} novalidate data-testid="reset-form">
        <NewPasswordFields
          password={password()}
          onPassword={setPassword}
          confirm={confirm()}
          onConfirm={setConfirm}
          errors={{ password: shown('password'), confirm: shown('confirm') }}
          change
          testids={{ password: 'reset-password', confirm: 'reset-confirm' }}
          autofocus
        />
        <Show when={!token}>
          <p class="alert alert-error" role="alert">
            {t('reset.invalid')}
          </p>
        </Show>
        <Show when={send.failure()}>
          <p class="alert alert-error" role="alert" data-testid="reset-error">
            {accountErrorText(t, send.failure())}
          </p>
        </Show>
        <button
          type="submit"
          class="btn btn-primary btn-block"
          disabled={send.busy() || !token}
          data-testid="reset-submit"
        >
          {t('reset.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
