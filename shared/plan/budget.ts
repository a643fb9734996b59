/** Budget arithmetic in minor units: per-complete costs and incentives times completes, plus fixed costs. */
import type { BudgetLine } from './schema';

export interface BudgetTotals {
  lines: (BudgetLine & { total: number })[];
  /** One total per currency, in the order the currencies first appear. */
  totals: { currency: string; amount: number }[];
}

/**
 * Integer minor units times integer completes stay exact up to 2^53 minor units (90 trillion
 * euros), so plain numbers are enough.
 *
 * @example
 * budgetTotals([{ label: 'Panel', kind: 'per-complete', amount: 250, currency: 'EUR' }, { label: 'Set-up', kind: 'fixed', amount: 50_000, currency: 'EUR' }], 400);
 * // totals: [{ currency: 'EUR', amount: 150_000 }]  (€1,500.00)
 */
export function budgetTotals(lines: readonly BudgetLine[], completes: number): BudgetTotals {
  const sums = new Map<string, number>();
  const out = lines.map((line) => {
    const total = line.kind === 'fixed' ? line.amount : line.amount * completes;
    sums.set(line.currency, (sums.get(line.currency) ?? 0) + total);
    return { ...line, total };
  });
  return { lines: out, totals: [...sums].map(([currency, amount]) => ({ currency, amount })) };
}
