import { createSignal, Show } from 'solid-js';
import { api } from '../lib/api';
import { TextField } from '../lib/components';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import AuthLayout from './AuthLayout';
import { useSession } from './session';
import { confirmError, emailError, passwordError, requiredError } from './validate';
import { NewPasswordFields } from './NewPasswordFields';
import { createSubmission } from '../lib/submission';

/** First run: nobody has an account yet, so the first person creates the administrator. */
export default function SetupPage() {
  const { t } = useI18n();
  const session = useSession();
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
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
      const answer = await api.post('/api/auth/setup', {
        body: {
          name: name(),
          email: email(),
          password: password(),
        },
      });
      await session.signedIn(answer);
    });
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form class="form" onSubmit={submit} novalidate data-testid="setup-form">
        <TextField
          label={t('setup.name')}
          value={name()}
          onInput={setName}
          error={shown('name')}
          autocomplete="name"
          testid="setup-name"
          autofocus
        />
        <TextField
          label={t('setup.email')}
          type="email"
          value={email()}
          onInput={setEmail}
          error={shown('email')}
          autocomplete="email"
          testid="setup-email"
        />
        <NewPasswordFields
          password={password()}
          onPassword={setPassword}
          confirm={confirm()}
          onConfirm={setConfirm}
          errors={{ password: shown('password'), confirm: shown('confirm') }}
          testids={{ password: 'setup-password', confirm: 'setup-confirm' }}
        />
        <Show when={send.failure()}>
          <p class="alert alert-error" role="alert">
            {errorText(t, send.failure())}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary btn-block" disabled={send.busy()} data-testid="setup-submit">
          {t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
