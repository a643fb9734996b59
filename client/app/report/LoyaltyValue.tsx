/**
 * "What more loyalty is worth": the manager's own figures (customers, margin, retention, discount
 * rate, horizon) turned into customers kept, first-year margin and lifetime value gained, with the
 * retention uplift proposed from the survey's own satisfaction–loyalty curve. A researcher saves
 * the business's figures with the survey; every reader (share links and print too) starts from
 * them, and a reader's own changes stay in their browser until the team saves new ones.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import * as v from 'valibot';
import type { LoyaltySection } from '../../../shared/api/report-sections';
import type { LoyaltyValueInputs } from '../../../shared/api/report-settings';
import { currencyDigits, formatCurrency, formatMoneyEstimate, type AppKey } from '../../../shared/i18n';
import { CurrencySchema } from '../../../shared/survey/research-types';
import { capUplift, loyaltyIfLevelRises, MAX_RETENTION, retentionUplift, StatsInputError } from '../../../shared/stats';
import { useI18n } from '../lib/i18n';
import { api } from '../lib/api';
import { errorText } from '../lib/errors';

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
  /** Empty until chosen, for a study that names no currency. */
  currency: v.union([CurrencySchema, v.literal('')]),
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

/**
 * A reader's own changes, with the saved figures they started from (`basis`, as JSON): once the
 * team saves other figures, those win over changes made to the old ones.
 */
const StoredSchema = v.object({ inputs: v.partial(InputsSchema), basis: v.nullable(v.string()) });

// Storage can be disabled or full (private windows, strict settings): the estimate then forgets on reload.
function readStored(surveyId: string): v.InferOutput<typeof StoredSchema> | null {
  try {
    const parsed = v.safeParse(StoredSchema, JSON.parse(localStorage.getItem(storageKey(surveyId)) ?? 'null'));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

function store(surveyId: string, inputs: Inputs, basis: string | null) {
  try {
    localStorage.setItem(storageKey(surveyId), JSON.stringify({ inputs, basis }));
  } catch {
    // See readStored.
  }
}

/** Saved figures as the boxes show them. */
function asTyped(saved: LoyaltyValueInputs): Inputs {
  return {
    customers: String(saved.customers),
    margin: saved.margin,
    currency: saved.currency,
    retention: String(saved.retention),
    discount: String(saved.discount),
    uplift: saved.uplift === null ? null : String(saved.uplift),
    years: saved.years === null ? '' : String(saved.years),
  };
}

/** The boxes as figures to save; their validity is the estimate's to check first. */
function asSaved(x: Inputs): LoyaltyValueInputs {
  const margin = x.margin.trim();
  return {
    customers: parse(x.customers),
    margin: /^\d+(\.\d+)?$/.test(margin) ? margin : String(parse(margin)),
    currency: x.currency,
    retention: parse(x.retention),
    discount: parse(x.discount),
    uplift: x.uplift === null ? null : parse(x.uplift),
    years: x.years.trim() === '' ? null : parse(x.years),
  };
}

const same = (a: Inputs, b: Inputs) => JSON.stringify(asSaved(a)) === JSON.stringify(asSaved(b));

/** An empty box is no value, not 0. */
const parse = (text: string) => (text.trim() === '' ? NaN : Number(text));

/**
 * `currency`: the study's (server/report/study-currency.ts), the same for every reader; null when
 * the study names none, and the reader picks one. `saved`: the team's figures; `canSave`: the reader
 * may save them (a researcher). Until someone enters the customers and the
 * margin, no money is shown: an invented business would print as the team's figure.
 */
export function LoyaltyValue(props: {
  section: LoyaltySection;
  surveyId: string;
  currency: string | null;
  saved: LoyaltyValueInputs | null;
  canSave: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [saved, setSaved] = createSignal(props.saved);
  const basis = () => (saved() ? JSON.stringify(saved()) : null);
  const defaults = (): Inputs => ({
    customers: '',
    margin: '',
    currency: props.currency ?? '',
    retention: '80',
    discount: '10',
    uplift: null,
    years: '',
  });
  const start = (): Inputs => {
    const s = saved();
    const base = s ? asTyped(s) : defaults();
    const own = readStored(props.surveyId);
    return own && own.basis === basis() ? { ...base, ...own.inputs } : base;
  };
  const [inputs, setInputs] = createSignal<Inputs>(start());
  // The list, with the survey's currency and the one chosen before (kept in the browser) on it.
  const currencies = () => [
    ...new Set([...(props.currency ? [props.currency] : []), inputs().currency, ...CURRENCIES]),
  ];
  const [note, setNote] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // Only what the reader changes is kept in the browser, so figures saved later still reach them.
  const set = <K extends keyof Inputs>(key: K, value: Inputs[K]) => {
    setInputs((x) => ({ ...x, [key]: value }));
    store(props.surveyId, inputs(), basis());
    setNote(null);
  };
  const isSaved = () => {
    const s = saved();
    return s !== null && same(inputs(), asTyped(s));
  };
  const save = async () => {
    setBusy(true);
    try {
      const r = await api.put('/api/surveys/:id/report/loyalty-value', {
        params: { id: props.surveyId },
        body: asSaved(inputs()),
      });
      setSaved(r.loyaltyValue);
      store(props.surveyId, inputs(), basis());
      setNote(t('report.impact.savedNote'));
    } catch (err) {
      setNote(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const useSaved = () => {
    setInputs(asTyped(saved()!));
    store(props.surveyId, inputs(), basis());
    setNote(null);
  };
  const money = (amount: number) => formatMoneyEstimate(i18n.locale(), amount, inputs().currency || 'XXX');
  /** The business's own figures are still to be entered: nothing to estimate, and nothing wrong either. */
  const missing = () => {
    const x = inputs();
    return x.customers.trim() === '' || x.margin.trim() === '' || x.currency === '';
  };

  /** The second-highest satisfaction level rising to the top one, read off the survey's curve. */
  const shift = createMemo(() => {
    const curve = props.section.curve;
    if (!curve || curve.length < 2 || curve[curve.length - 1].rate === null || curve.every((c) => c.share === 0))
      return null;
    const from = curve.length - 2;
    const r = loyaltyIfLevelRises(
      curve.map((c) => c.share),
      curve.map((c) => c.rate),
      from,
    );
    // Rounded as the uplift box shows it, so what the manager reads is what is computed.
    return {
      ...r,
      share: curve[from].share,
      from: curve[from].level,
      to: curve[from + 1].level,
      points: Math.round(r.uplift * 1000) / 10,
    };
  });
  const proposal = () => {
    const s = shift();
    return s && s.points > 0 ? String(s.points) : null;
  };
  /**
   * The survey's proposal, capped where the retention typed leaves less room (a curve can propose
   * more points than 80% retention has left below 100%): said, not shown as the reader's error.
   */
  const cappedProposal = createMemo(() => {
    const p = proposal();
    const retention = parse(inputs().retention) / 100;
    if (p === null || !(retention >= 0 && retention <= 1)) return null;
    const c = capUplift(retention, Number(p) / 100);
    return c.capped ? { proposed: Number(p), points: Math.floor(c.uplift * 1000 + 1e-9) / 10 } : null;
  });
  const upliftText = () =>
    inputs().uplift ?? (cappedProposal() ? String(cappedProposal()!.points) : null) ?? proposal() ?? FALLBACK_UPLIFT;

  const result = createMemo(() => {
    const x = inputs();
    const retention = parse(x.retention) / 100;
    const uplift = parse(upliftText()) / 100;
    const periods = x.years.trim() === '' ? undefined : Number(x.years);
    try {
      return {
        retention,
        uplift,
        ...retentionUplift({
          customers: parse(x.customers),
          margin: parse(x.margin),
          retention,
          uplift,
          discountRate: parse(x.discount) / 100,
          periods,
        }),
      };
    } catch (e) {
      if (e instanceof StatsInputError && e.argument in INVALID) return { invalid: INVALID[e.argument] };
      throw e;
    }
  });
  const estimate = () => {
    const r = result();
    return missing() || 'invalid' in r ? null : r;
  };
  const invalid = () => {
    const r = result();
    return !missing() && 'invalid' in r ? r.invalid : null;
  };
  const currencyNames = createMemo(() => new Intl.DisplayNames([i18n.locale()], { type: 'currency' }));

  const text = (key: Field) => (key === 'uplift' ? upliftText() : (inputs()[key] ?? ''));
  /** The box's value as the PDF shows it, in the reader's format: "10000" prints as "10,000". */
  const printed = (key: Field, format: (x: number) => string) => {
    const x = parse(text(key));
    return Number.isFinite(x) ? format(x) : text(key) || '—';
  };
  const field = (
    key: Field,
    label: AppKey,
    attrs: { min?: string; max?: string; step: string },
    format: (x: number) => string,
  ) => (
    <label class="field">
      <span class="field-label">{t(label)}</span>
      <input
        class="input"
        type="number"
        inputmode="decimal"
        {...attrs}
        value={text(key)}
        aria-invalid={invalid()?.field === key}
        data-testid={`impact-${key}`}
        onInput={(e) => set(key, e.currentTarget.value)}
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
            {t(
              props.section.curveMeasure === 'promoter' ? 'report.impact.curvePromoters' : 'report.impact.curveLoyal',
              {
                share: i18n.pct(s().share),
                from: s().from,
                to: s().to,
                now: i18n.pct(s().now, 1),
                after: i18n.pct(s().after, 1),
                uplift: i18n.points(s().points, 1),
              },
            )}
            <Show when={inputs().uplift !== null && inputs().uplift !== proposal()}>
              {' '}
              <button
                type="button"
                class="btn btn-small no-print"
                data-testid="impact-use-survey"
                onClick={() => set('uplift', null)}
              >
                {t('report.impact.useSurvey', { uplift: i18n.points(s().points, 1) })}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <div class="impact-fields">
        {field('customers', 'report.impact.customers', { min: '0', step: '1' }, (x) => i18n.num(x))}
        {field('margin', 'report.impact.margin', { min: '0', step: 'any' }, (x) =>
          formatCurrency(i18n.locale(), Math.round(x * 10 ** currencyDigits(inputs().currency)), inputs().currency),
        )}
        <label class="field">
          <span class="field-label">{t('report.impact.currency')}</span>
          <select class="select" data-testid="impact-currency" onChange={(e) => set('currency', e.currentTarget.value)}>
            <Show when={inputs().currency === ''}>
              <option value="" selected>
                {t('report.impact.chooseCurrency')}
              </option>
            </Show>
            <For each={currencies().filter((c) => c !== '')}>
              {(c) => (
                <option value={c} selected={c === inputs().currency}>
                  {currencyName(c)}
                </option>
              )}
            </For>
          </select>
          <span class="print-value">{inputs().currency ? currencyName(inputs().currency) : '—'}</span>
        </label>
        {field('retention', 'report.impact.retention', { min: '0', max: '99.9', step: 'any' }, percent)}
        {field('uplift', 'report.impact.uplift', { step: '0.1' }, (x) => i18n.points(x, 1))}
        {field('discount', 'report.impact.discount', { min: '0', step: 'any' }, percent)}
        {field('years', 'report.impact.years', { min: '1', max: '1000', step: '1' }, (x) => i18n.num(x))}
      </div>
      <div class="impact-saved">
        <Show when={isSaved()}>
          <p class="note" data-testid="impact-saved">
            {t('report.impact.fromTeam')}
          </p>
        </Show>
        <Show when={saved() && !isSaved()}>
          <button type="button" class="btn btn-small no-print" data-testid="impact-use-saved" onClick={useSaved}>
            {t('report.impact.useSaved')}
          </button>
        </Show>
        <Show when={props.canSave && !isSaved()}>
          <button
            type="button"
            class="btn btn-small btn-primary no-print"
            data-testid="impact-save"
            disabled={busy() || !estimate()}
            onClick={() => void save()}
          >
            {t('report.impact.save')}
          </button>
        </Show>
        <Show when={note()}>
          <p class="note no-print" role="status" data-testid="impact-note">
            {note()}
          </p>
        </Show>
      </div>
      <Show when={cappedProposal()}>
        {(c) => (
          <p class="note" data-testid="impact-capped">
            {t('report.impact.capped', {
              proposed: i18n.points(c().proposed, 1),
              retention: i18n.pct(parse(inputs().retention) / 100, 1),
              max: i18n.pct(MAX_RETENTION, 0),
              points: i18n.points(c().points, 1),
            })}
          </p>
        )}
      </Show>
      <Show
        when={!missing()}
        fallback={
          <p class="note" data-testid="impact-missing">
            {t('report.impact.enterFigures')}
          </p>
        }
      >
        <Show
          when={estimate()}
          fallback={
            <p class="warning" role="alert" data-testid="impact-invalid">
              {t(invalid()!.key)}
            </p>
          }
        >
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
                  <span class="stat-note">
                    {t('report.impact.perCustomer', {
                      now: money(r().lifetimeValueNow),
                      after: money(r().lifetimeValueAfter),
                    })}
                  </span>
                </div>
              </div>
              <p data-testid="impact">
                {t('report.impact.result', {
                  from: i18n.pct(r().retention, 1),
                  to: i18n.pct(r().retention + r().uplift, 1),
                  uplift: i18n.points(r().uplift * 100, 1),
                  customers: i18n.num(parse(inputs().customers)),
                  kept: i18n.num(r().customersKept, 0),
                  firstYear: money(r().firstPeriodValue),
                  gained: money(r().lifetimeValueGained),
                })}
              </p>
              <p class="note" data-testid="impact-formula">
                {inputs().years.trim() === ''
                  ? t('report.impact.formula')
                  : t('report.impact.formulaYears', { years: Number(inputs().years) })}
              </p>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
