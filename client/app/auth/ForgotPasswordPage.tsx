import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { accountErrorText } from '../account/errors';
import { api } from '../lib/api';
import { TextField } from '../lib/components';
import { useI18n } from '../lib/i18n';
import '../account/account.css';
import AuthLayout from './AuthLayout';
import { emailError } from './validate';
import { createSubmission } from '../lib/submission';

/** /forgot: asks for a reset link by e-mail. The answer is the same whether the address has an account or not. */
export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  const send = createSubmission();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (emailError(t, email())) return;
    await send.run(async () => {
      await api.post('/api/auth/password-reset', { body: { email: email() } });
      setSent(true);
    });
  };

  return (
    <AuthLayout title={t('forgot.title')} intro={sent() ? undefined : t('forgot.intro')}>
      <Show
        when={!sent()}
        fallback={
          <p class="alert alert-info" role="status" data-testid="forgot-sent">
            {t('forgot.sent')}
          </p>
        }
      >
        <form class="form" onSubmit={submit} novalidate data-testid="forgot-form">
          <TextField
            label={t('signIn.email')}
            type="email"
            value={email()}
            onInput={setEmail}
            error={tried() ? emailError(t, email()) : null}
            autocomplete="username"
            testid="forgot-email"
            autofocus
          />
          <Show when={send.failure()}>
            <p class="alert alert-error" role="alert" data-testid="forgot-error">
              {accountErrorText(t, send.failure())}
            </p>
          </Show>
          <button type="submit" class="btn btn-primary btn-block" disabled={send.busy()} data-testid="forgot-submit">
            {t('forgot.submit')}
          </button>
        </form>
      </Show>
      <p class="auth-foot">
        <A href="/surveys">{t('forgot.back')}</A>
      </p>
    </AuthLayout>
  );
}
