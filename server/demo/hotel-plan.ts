/**
 * The demo study's research plan: a quarterly online survey of 12,000 loyalty-programme guests,
 * sized for ±5 % at 95 % and with quotas on the tier (a hidden field from the guest list), so the
 * plan and fieldwork pages have something real to show.
 */
import type { PlanInput } from '../../shared/plan';

const DAY = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Fieldwork started 30 days before `now` (when the demo's responses begin) and runs 30 more. */
export function hotelPlan(now: number): PlanInput {
  return {
    purpose:
      'Find which parts of the stay to improve first, how loyal our guests are, and how each loyalty tier compares.',
    content:
      'Overall satisfaction, likelihood to recommend (NPS), intention to return, six stay attributes (check-in, room, cleanliness, staff, breakfast, value), purpose of stay, services used, open comments.',
    targetPopulation: {
      kind: 'current-customers',
      description: 'Loyalty-programme guests who stayed at least one night in the last quarter (about 12,000).',
    },
    method: 'online-link',
    frequency: 'quarterly',
    fieldwork: { start: isoDay(now - 30 * DAY), end: isoDay(now + 30 * DAY) },
    reportDue: isoDay(now + 44 * DAY),
    budget: [
      {
        label: 'Loyalty points offered per completed questionnaire',
        kind: 'incentive-per-complete',
        amount: 200,
        currency: 'EUR',
      },
      { label: 'E-mail sending and hosting', kind: 'per-complete', amount: 15, currency: 'EUR' },
      { label: 'Questionnaire set-up and translations', kind: 'fixed', amount: 80_000, currency: 'EUR' },
      { label: 'Analysis and report', kind: 'fixed', amount: 150_000, currency: 'EUR' },
    ],
    notes:
      'Invitations go out by e-mail two days after check-out; one reminder after a week. Platinum guests are few, so each tier gets at least 40 completes and the report weights back to the tier shares.',
    sample: {
      kind: 'proportion',
      confidence: 0.95,
      margin: 0.05,
      proportion: 0.5,
      population: 12_000,
      designEffect: 1,
      responseRate: 0.3,
      incidence: 1,
    },
    quotas: {
      variables: [
        {
          source: 'tier',
          label: 'Loyalty tier',
          unit: 'percent',
          categories: [
            { value: 'platinum', label: 'Platinum', population: 5 },
            { value: 'gold', label: 'Gold', population: 15 },
            { value: 'iron', label: 'Iron', population: 30 },
            { value: 'lead', label: 'Lead', population: 50 },
          ],
        },
      ],
      method: 'minimum',
      minPerCell: 40,
      // 373 completes give ±5 %; the rest is a cushion for answers dropped in data cleaning.
      total: 450,
      weightToPopulation: true,
    },
  };
}
