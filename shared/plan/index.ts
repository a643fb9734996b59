/** shared/plan: the research plan's schema and its pure arithmetic, used by the plan page and the server. */
export * from './schema';
export { completesNeeded, invitationsFor, marginAt } from './sample';
export { budgetTotals, type BudgetTotals } from './budget';
export { allocateCells, cellLabels, cellOf, crossCells, QuotaDesignError, type CellShare } from './quotas';
export { planFigures, plannedCompletes, withQuotaCells, type PlanFigures } from './figures';
