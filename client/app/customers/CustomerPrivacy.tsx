/**
 * A customer's privacy, for researchers: download everything held about them, or erase them,
 * keeping their answers anonymous or deleting them (asked twice: an erasure cannot be undone).
 */
import { useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { ErasureMode } from '../../../shared/customers/schema';
import { api, apiUrl } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';

export default function CustomerPrivacy(props: { customerId: string; externalId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [mode, setMode] = createSignal<ErasureMode>('anonymise');
  const [failure, setFailure] = createSignal<unknown>(null);
  const erase = async () => {
    if (!window.confirm(t('customers.privacy.confirm', { id: props.externalId }))) return;
    setFailure(null);
    try {
      await api.delete('/api/customers/:id', { params: { id: props.customerId }, query: { responses: mode() } });
      navigate('/customers');
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('customers.privacy.title')}</h2>
      <p>
        <a
          class="btn"
          href={apiUrl('/api/customers/:id/export/all.json', { params: { id: props.customerId } })}
          download={`customer-${props.externalId}.json`}
          data-testid="customer-export"
        >
          {t('customers.privacy.export')}
        </a>
      </p>
      <fieldset class="customer-erase">
        <legend>{t('customers.privacy.erase')}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode() === 'anonymise'}
            onChange={() => setMode('anonymise')}
          />{' '}
          {t('customers.privacy.anonymise')}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode() === 'delete'} onChange={() => setMode('delete')} />{' '}
          {t('customers.privacy.delete')}
        </label>
        <p class="muted customer-rule">{t('customers.privacy.suppressHint')}</p>
        <button type="button" class="btn btn-danger" onClick={() => void erase()} data-testid="customer-erase">
          {t('customers.privacy.eraseButton')}
        </button>
      </fieldset>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
    </section>
  );
}
