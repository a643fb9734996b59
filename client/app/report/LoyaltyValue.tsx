/**
 * "What more loyalty is worth": the manager's own figures (customers, margin, retention, discount
 * rate, horizon) turned into customers kept, first-year margin and lifetime value gained, with the
 * retention uplift proposed from the survey's own satisfaction–loyalty curve.
 */
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import * as v from 'valibot';
import type { LoyaltySection } from '../../../shared/api/report-sections';
import { currencyDigits, defaultCurrency, formatCurrency, formatMoneyEstimate, type AppKey } from '../../../shared/i18n';
import { CurrencySchema } from '../../../shared/survey/research-types';
import { loyaltyIfLevelRises, retentionUplift, StatsInputError } from '../../../shared/stats';
import { useI18n } from '../lib/i18n';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CNY', 'HKD', 'TWD', 'JPY', 'VND'] as const;

/** Without a curve to propose one, five points: the "5 % more customers kept" of Reichheld & Sasser's "Zero defections" (HBR 1990). */
const FALLBACK_UPLIFT = '5';

/**
 * Inputs as typed, not as numbers: a half-typed "0." must stay in the box. `uplift` null means
 * "follow the survey's proposal", so a new filter brings a new proposal until the manager types one.
 */
const InputsSchema = v.object({
  customers: v.string(),
  margin: v.string(),
  currency: CurrencySchema,
  retention: v.string(),
  discount: v.string(),
  uplift: v.nullable(v.string()),
  years: v.string(),
});
type Inputs = v.InferOutput<typeof InputsSchema>;

type Field = 'customers' | 'margin' | 'retention' | 'discount' | 'uplift' | 'years';

/** What to say, and which box to mark, when `retentionUplift` refuses an argument. */
const INVALID: Record<string, { field: Field; key: AppKey }> = {
  customers: { field: 'customers', key: 'report.impact.invalid.customers' },
  margin: { field: 'margin', key: 'report.impact.invalid.margin' },
  retention: { field: 'retention', key: 'report.impact.invalid.retention' },
  discountRate: { field: 'discount', key: 'report.impact.invalid.discountRate' },
  periods: { field: 'years', key: 'report.impact.invalid.periods' },
  uplift: { field: 'uplift', key: 'report.impact.invalid.uplift' },
};

const storageKey = (surveyId: string) => `yardstick.loyalty-value.${surveyId}`;

// Storage can be disabled or full (private windows, strict settings): the estimate then forgets on reload.
function readStored(surveyId: string): Partial<Inputs> {
  try {
    const parsed = v.safeParse(v.partial(InputsSchema), JSON.parse(localStorage.getItem(storageKey(surveyId)) ?? '{}'));
    return parsed.success ? parsed.output : {};
  } catch {
    return {};
  }
}

function store(surveyId: string, inputs: Inputs) {
  try {
    localStorage.setItem(storageKey(surveyId), JSON.stringify(inputs));
  } catch {
    // See readStored.
  }
}

/** An empty box is no value, not 0. */
const parse = (text: string) => (text.trim() === '' ? NaN : Number(text));

/**
 * `currency`: the one the survey asks prices in, if any (shared/survey/price-currency.ts), before
 * the reader's language's usual one.
 */
export function LoyaltyValue(props: { section: LoyaltySection; surveyId: string; currency: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [inputs, setInputs] = createSignal<Inputs>({
    customers: '10000', margin: '500', currency: props.currency ?? defaultCurrency(i18n.locale()), retention: '80', discount: '10', uplift: null, years: '',
    ...readStored(props.surveyId),
  });
  createEffect(() => store(props.surveyId, inputs()));
  // The list, with the survey's currency and the one chosen before (kept in the browser) on it.
  const currencies = () => [...new Set([...(props.currency ? [props.currency] : []), inputs().currency, ...CURRENCIES])];
  const set = <K extends keyof Inputs>(key: K, value: Inputs[K]) => setInputs((x) => ({ ...x, [key]: value }));
  const money = (amount: number) => formatMoneyEstimate(i18n.locale(), amount, inputs().currency);

  /** The second-highest satisfaction level rising to the top one, read off the survey's curve. */
  const shift = createMemo(() => {
    const curve = props.section.curve;
    if (!curve || curve.length < 2 || curve[curve.length - 1].rate === null || curve.every((c) => c.share === 0)) return null;
    const from = curve.length - 2;
    const r = loyaltyIfLevelRises(curve.map((c) => c.share), curve.map((c) => c.rate), from);
    // Rounded as the uplift box shows it, so what the manager reads is what is computed.
    return { ...r, share: curve[from].share, from: curve[from].level, to: curve[from + 1].level, points: Math.round(r.uplift * 1000) / 10 };
  });
  const proposal = () => {
    const s = shift();
    return s && s.points > 0 ? String(s.points) : null;
  };
  const upliftText = () => inputs().uplift ?? proposal() ?? FALLBACK_UPLIFT;

  const result = createMemo(() => {
    const x = inputs();
    const retention = parse(x.retention) / 100;
    const uplift = parse(upliftText()) / 100;
    const periods = x.years.trim() === '' ? undefined : Number(x.years);
    try {
      return {
        retention, uplift,
        ...retentionUplift({ customers: parse(x.customers), margin: parse(x.margin), retention, uplift, discountRate: parse(x.discount) / 100, periods }),
      };
    } catch (e) {
      if (e instanceof StatsInputError && e.argument in INVALID) return { invalid: INVALID[e.argument] };
      throw e;
    }
  });
  const estimate = () => {
    const r = result();
    return 'invalid' in r ? null : r;
  };
  const invalid = () => {
    const r = result();
    return 'invalid' in r ? r.invalid : null;
  };
  const currencyNames = createMemo(() => new Intl.DisplayNames([i18n.locale()], { type: 'currency' }));

  const text = (key: Field) => (key === 'uplift' ? upliftText() : inputs()[key] ?? '');
  /** The box's value as the PDF shows it, in the reader's format: "10000" prints as "10,000". */
  const printed = (key: Field, format: (x: number) => string) => {
    const x = parse(text(key));
    return Number.isFinite(x) ? format(x) : text(key) || '—';
  };
  const field = (key: Field, label: AppKey, attrs: { min?: string; max?: string; step: string }, format: (x: number) => string) => (
    <label class="field">
      <span class="field-label">{t(label)}</span>
      <input
        class="input" type="number" inputmode="decimal" {...attrs} value={text(key)}
        aria-invalid={invalid()?.field === key} data-testid={`impact-${key}`} onInput={(e) => set(key, e.currentTarget.value)}
      />
      <span class="print-value">{printed(key, format)}</span>
    </label>
  );
  const percent = (x: number) => i18n.pct(x / 100, 1);
  const currencyName = (c: string) => `${c} · ${currencyNames().of(c)}`;

  return (
    <div class="impact no-print-inputs" data-testid="loyalty-value">
      <h3>{t('report.impact.title')}</h3>
      {/* A level above that is no more loyal (a small base, noise) proposes nothing. */}
      <Show when={proposal() !== null && shift()}>
        {(s) => (
          <p data-testid="impact-curve">
            {t(props.section.curveMeasure === 'promoter' ? 'report.impact.curvePromoters' : 'report.impact.curveLoyal', {
              share: i18n.pct(s().share), from: s().from, to: s().to, now: i18n.pct(s().now, 1), after: i18n.pct(s().after, 1), uplift: i18n.points(s().points, 1),
            })}
            <Show when={inputs().uplift !== null && inputs().uplift !== proposal()}>
              {' '}
              <button type="button" class="btn btn-small no-print" data-testid="impact-use-survey" onClick={() => set('uplift', null)}>
                {t('report.impact.useSurvey', { uplift: i18n.points(s().points, 1) })}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <div class="impact-fields">
        {field('customers', 'report.impact.customers', { min: '0', step: '1' }, (x) => i18n.num(x))}
        {field('margin', 'report.impact.margin', { min: '0', step: 'any' }, (x) => formatCurrency(i18n.locale(), Math.round(x * 10 ** currencyDigits(inputs().currency)), inputs().currency))}
        <label class="field">
          <span class="field-label">{t('report.impact.currency')}</span>
          <select class="select" data-testid="impact-currency" onChange={(e) => set('currency', e.currentTarget.value)}>
            <For each={currencies()}>{(c) => <option value={c} selected={c === inputs().currency}>{currencyName(c)}</option>}</For>
          </select>
          <span class="print-value">{currencyName(inputs().currency)}</span>
        </label>
        {field('retention', 'report.impact.retention', { min: '0', max: '99.9', step: 'any' }, percent)}
        {field('uplift', 'report.impact.uplift', { step: '0.1' }, (x) => i18n.points(x, 1))}
        {field('discount', 'report.impact.discount', { min: '0', step: 'any' }, percent)}
        {field('years', 'report.impact.years', { min: '1', max: '1000', step: '1' }, (x) => i18n.num(x))}
      </div>
      <Show when={estimate()} fallback={<p class="warning" role="alert" data-testid="impact-invalid">{t(invalid()!.key)}</p>}>
        {(r) => (
          <>
            <div class="stats">
              <div class="stat" data-testid="impact-kept">
                <span class="stat-label">{t('report.impact.kept')}</span>
                <span class="stat-value">{i18n.num(r().customersKept, 0)}</span>
              </div>
              <div class="stat" data-testid="impact-first-year">
                <span class="stat-label">{t('report.impact.firstYear')}</span>
                <span class="stat-value">{money(r().firstPeriodValue)}</span>
              </div>
              <div class="stat" data-testid="impact-lifetime">
                <span class="stat-label">{t('report.impact.lifetime')}</span>
                <span class="stat-value">{money(r().lifetimeValueGained)}</span>
                <span class="stat-note">{t('report.impact.perCustomer', { now: money(r().lifetimeValueNow), after: money(r().lifetimeValueAfter) })}</span>
              </div>
            </div>
            <p data-testid="impact">
              {t('report.impact.result', {
                from: i18n.pct(r().retention, 1), to: i18n.pct(r().retention + r().uplift, 1), uplift: i18n.points(r().uplift * 100, 1),
                customers: i18n.num(parse(inputs().customers)), kept: i18n.num(r().customersKept, 0),
                firstYear: money(r().firstPeriodValue), gained: money(r().lifetimeValueGained),
              })}
            </p>
            <p class="note" data-testid="impact-formula">
              {inputs().years.trim() === '' ? t('report.impact.formula') : t('report.impact.formulaYears', { years: Number(inputs().years) })}
            </p>
          </>
        )}
      </Show>
    </div>
  );
}
