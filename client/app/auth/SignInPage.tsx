import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api } from '../lib/api';
import { TextField } from '../lib/components';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import '../account/account.css';
import AuthLayout from './AuthLayout';
import { useSession } from './session';
import { emailError, requiredError } from './validate';
import { createSubmission } from '../lib/submission';

export default function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const send = createSubmission();

  const errors = () => ({ email: emailError(t, email()), password: requiredError(t, password()) });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (errors().email || errors().password) return;
    await send.run(async () => {
      const answer = await api.post('/api/auth/login', {
        body: {
          email: email(),
          password: password(),
        },
      });
      await session.signedIn(answer);
    });
  };

  return (
    <AuthLayout title={t('signIn.title')}>
      <form class="form" onSubmit={submit} novalidate data-testid="signin-form">
        <TextField
          label={t('signIn.email')}
          type="email"
          value={email()}
          onInput={setEmail}
          error={tried() ? errors().email : null}
          autocomplete="username"
          testid="signin-email"
          autofocus
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          value={password()}
          onInput={setPassword}
          error={tried() ? errors().password : null}
          autocomplete="current-password"
          testid="signin-password"
        />
        <Show when={send.failure()}>
          <p class="alert alert-error" role="alert" data-testid="signin-error">
            {errorText(t, send.failure())}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary btn-block" disabled={send.busy()} data-testid="signin-submit">
          {t('signIn.submit')}
        </button>
      </form>
      <p class="auth-foot">
        <A href="/forgot" data-testid="signin-forgot">
          {t('signIn.forgot')}
        </A>
      </p>
    </AuthLayout>
  );
}
