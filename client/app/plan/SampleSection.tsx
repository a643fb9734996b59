/**
 * The sample-size calculator, live: completes needed and invitations to send as the inputs
 * change, the margin of error any n buys, and the curve of margin against n.
 */
import { createMemo, createSignal, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { marginAt, type PlanInput, type SampleInput } from '../../../shared/plan';
import { useI18n } from '../lib/i18n';
import { NumberField, Segmented } from './fields';
import MarginChart from './MarginChart';

const CURVE_POINTS = 48;

export default function SampleSection(props: {
  plan: PlanInput;
  set: SetStoreFunction<PlanInput>;
  problems: Map<string, string>;
  /** The sample inputs when valid (defaults filled), else null. */
  sample: SampleInput | null;
  needed: number | null;
  invitations: number | null;
  planned: number | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = () => props.plan.sample;
  const set = <K extends keyof PlanInput['sample']>(key: K, value: PlanInput['sample'][K]) =>
    props.set('sample', key, value);
  const problem = (key: string) => props.problems.get(`sample.${key}`);
  const mean = () => s().kind === 'mean';

  const [atN, setAtN] = createSignal<number | undefined>();
  const n = () => atN() ?? props.planned ?? props.needed ?? undefined;
  // A mean's margin is in the score's own unit: notation, not language.
  const marginText = (m: number) =>
    mean() ? `±${i18n.num(m, 2)}` : t('plan.sample.pointsMargin', { value: i18n.num(m * 100, 1) });
  const marginAtN = () => {
    const sample = props.sample;
    const k = n();
    if (!sample || k === undefined || !Number.isInteger(k) || k < 1) return null;
    return marginAt(sample, k);
  };

  const curve = createMemo(() => {
    const sample = props.sample;
    if (!sample || props.needed === null) return [];
    const upper = Math.min(sample.population ?? Infinity, Math.max(2 * props.needed, 50));
    const ns = [
      ...new Set(
        Array.from({ length: CURVE_POINTS }, (_, i) => Math.max(1, Math.round((upper * (i + 1)) / CURVE_POINTS))),
      ),
    ];
    return ns.map((k) => ({ n: k, margin: marginAt(sample, k) ?? 0 }));
  });
  const mark = () => {
    const k = props.planned ?? props.needed;
    const m = props.sample && k ? marginAt(props.sample, k) : null;
    return k && m !== null ? { n: k, margin: m } : null;
  };

  return (
    <section class="card plan-section" aria-labelledby="plan-sample">
      <h2 id="plan-sample" class="card-title">
        {t('plan.sample.title')}
      </h2>
      <div class="sample-grid">
        <div class="sample-inputs">
          <Segmented
            label={t('plan.sample.kind')}
            value={s().kind}
            options={['proportion', 'mean'] as const}
            testid="plan-sample-kind"
            labelOf={(k) => t(k === 'mean' ? 'plan.sample.mean' : 'plan.sample.proportion')}
            onChange={(k) => set('kind', k)}
          />
          <div class="form-grid">
            <NumberField
              label={t('plan.sample.confidence')}
              value={s().confidence}
              scale={100}
              suffix="%"
              onChange={(x) => set('confidence', x as number)}
              error={problem('confidence')}
              testid="plan-confidence"
            />
            <NumberField
              label={t('plan.sample.margin')}
              value={s().margin}
              scale={mean() ? 1 : 100}
              suffix={mean() ? undefined : '%'}
              hint={mean() ? t('plan.sample.marginMeanHint') : undefined}
              onChange={(x) => set('margin', x as number)}
              error={problem('margin')}
              testid="plan-margin"
            />
            <Show
              when={mean()}
              fallback={
                <NumberField
                  label={t('plan.sample.proportionValue')}
                  hint={t('plan.sample.proportionHint')}
                  value={s().proportion}
                  scale={100}
                  suffix="%"
                  placeholder="50"
                  onChange={(x) => set('proportion', x)}
                  error={problem('proportion')}
                />
              }
            >
              <NumberField
                label={t('plan.sample.sd')}
                hint={t('plan.sample.sdHint')}
                value={s().sd}
                onChange={(x) => set('sd', x)}
                error={problem('sd')}
                testid="plan-sd"
              />
            </Show>
            <NumberField
              label={t('plan.sample.population')}
              hint={t('plan.sample.populationHint')}
              value={s().population}
              onChange={(x) => set('population', x)}
              error={problem('population')}
              testid="plan-population"
            />
            <NumberField
              label={t('plan.sample.designEffect')}
              hint={t('plan.sample.designEffectHint')}
              value={s().designEffect}
              placeholder="1"
              onChange={(x) => set('designEffect', x)}
              error={problem('designEffect')}
            />
            <NumberField
              label={t('plan.sample.responseRate')}
              value={s().responseRate}
              scale={100}
              suffix="%"
              onChange={(x) => set('responseRate', x as number)}
              error={problem('responseRate')}
              testid="plan-response-rate"
            />
            <NumberField
              label={t('plan.sample.incidence')}
              hint={t('plan.sample.incidenceHint')}
              value={s().incidence}
              scale={100}
              suffix="%"
              placeholder="100"
              onChange={(x) => set('incidence', x)}
              error={problem('incidence')}
            />
          </div>
        </div>
        <div class="sample-results" aria-live="polite">
          <div class="stat">
            <span class="stat-label">{t('plan.sample.completesNeeded')}</span>
            <span class="stat-value" data-testid="plan-completes-needed">
              {props.needed === null ? '—' : i18n.num(props.needed)}
            </span>
          </div>
          <div class="stat">
            <span class="stat-label">{t('plan.sample.invitations')}</span>
            <span class="stat-value" data-testid="plan-invitations">
              {props.invitations === null ? '—' : i18n.num(props.invitations)}
            </span>
          </div>
          <div class="stat stat-what-if">
            <NumberField label={t('plan.sample.marginAt')} value={n()} onChange={(x) => setAtN(x)} testid="plan-at-n" />
            <span class="stat-value" data-testid="plan-margin-at-n">
              {marginAtN() === null ? '—' : marginText(marginAtN()!)}
            </span>
          </div>
        </div>
      </div>
      <Show when={curve().length > 0}>
        <MarginChart
          points={curve()}
          mark={mark()}
          label={t('plan.sample.chartLabel')}
          xTitle={t('plan.sample.chartX')}
          yTitle={mean() ? t('plan.sample.chartYMean') : t('plan.sample.chartY')}
          format={marginText}
          tick={(m) => i18n.num(mean() ? m : m * 100, 1)}
          formatN={(k) => i18n.num(k)}
        />
      </Show>
    </section>
  );
}
