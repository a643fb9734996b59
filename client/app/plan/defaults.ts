/** Where a new plan starts: the textbook defaults a researcher changes least often. */
import type { PlanInput } from '../../../shared/plan';

export function newPlan(): PlanInput {
  return {
    purpose: '',
    content: '',
    notes: '',
    targetPopulation: { kind: 'current-customers', description: '' },
    method: 'online-link',
    frequency: 'one-off',
    fieldwork: {},
    budget: [],
    // ±5 points at 95 % with p = 0.5 is the cautious standard for a satisfaction share.
    sample: {
      kind: 'proportion',
      confidence: 0.95,
      margin: 0.05,
      proportion: 0.5,
      designEffect: 1,
      responseRate: 0.2,
      incidence: 1,
    },
  };
}
