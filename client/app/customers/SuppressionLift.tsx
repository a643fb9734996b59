/**
 * For admins: take a customer erased on request off the suppression list once they consent again,
 * by their e-mail, their customer id or both (each is listed apart, hashed as at the erasure).
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { api, ApiError } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';

export default function SuppressionLift() {
  const { t } = useI18n();
  const id = createUniqueId();
  const [outcome, setOutcome] = createSignal<
    'customers.lift.done' | 'customers.lift.notListed' | 'customers.lift.needOne' | null
  >(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const lift = async (form: HTMLFormElement) => {
    setOutcome(null);
    setFailure(null);
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const externalId = String(data.get('externalId') ?? '').trim();
    if (!email && !externalId) {
      setOutcome('customers.lift.needOne');
      return;
    }
    try {
      await api.post('/api/customers/suppressions/lift', {
        body: { ...(email ? { email } : {}), ...(externalId ? { externalId } : {}) },
      });
      form.reset();
      setOutcome('customers.lift.done');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setOutcome('customers.lift.notListed');
      else setFailure(err);
    }
  };
  return (
    <section class="card register-rules" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('customers.lift.title')}
      </h2>
      <p class="muted">{t('customers.lift.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lift(e.currentTarget);
        }}
      >
        <label class="field">
          <span>{t('customers.lift.email')}</span>
          <input class="input" type="email" name="email" autocomplete="off" data-testid="lift-email" />
        </label>
        <label class="field">
          <span>{t('customers.lift.externalId')}</span>
          <input class="input" type="text" name="externalId" autocomplete="off" data-testid="lift-external-id" />
        </label>
        <button type="submit" class="btn">
          {t('customers.lift.submit')}
        </button>
        <span role="status" data-testid="lift-outcome">
          {outcome() ? t(outcome()!) : ''}
        </span>
      </form>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
    </section>
  );
}
