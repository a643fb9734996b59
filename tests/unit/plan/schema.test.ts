import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { PlanSchema, type PlanInput } from '../../../shared/plan';
import { issuePath } from '../../../shared/survey/schema';

const plan = (over: Partial<PlanInput> = {}): PlanInput => ({
  targetPopulation: { kind: 'current-customers' },
  method: 'online-link',
  frequency: 'quarterly',
  fieldwork: {},
  sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 0.3 },
  ...over,
});
const tier = (shares: number[]) => ({
  source: 'tier',
  label: 'Customer tier',
  unit: 'percent' as const,
  categories: ['platinum', 'gold', 'iron', 'lead'].map((value, i) => ({ value, population: shares[i] })),
});

function firstIssue(input: unknown) {
  const r = v.safeParse(PlanSchema, input);
  if (r.success) return null;
  return { path: issuePath(r.issues[0]), message: r.issues[0].message };
}

describe('the plan schema', () => {
  it('accepts a minimal plan and fills defaults', () => {
    const r = v.parse(PlanSchema, plan());
    expect(r.sample.designEffect).toBe(1);
    expect(r.sample.incidence).toBe(1);
    expect(r.budget).toEqual([]);
    expect(r.purpose).toBe('');
  });

  it('weights back to the population by default after a disproportionate allocation only', () => {
    const q = (method: 'proportional' | 'minimum') =>
      v.parse(PlanSchema, plan({ quotas: { variables: [tier([5, 15, 30, 50])], method, minPerCell: 10 } })).quotas!;
    expect(q('proportional').weightToPopulation).toBe(false);
    expect(q('minimum').weightToPopulation).toBe(true);
  });

  it.each([
    [
      'shares not adding to 100 %',
      plan({ quotas: { variables: [tier([5, 15, 30, 48.5])], method: 'proportional' } }),
      'quotas.variables[0].categories',
      'shares of Customer tier add up to 98.5%, not 100%',
    ],
    [
      'a negative population',
      plan({ quotas: { variables: [tier([5, 15, 30, -50])], method: 'proportional' } }),
      'quotas.variables[0].categories[3].population',
      'must not be negative',
    ],
    [
      'a margin of 0',
      plan({ sample: { kind: 'proportion', confidence: 0.95, margin: 0, responseRate: 0.3 } }),
      'sample.margin',
      'must be greater than 0',
    ],
    [
      'a confidence of 99.95 %',
      plan({ sample: { kind: 'proportion', confidence: 0.9995, margin: 0.05, responseRate: 0.3 } }),
      'sample.confidence',
      'must be from 0.5 to 0.999 (50%–99.9%)',
    ],
    [
      'a proportion margin of 5 (meant as 5 %)',
      plan({ sample: { kind: 'proportion', confidence: 0.95, margin: 5, responseRate: 0.3 } }),
      'sample.margin',
      "a proportion's margin must be below 1 (0.05 = ±5 points)",
    ],
    [
      'a mean without its sd',
      plan({ sample: { kind: 'mean', confidence: 0.95, margin: 2, responseRate: 0.3 } }),
      'sample.sd',
      'a mean needs the expected standard deviation',
    ],
    [
      'a response rate of 0',
      plan({ sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 0 } }),
      'sample.responseRate',
      'must be above 0 and at most 1',
    ],
    [
      'a negative population size',
      plan({ sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 0.3, population: -5 } }),
      'sample.population',
      'must be at least 1',
    ],
    [
      'a design effect below 1',
      plan({ sample: { kind: 'proportion', confidence: 0.95, margin: 0.05, responseRate: 0.3, designEffect: 0.5 } }),
      'sample.designEffect',
      'must be at least 1',
    ],
    [
      'fieldwork ending before it starts',
      plan({ fieldwork: { start: '2026-03-01', end: '2026-02-01' } }),
      'fieldwork.end',
      'must not be before the start',
    ],
    [
      'a report due before fieldwork ends',
      plan({ fieldwork: { end: '2026-03-31' }, reportDue: '2026-03-01' }),
      'reportDue',
      'must not be before the end of fieldwork',
    ],
    ['a date that is not a date', plan({ reportDue: '31/03/2026' }), 'reportDue', 'must be a date as YYYY-MM-DD'],
    [
      'money as a float',
      plan({ budget: [{ label: 'Panel', kind: 'per-complete', amount: 2.5, currency: 'EUR' }] }),
      'budget[0].amount',
      'must be a whole number',
    ],
    [
      'an unknown currency code',
      plan({ budget: [{ label: 'Panel', kind: 'fixed', amount: 250, currency: 'euro' }] }),
      'budget[0].currency',
      'must be a three-letter ISO 4217 code such as EUR',
    ],
    [
      'three quota variables',
      plan({
        quotas: {
          variables: [
            tier([25, 25, 25, 25]),
            { ...tier([25, 25, 25, 25]), source: 'a' },
            { ...tier([25, 25, 25, 25]), source: 'b' },
          ],
          method: 'proportional',
        },
      }),
      'quotas.variables',
      'needs 1 or 2 variables',
    ],
    [
      'the minimum method without a minimum',
      plan({ quotas: { variables: [tier([5, 15, 30, 50])], method: 'minimum' } }),
      'quotas.minPerCell',
      'the minimum method needs a minimum per cell',
    ],
    [
      'Neyman without standard deviations',
      plan({ quotas: { variables: [tier([5, 15, 30, 50])], method: 'neyman' } }),
      'quotas.variables',
      'Neyman allocation needs a standard deviation for every category of a variable',
    ],
    [
      'a category value with the cell separator',
      plan({
        quotas: {
          variables: [
            {
              ...tier([50, 50]),
              categories: [
                { value: 'a|b', population: 50 },
                { value: 'c', population: 50 },
              ],
            },
          ],
          method: 'proportional',
        },
      }),
      'quotas.variables[0].categories[0].value',
      'must not contain |',
    ],
    [
      'cells that are not the categories crossed',
      plan({
        quotas: {
          variables: [tier([5, 15, 30, 50])],
          method: 'proportional',
          cells: [{ key: 'gold', values: ['gold'], target: 10 }],
        },
      }),
      'quotas.cells',
      'cells must be every combination of the categories, once each: missing platinum, iron, lead',
    ],
    [
      'a negative cell target',
      plan({
        quotas: {
          variables: [tier([5, 15, 30, 50])],
          method: 'proportional',
          cells: ['platinum', 'gold', 'iron', 'lead'].map((k) => ({
            key: k,
            values: [k],
            target: k === 'gold' ? -1 : 5,
          })),
        },
      }),
      'quotas.cells[1].target',
      'must not be negative',
    ],
  ])('refuses %s, naming the field', (_what, input, path, message) => {
    expect(firstIssue(input)).toEqual({ path, message });
  });
});
