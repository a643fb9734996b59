/**
 * The plan as a document, for printing: the same content as the form, as text and tables that fit
 * one or two pages. Hidden on screen; the print stylesheet shows it instead of the form.
 */
import { For, Show } from 'solid-js';
import { budgetTotals, type BudgetLine, type PlanInput } from '../../../shared/plan';
import { formatCurrency, type Locale } from '../../../shared/i18n';
import { useI18n } from '../lib/i18n';
import { ALLOCATION_KEY, BUDGET_KIND_KEY, FREQUENCY_KEY, METHOD_KEY, TARGET_KEY } from './labels';
import type { ShownCell } from './QuotaCells';

export default function PlanDocument(props: {
  title: string;
  plan: PlanInput;
  needed: number | null;
  invitations: number | null;
  planned: number | null;
  marginPlanned: number | null;
  cells: ShownCell[] | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = () => props.plan;
  const s = () => p().sample;
  const date = (d: string | undefined) => (d ? i18n.date(d) : '—');
  const pct = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : i18n.pct(x, digits));
  const money = (amount: number, currency: string) => formatCurrency(i18n.locale() as Locale, amount, currency);
  const lines = () =>
    (p().budget ?? []).filter((l): l is BudgetLine => Number.isInteger(l.amount) && /^[A-Z]{3}$/.test(l.currency));
  const budget = () => budgetTotals(lines(), props.planned ?? 0);
  const cellLabel = (c: ShownCell) =>
    c.values
      .map((value, i) => {
        const cat = p().quotas?.variables[i]?.categories.find((x) => x.value === value);
        return cat?.label?.trim() || value;
      })
      .join(' × ');

  return (
    <article class="plan-print">
      <header>
        <p class="print-kicker">{t('plan.title')}</p>
        <h1>{props.title}</h1>
      </header>
      <dl class="print-facts">
        <dt>{t('plan.study.purpose')}</dt>
        <dd>{p().purpose || '—'}</dd>
        <dt>{t('plan.study.content')}</dt>
        <dd>{p().content || '—'}</dd>
        <dt>{t('plan.study.target')}</dt>
        <dd>
          {t(TARGET_KEY[p().targetPopulation.kind])}
          {p().targetPopulation.description ? ` — ${p().targetPopulation.description}` : ''}
        </dd>
        <dt>{t('plan.study.method')}</dt>
        <dd>
          {t(METHOD_KEY[p().method])} · {t(FREQUENCY_KEY[p().frequency])}
        </dd>
        <dt>{t('plan.print.fieldwork')}</dt>
        <dd>
          {date(p().fieldwork.start)} – {date(p().fieldwork.end)}
        </dd>
        <dt>{t('plan.study.reportDue')}</dt>
        <dd>{date(p().reportDue)}</dd>
      </dl>

      <h2>{t('plan.sample.title')}</h2>
      <p>
        {t('plan.print.sample', {
          confidence: pct(s().confidence),
          margin: s().kind === 'mean' ? i18n.num(s().margin, 2) : pct(s().margin),
          population: s().population === undefined ? '∞' : i18n.num(s().population!),
        })}{' '}
        {s().kind === 'mean'
          ? t('plan.print.mean', { sd: i18n.num(s().sd ?? NaN, 2) })
          : t('plan.print.proportion', { p: pct(s().proportion ?? 0.5, 0) })}{' '}
        {t('plan.print.rates', {
          deff: i18n.num(s().designEffect ?? 1, 2),
          rate: pct(s().responseRate, 0),
          incidence: pct(s().incidence ?? 1, 0),
        })}
      </p>
      <p class="print-figures">
        <span>
          {t('plan.sample.completesNeeded')}: <b>{props.needed === null ? '—' : i18n.num(props.needed)}</b>
        </span>
        <span>
          {t('plan.sample.invitations')}: <b>{props.invitations === null ? '—' : i18n.num(props.invitations)}</b>
        </span>
        <Show when={props.planned !== null && props.marginPlanned !== null}>
          <span>{t('plan.print.planned', { n: props.planned!, margin: pct(props.marginPlanned!) })}</span>
        </Show>
      </p>

      <Show when={p().quotas && props.cells}>
        <h2>{t('plan.quotas.title')}</h2>
        <p>
          {p()
            .quotas!.variables.map((v) => v.label?.trim() || v.source)
            .join(' × ')}{' '}
          · {t(ALLOCATION_KEY[p().quotas!.method])}
          <Show when={p().quotas!.method === 'minimum'}>
            {' '}
            · {t('plan.print.min', { n: p().quotas!.minPerCell ?? 0 })}
          </Show>
        </p>
        <Show when={p().quotas!.weightToPopulation ?? p().quotas!.method !== 'proportional'}>
          <p>{t('plan.quotas.weight')}</p>
        </Show>
        <table class="print-table">
          <thead>
            <tr>
              <th>{t('plan.print.cell')}</th>
              <th class="num">{t('plan.print.share')}</th>
              <th class="num">{t('plan.quotas.target')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.cells!}>
              {(c) => (
                <tr>
                  <td>{cellLabel(c)}</td>
                  <td class="num">{c.share === null ? '—' : i18n.pct(c.share, 1)}</td>
                  <td class="num">{i18n.num(c.target)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <Show when={lines().length > 0}>
        <h2>{t('plan.budget.title')}</h2>
        <table class="print-table">
          <tbody>
            <For each={budget().lines}>
              {(l) => (
                <tr>
                  <td>{l.label}</td>
                  <td>{t(BUDGET_KIND_KEY[l.kind])}</td>
                  <td class="num">{money(l.amount, l.currency)}</td>
                  <td class="num">{money(l.total, l.currency)}</td>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <For each={budget().totals}>
              {(x) => (
                <tr>
                  <th colSpan={3}>{t('plan.budget.total', { currency: x.currency })}</th>
                  <td class="num">{money(x.amount, x.currency)}</td>
                </tr>
              )}
            </For>
          </tfoot>
        </table>
      </Show>

      <Show when={p().notes}>
        <h2>{t('plan.study.notes')}</h2>
        <p class="print-notes">{p().notes}</p>
      </Show>
    </article>
  );
}
