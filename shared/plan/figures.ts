/** The figures a plan implies: completes, invitations, margin, budget, and its quota cells filled in. */
import { budgetTotals, type BudgetTotals } from './budget';
import { allocateCells } from './quotas';
import { completesNeeded, invitationsFor, marginAt } from './sample';
import type { Plan } from './schema';

export interface PlanFigures {
  /** From the sample calculator alone. */
  completesNeeded: number;
  invitations: number;
  /** What fieldwork aims at: the quota cells' targets added up, or the completes needed without quotas. */
  plannedCompletes: number;
  plannedInvitations: number;
  /** The margin of error the planned completes achieve. */
  marginAtPlanned: number | null;
  budget: BudgetTotals;
}

export function plannedCompletes(plan: Plan): number {
  const cells = plan.quotas?.cells;
  return cells ? cells.reduce((a, c) => a + c.target, 0) : completesNeeded(plan.sample);
}

export function planFigures(plan: Plan): PlanFigures {
  const needed = completesNeeded(plan.sample);
  const planned = plannedCompletes(plan);
  return {
    completesNeeded: needed,
    invitations: invitationsFor(needed, plan.sample),
    plannedCompletes: planned,
    plannedInvitations: invitationsFor(planned, plan.sample),
    marginAtPlanned: marginAt(plan.sample, planned),
    budget: budgetTotals(plan.budget, planned),
  };
}

/**
 * The plan with its quota cells filled in when it leaves them out: the quota total (by default
 * the completes needed) allocated by the plan's method. Cells given (edited by hand) are kept as
 * they are. Throws QuotaDesignError when allocation can't be done.
 */
export function withQuotaCells(plan: Plan): Plan {
  if (!plan.quotas || plan.quotas.cells) return plan;
  const total = plan.quotas.total ?? completesNeeded(plan.sample);
  return { ...plan, quotas: { ...plan.quotas, cells: allocateCells(plan.quotas, total, plan.sample.population) } };
}
