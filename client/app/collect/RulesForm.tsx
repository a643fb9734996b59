import { createSignal, createUniqueId, Show } from 'solid-js';
import type { CollectionSettings } from '../../../shared/api/collect';
import { api } from '../lib/api';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';

// <input type="datetime-local"> speaks the browser's local time; the server keeps UTC epoch ms.
const toInput = (ms: number | null) => {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromInput = (s: string) => (s ? new Date(s).getTime() : null);

/** Open and close times, a response cap and kiosk mode. */
export default function RulesForm(props: { surveyId: string; initial: CollectionSettings; readOnly: boolean }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [opensAt, setOpensAt] = createSignal(toInput(props.initial.opensAt));
  const [closesAt, setClosesAt] = createSignal(toInput(props.initial.closesAt));
  const [cap, setCap] = createSignal(props.initial.responseCap === null ? '' : String(props.initial.responseCap));
  const [kiosk, setKiosk] = createSignal(props.initial.kiosk);
  const [state, setState] = createSignal<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = createSignal<unknown>(null);
  const capInvalid = () => cap() !== '' && !(Number.isInteger(Number(cap())) && Number(cap()) >= 1);
  const orderInvalid = () => opensAt() !== '' && closesAt() !== '' && fromInput(closesAt())! <= fromInput(opensAt())!;

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (capInvalid() || orderInvalid()) return;
    setState('saving');
    setFailure(null);
    try {
      await api.patch('/api/surveys/:id/settings', {
        params: { id: props.surveyId },
        body: {
          opensAt: fromInput(opensAt()),
          closesAt: fromInput(closesAt()),
          responseCap: cap() === '' ? null : Number(cap()),
          kiosk: kiosk(),
        },
      });
      setState('saved');
    } catch (err) {
      setFailure(err);
      setState('idle');
    }
  };
  const touched = () => setState('idle');

  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('distribute.rules')}
      </h2>
      <form class="rules-form" onSubmit={save} novalidate>
        <fieldset disabled={props.readOnly}>
          <div class="rules-grid">
            <label class="field">
              <span class="field-label">{t('distribute.opensAt')}</span>
              <input
                type="datetime-local"
                class="input"
                value={opensAt()}
                onInput={(e) => {
                  setOpensAt(e.currentTarget.value);
                  touched();
                }}
                data-testid="rules-opens"
              />
            </label>
            <label class="field">
              <span class="field-label">{t('distribute.closesAt')}</span>
              <input
                type="datetime-local"
                class="input"
                value={closesAt()}
                onInput={(e) => {
                  setClosesAt(e.currentTarget.value);
                  touched();
                }}
                aria-invalid={orderInvalid() ? 'true' : undefined}
                data-testid="rules-closes"
              />
              <Show when={orderInvalid()}>
                <span class="field-error">{t('distribute.closesBeforeOpens')}</span>
              </Show>
            </label>
            <label class="field">
              <span class="field-label">{t('distribute.cap')}</span>
              <input
                type="number"
                min="1"
                step="1"
                inputmode="numeric"
                class="input"
                value={cap()}
                onInput={(e) => {
                  setCap(e.currentTarget.value);
                  touched();
                }}
                aria-invalid={capInvalid() ? 'true' : undefined}
                data-testid="rules-cap"
              />
              <span class={capInvalid() ? 'field-error' : 'field-hint'}>{t('distribute.capHint')}</span>
            </label>
          </div>
          <p class="field-hint">{t('distribute.timesHint')}</p>
          <label class="field field-inline">
            <input
              type="checkbox"
              checked={kiosk()}
              onChange={(e) => {
                setKiosk(e.currentTarget.checked);
                touched();
              }}
              data-testid="rules-kiosk"
            />
            <span>{t('distribute.kiosk')}</span>
          </label>
          <Show when={failure()}>
            <p class="field-error" role="alert">
              {errorText(t, failure())}
            </p>
          </Show>
          <Show when={!props.readOnly}>
            <div class="form-actions">
              <span class="muted" role="status">
                {state() === 'saved' ? t('distribute.saved') : ''}
              </span>
              <button
                type="submit"
                class="btn btn-primary"
                disabled={state() === 'saving' || capInvalid() || orderInvalid()}
                data-testid="rules-save"
              >
                {t('distribute.saveRules')}
              </button>
            </div>
          </Show>
        </fieldset>
      </form>
    </section>
  );
}
