/**
 * Inviting a survey's sample from the customer register: by tier, segment or an attribute, or by
 * the combinations of two of them, with the plan's completes per stratum (or a total allocated in
 * proportion) and response rate. A preview shows what a seed draws; drawing for real with the same
 * seed invites exactly those customers, and the seed is kept with the draw.
 */
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import type { DrawResult } from '../../../shared/customers/schema';
import { CELL_SEPARATOR } from '../../../shared/plan/schema';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { tierLabel } from './keys';
import './customers.css';
import { createSubmission } from '../lib/submission';

/** A stratifying variable: tier, segment, or an attribute named in a text field beside the choice. */
function StratumChoice(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  none?: string;
  testid: string;
}): JSX.Element {
  const { t } = useI18n();
  const [choice, setChoice] = createSignal(props.value);
  const pick = (value: string) => {
    setChoice(value);
    props.onChange(value === 'attribute' ? '' : value);
  };
  return (
    <>
      <label class="field-inline">
        <span>{props.label}</span>
        <select
          class="select select-small"
          value={choice()}
          onChange={(e) => pick(e.currentTarget.value)}
          data-testid={props.testid}
        >
          <Show when={props.none}>{(none) => <option value="">{none()}</option>}</Show>
          <option value="customer_tier">{t('customers.col.tier')}</option>
          <option value="customer_segment">{t('customers.col.segment')}</option>
          <option value="attribute">{t('customers.draw.attribute')}</option>
        </select>
      </label>
      <Show when={choice() === 'attribute'}>
        <label class="field-inline">
          <span>{t('customers.draw.attributeName')}</span>
          <input
            class="input"
            value={props.value}
            onInput={(e) => props.onChange(e.currentTarget.value)}
            maxLength={100}
            placeholder="region"
            data-testid={`${props.testid}-attribute`}
          />
        </label>
      </Show>
    </>
  );
}

export default function RegisterDraw(props: { surveyId: string }) {
  const { t, num, pct } = useI18n();
  const id = createUniqueId();
  const [by, setBy] = createSignal('customer_tier');
  const [crossBy, setCrossBy] = createSignal('');
  const [total, setTotal] = createSignal('');
  const [seed, setSeed] = createSignal('');
  const [result, setResult] = createSignal<DrawResult | null>(null);
  const send = createSubmission();
  const run = async (preview: boolean) => {
    await send.run(async () => {
      const body = {
        by: by(),
        preview,
        ...(crossBy().trim() ? { crossBy: crossBy().trim() } : {}),
        ...(total().trim() ? { total: Number(total()) } : {}),
        ...(seed().trim() ? { seed: seed().trim() } : {}),
      };
      const r = await api.post('/api/surveys/:id/draws', { params: { id: props.surveyId }, body });
      setResult(r);
      setSeed(r.seed);
    });
  };
  /** A stratum's name as read: a tier by its label, a cross's two values joined by ×. */
  const stratumLabel = (r: DrawResult, value: string) => {
    const values = r.crossBy ? value.split(CELL_SEPARATOR) : [value];
    const sources = r.crossBy ? [r.by, r.crossBy] : [r.by];
    return values.map((v, i) => (sources[i] === 'customer_tier' ? tierLabel(t, v) : v)).join(' × ');
  };
  return (
    <section class="card register-draw" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('customers.draw.title')}
      </h2>
      <p class="field-hint">{t('customers.draw.hint')}</p>
      <p class="field-hint">{t('customers.draw.crossHint')}</p>
      <div class="row-actions">
        <StratumChoice label={t('customers.draw.by')} value={by()} onChange={setBy} testid="draw-by" />
        <StratumChoice
          label={t('customers.draw.cross')}
          value={crossBy()}
          onChange={setCrossBy}
          none={t('customers.draw.crossNone')}
          testid="draw-cross"
        />
        <label class="field-inline">
          <span>{t('customers.draw.total')}</span>
          <input
            class="input input-narrow"
            type="number"
            min="1"
            step="1"
            inputMode="numeric"
            value={total()}
            onInput={(e) => setTotal(e.currentTarget.value)}
            data-testid="draw-total"
          />
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
                        <th scope="row">{stratumLabel(r(), s.value)}</th>
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
