/** How fieldwork stands: completes against the target, quota cells filling, drop-off, margin reached; waves. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../lib/api';
import { ConfirmButton, ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';

function Meter(props: { value: number; max: number; label: string }) {
  const pct = () => (props.max > 0 ? Math.min(100, (100 * props.value) / props.max) : 0);
  return (
    <div
      class="meter"
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={props.max}
      aria-valuenow={props.value}
    >
      <span
        class={`meter-fill ${props.value >= props.max && props.max > 0 ? 'is-full' : ''}`}
        style={{ width: `${pct()}%` }}
      />
    </div>
  );
}

export default function FieldworkPanel(props: {
  surveyId: string;
  /** Changes whenever the plan is saved, so the figures follow the new targets. */
  version: number;
  canOpenWave: boolean;
  onWaveOpened: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [wave, setWave] = createSignal<number | undefined>();
  const [data, { refetch }] = createResource(
    () => ({ id: props.surveyId, wave: wave(), version: props.version }),
    (k) => api.get('/api/surveys/:id/fieldwork', { params: { id: k.id }, query: { wave: k.wave } }),
  );
  const [failure, setFailure] = createSignal<unknown>(null);
  const openWave = async () => {
    setFailure(null);
    try {
      await api.post('/api/surveys/:id/waves', { params: { id: props.surveyId } });
      setWave(undefined);
      await refetch();
      props.onWaveOpened();
    } catch (err) {
      setFailure(err);
    }
  };
  const seconds = (s: number) =>
    s < 90
      ? t('plan.fieldwork.seconds', { n: Math.round(s) })
      : t('plan.fieldwork.minutes', { n: i18n.num(s / 60, 1) });
  const cellName = (labels: string[]) => labels.join(' × ');

  return (
    <section class="card plan-section fieldwork" aria-labelledby="plan-fieldwork" data-testid="fieldwork">
      <header class="fieldwork-head">
        <h2 id="plan-fieldwork" class="card-title">
          {t('plan.fieldwork.title')}
        </h2>
        <Show when={data()}>
          {(f) => (
            <div class="fieldwork-waves">
              <Show when={f().currentWave > 1}>
                <label class="field-inline">
                  <span class="field-label">{t('plan.fieldwork.wave')}</span>
                  <select
                    class="select select-small"
                    value={f().wave}
                    onChange={(e) => setWave(Number(e.currentTarget.value))}
                    data-testid="fieldwork-wave"
                  >
                    <For each={Array.from({ length: f().currentWave }, (_, i) => f().currentWave - i)}>
                      {(w) => <option value={w}>{t('plan.fieldwork.waveN', { n: w })}</option>}
                    </For>
                  </select>
                </label>
              </Show>
              <Show when={props.canOpenWave}>
                <ConfirmButton
                  label={t('plan.fieldwork.openWave', { n: f().currentWave + 1 })}
                  onConfirm={openWave}
                  testid="open-wave"
                />
              </Show>
            </div>
          )}
        </Show>
      </header>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <Show when={data.error}>
        <ErrorBox error={data.error} onRetry={refetch} />
      </Show>
      <Show when={data()}>
        {(f) => (
          <>
            <div class="fieldwork-kpis">
              <div class="stat stat-wide">
                <span class="stat-label">{t('plan.fieldwork.completes')}</span>
                <span class="stat-value" data-testid="fieldwork-completes">
                  {f().target === null
                    ? i18n.num(f().completes)
                    : t('plan.fieldwork.ofTarget', { n: f().completes, target: f().target! })}
                </span>
                <Show when={f().target !== null}>
                  <Meter value={f().completes} max={f().target!} label={t('plan.fieldwork.completes')} />
                </Show>
              </div>
              <div class="stat">
                <span class="stat-label">{t('plan.fieldwork.margin')}</span>
                <span class="stat-value" data-testid="fieldwork-margin">
                  {f().margin.value === null
                    ? '—'
                    : t('plan.sample.pointsMargin', { value: i18n.num(f().margin.value! * 100, 1) })}
                </span>
                <span class="stat-note">
                  {t('plan.fieldwork.marginNote', { confidence: i18n.pct(f().margin.confidence, 1) })}
                </span>
              </div>
              <div class="stat">
                <span class="stat-label">{t('plan.fieldwork.partials')}</span>
                <span class="stat-value">{i18n.num(f().partials)}</span>
              </div>
              <div class="stat">
                <span class="stat-label">{t('plan.fieldwork.overQuota')}</span>
                <span class="stat-value" data-testid="fieldwork-over-quota">
                  {i18n.num(f().overQuota)}
                </span>
              </div>
              <div class="stat">
                <span class="stat-label">{t('plan.fieldwork.screenedOut')}</span>
                <span class="stat-value">{i18n.num(f().screenedOut)}</span>
              </div>
              <div class="stat">
                <span class="stat-label">{t('plan.fieldwork.medianTime')}</span>
                <span class="stat-value">{f().medianSeconds === null ? '—' : seconds(f().medianSeconds!)}</span>
              </div>
              <Show when={f().invitations}>
                {(inv) => (
                  <div class="stat stat-wide">
                    <span class="stat-label">{t('plan.fieldwork.responseRate')}</span>
                    <span class="stat-value" data-testid="fieldwork-response-rate">
                      {inv().responseRate === null ? '—' : i18n.pct(inv().responseRate!, 1)}
                    </span>
                    <span class="stat-note">
                      {t('plan.fieldwork.responseRateNote', {
                        completed: i18n.num(inv().completed),
                        reached: i18n.num(inv().invited - inv().bounced),
                        started: i18n.num(inv().started),
                        bounced: i18n.num(inv().bounced),
                        sent: i18n.num(inv().sent),
                      })}
                    </span>
                  </div>
                )}
              </Show>
            </div>

            <Show when={f().cells.length > 0}>
              <h3 class="fieldwork-sub">{t('plan.fieldwork.cells')}</h3>
              <ul class="bars" data-testid="fieldwork-cells">
                <For each={f().cells}>
                  {(c) => (
                    <li class="bar-row" data-cell={c.key}>
                      <span class="bar-label">{cellName(c.labels)}</span>
                      <Meter value={c.completes} max={c.target} label={cellName(c.labels)} />
                      <span class="bar-value">
                        {t('plan.fieldwork.ofTarget', { n: c.completes, target: c.target })}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={f().outsideCells > 0}>
                <p class="field-hint">{t('plan.fieldwork.outside', { count: f().outsideCells })}</p>
              </Show>
            </Show>

            <Show when={f().partials > 0}>
              <h3 class="fieldwork-sub">{t('plan.fieldwork.dropOff')}</h3>
              <ul class="bars">
                <For each={f().dropOff}>
                  {(d) => (
                    <li class="bar-row">
                      <span class="bar-label">{t('plan.fieldwork.page', { n: d.page + 1 })}</span>
                      <Meter
                        value={d.partials}
                        max={f().partials}
                        label={t('plan.fieldwork.page', { n: d.page + 1 })}
                      />
                      <span class="bar-value">{i18n.num(d.partials)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
