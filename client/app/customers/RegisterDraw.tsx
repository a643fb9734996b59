/**
 * Inviting a survey's sample from the customer register: by tier, segment or an attribute, with
 * the plan's completes per stratum and response rate. A preview shows what a seed draws; drawing
 * for real with the same seed invites exactly those customers, and the seed is kept with the draw.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { DrawResult } from '../../../shared/customers/schema';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { tierLabel } from './keys';
import './customers.css';
import { createSubmission } from '../lib/submission';

export default function RegisterDraw(props: { surveyId: string }) {
  const { t, num, pct } = useI18n();
  const id = createUniqueId();
  const [by, setBy] = createSignal('customer_tier');
  const [seed, setSeed] = createSignal('');
  const [result, setResult] = createSignal<DrawResult | null>(null);
  const send = createSubmission();
  const run = async (preview: boolean) => {
    await send.run(async () => {
      const body = { by: by(), preview, ...(seed().trim() ? { seed: seed().trim() } : {}) };
      const r = await api.post('/api/surveys/:id/draws', { params: { id: props.surveyId }, body });
      setResult(r);
      setSeed(r.seed);
    });
  };
  return (
    <section class="card register-draw" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('customers.draw.title')}
      </h2>
      <p class="field-hint">{t('customers.draw.hint')}</p>
      <div class="row-actions">
        <label class="field-inline">
          <span>{t('customers.draw.by')}</span>
          <select class="select select-small" value={by()} onChange={(e) => setBy(e.currentTarget.value)}>
            <option value="customer_tier">{t('customers.col.tier')}</option>
            <option value="customer_segment">{t('customers.col.segment')}</option>
          </select>
        </label>
        <label class="field-inline">
          <span>{t('customers.draw.seed')}</span>
          <input
            class="input"
            value={seed()}
            onInput={(e) => setSeed(e.currentTarget.value)}
            maxLength={100}
            data-testid="draw-seed"
          />
        </label>
        <button
          type="button"
          class="btn"
          disabled={send.busy()}
          onClick={() => void run(true)}
          data-testid="draw-preview"
        >
          {t('customers.draw.preview')}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          disabled={send.busy()}
          onClick={() => void run(false)}
          data-testid="draw-invite"
        >
          {t('customers.draw.invite')}
        </button>
      </div>
      <Show when={result()}>
        {(r) => (
          <div role="status" data-testid="draw-result">
            <p>
              {r().id === null
                ? t('customers.draw.previewed', { count: r().customers.length, seed: r().seed })
                : t('customers.draw.invited', { count: r().invited, seed: r().seed })}{' '}
              {t('customers.draw.rules', { rate: pct(r().responseRate), days: r().intervalDays })}
            </p>
            <div class="table-wrap">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('customers.draw.stratum')}</th>
                    <th scope="col" class="num">
                      {t('customers.draw.completes')}
                    </th>
                    <th scope="col" class="num">
                      {t('customers.draw.needed')}
                    </th>
                    <th scope="col" class="num">
                      {t('customers.draw.eligible')}
                    </th>
                    <th scope="col" class="num">
                      {t('customers.draw.drawn')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().strata}>
                    {(s) => (
                      <tr>
                        <th scope="row">{r().by === 'customer_tier' ? tierLabel(t, s.value) : s.value}</th>
                        <td class="num">{num(s.completes)}</td>
                        <td class="num">{num(s.needed)}</td>
                        <td class="num">{num(s.eligible)}</td>
                        <td class="num" classList={{ short: s.drawn < s.needed }}>
                          {num(s.drawn)}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Show>
      <Show when={send.failure()}>
        <ErrorBox error={send.failure()} />
      </Show>
    </section>
  );
}
