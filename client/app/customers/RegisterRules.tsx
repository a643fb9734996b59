/**
 * The register's rules, for researchers: how often one customer may be drawn for a survey (the
 * contact interval, across all surveys) and after how many days untouched their contact details
 * are erased (retention; empty keeps them).
 */
import { createResource, createSignal, createUniqueId, Show } from 'solid-js';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';

export default function RegisterRules() {
  const { t } = useI18n();
  const id = createUniqueId();
  const [rules] = createResource(() => api.get('/api/customers/contact-rules'));
  const [retention] = createResource(() => api.get('/api/customers/retention'));
  const [saved, setSaved] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const save = async (form: HTMLFormElement) => {
    setSaved(false);
    setFailure(null);
    const data = new FormData(form);
    const days = String(data.get('retention') ?? '').trim();
    try {
      await api.put('/api/customers/contact-rules', { body: { intervalDays: Number(data.get('interval')) } });
      await api.put('/api/customers/retention', { body: { retentionDays: days === '' ? null : Number(days) } });
      setSaved(true);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <section class="card register-rules" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('customers.rules.title')}
      </h2>
      <Show when={rules() && retention()}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(e.currentTarget);
          }}
        >
          <label class="field">
            <span>{t('customers.rules.interval')}</span>
            <input
              class="input"
              type="number"
              name="interval"
              min={0}
              max={3650}
              required
              value={rules()!.intervalDays}
              data-testid="contact-interval"
            />
            <span class="field-hint">{t('customers.rules.intervalHint')}</span>
          </label>
          <label class="field">
            <span>{t('customers.rules.retention')}</span>
            <input
              class="input"
              type="number"
              name="retention"
              min={1}
              max={36500}
              value={retention()!.retentionDays ?? ''}
              data-testid="retention-days"
            />
            <span class="field-hint">{t('customers.rules.retentionHint')}</span>
          </label>
          <button type="submit" class="btn btn-primary">
            {t('customers.rules.save')}
          </button>
          <span role="status">{saved() ? ` ${t('customers.rules.saved')}` : ''}</span>
        </form>
      </Show>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
    </section>
  );
}
