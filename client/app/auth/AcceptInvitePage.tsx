import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { api } from '../lib/api';
import { TextField } from '../lib/components';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import AuthLayout from './AuthLayout';
import { useSession } from './session';
import { confirmError, passwordError, requiredError } from './validate';
import { NewPasswordFields } from './NewPasswordFields';
import { createSubmission } from '../lib/submission';

/** /invite#<token>: the token sits in the fragment so it never reaches server logs or referrers. */
export default function AcceptInvitePage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [tried, setTried] = createSignal(false);
  const send = createSubmission();

  const errors = () => ({
    name: requiredError(t, name()),
    password: passwordError(t, password()),
    confirm: confirmError(t, password(), confirm()),
  });
  const shown = (field: keyof ReturnType<typeof errors>) => (tried() ? errors()[field] : null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (!token || Object.values(errors()).some(Boolean)) return;
    await send.run(async () => {
      const answer = await api.post('/api/auth/accept-invite', {
        body: {
          token,
          name: name(),
          password: password(),
        },
      });
      await session.signedIn(answer);
      navigate('/', { replace: true });
    });
  };

  return (
    <AuthLayout title={t('invite.title')} intro={t('invite.intro')}>
      <form class="form" onSubmit={submit} novalidate data-testid="accept-form">
        <TextField
          label={t('setup.name')}
          value={name()}
          onInput={setName}
          error={shown('name')}
          autocomplete="name"
          testid="accept-name"
          autofocus
        />
        <NewPasswordFields
          password={password()}
          onPassword={setPassword}
          confirm={confirm()}
          onConfirm={setConfirm}
          errors={{ password: shown('password'), confirm: shown('confirm') }}
          testids={{ password: 'accept-password', confirm: 'accept-confirm' }}
        />
        <Show when={!token}>
          <p class="alert alert-error" role="alert">
            {t('errors.inviteInvalid')}
          </p>
        </Show>
        <Show when={send.failure()}>
          <p class="alert alert-error" role="alert">
            {errorText(t, send.failure())}
          </p>
        </Show>
        <button
          type="submit"
          class="btn btn-primary btn-block"
          disabled={send.busy() || !token}
          data-testid="accept-submit"
        >
          {t('invite.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
