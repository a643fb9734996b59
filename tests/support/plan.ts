/** A survey with quota sources (hidden tier, region question, a screen-out) and plans built on it, for the plan and quota tests. */
import type { PlanInput, QuotaVariable } from '../../shared/plan';

export const quotaSurvey = () => ({
  title: { en: 'Hotel stay' },
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'staff',
          type: 'single',
          required: true,
          text: { en: 'Do you work for the hotel?' },
          options: [
            { id: 'yes', label: { en: 'Yes' } },
            { id: 'no', label: { en: 'No' } },
          ],
        },
        {
          id: 'sat',
          type: 'rating',
          required: true,
          text: { en: 'How satisfied are you?' },
          scale: { min: 1, max: 5 },
        },
      ],
    },
    {
      id: 'p2',
      questions: [
        {
          id: 'region',
          type: 'single',
          required: true,
          text: { en: 'Where do you live?' },
          options: [
            { id: 'north', label: { en: 'North' } },
            { id: 'south', label: { en: 'South' } },
          ],
        },
      ],
    },
    { id: 'p3', questions: [{ id: 'why', type: 'text', text: { en: 'Anything else?' } }] },
  ],
  screenOuts: [
    { id: 'employees', afterPage: 'p1', when: { conditions: [{ source: 'staff', op: 'equals', value: 'yes' }] } },
  ],
});

export const tierVariable = (shares = [5, 15, 30, 50]): QuotaVariable => ({
  source: 'tier',
  label: 'Customer tier',
  unit: 'percent',
  categories: ['platinum', 'gold', 'iron', 'lead'].map((value, i) => ({
    value,
    label: value[0].toUpperCase() + value.slice(1),
    population: shares[i],
  })),
});

export const regionVariable = (): QuotaVariable => ({
  source: 'region',
  label: 'Region',
  unit: 'percent',
  categories: [
    { value: 'north', population: 40 },
    { value: 'south', population: 60 },
  ],
});

/** Tier targets set by hand: platinum, gold, iron, lead. */
export const tierCells = (targets: number[]) =>
  ['platinum', 'gold', 'iron', 'lead'].map((k, i) => ({ key: k, values: [k], target: targets[i] }));

export const basePlan = (over: Partial<PlanInput> = {}): PlanInput => ({
  purpose: 'Find what to improve first for guests, and how loyal they are.',
  content: 'Overall satisfaction, NPS, six stay attributes.',
  targetPopulation: { kind: 'current-customers', description: 'Guests who stayed last quarter' },
  method: 'online-link',
  frequency: 'quarterly',
  fieldwork: { start: '2026-01-05', end: '2026-01-31' },
  reportDue: '2026-02-15',
  budget: [
    { label: 'Panel cost', kind: 'per-complete', amount: 250, currency: 'EUR' },
    { label: 'Voucher', kind: 'incentive-per-complete', amount: 500, currency: 'EUR' },
    { label: 'Set-up and report', kind: 'fixed', amount: 120_000, currency: 'EUR' },
  ],
  notes: '',
  sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, population: 12_000, responseRate: 0.25, incidence: 1 },
  ...over,
});
