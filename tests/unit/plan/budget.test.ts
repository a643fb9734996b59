import { describe, expect, it } from 'vitest';
import { budgetTotals } from '../../../shared/plan';

describe('budget totals, in minor units', () => {
  it('per-complete costs and incentives times completes, plus fixed costs (hand computation)', () => {
    const b = budgetTotals(
      [
        { label: 'Panel cost', kind: 'per-complete', amount: 250, currency: 'EUR' },
        { label: 'Voucher', kind: 'incentive-per-complete', amount: 500, currency: 'EUR' },
        { label: 'Set-up and report', kind: 'fixed', amount: 120_000, currency: 'EUR' },
      ],
      373,
    );
    // 373 · 2.50 + 373 · 5.00 + 1,200.00 = 932.50 + 1,865.00 + 1,200.00 = 3,997.50 €
    expect(b.lines.map((l) => l.total)).toEqual([93_250, 186_500, 120_000]);
    expect(b.totals).toEqual([{ currency: 'EUR', amount: 399_750 }]);
  });

  it('keeps one total per currency, never adding euros to đồng', () => {
    const b = budgetTotals(
      [
        { label: 'Printing', kind: 'fixed', amount: 30_000, currency: 'EUR' },
        { label: 'Calls', kind: 'per-complete', amount: 20_000, currency: 'VND' },
      ],
      10,
    );
    expect(b.totals).toEqual([
      { currency: 'EUR', amount: 30_000 },
      { currency: 'VND', amount: 200_000 },
    ]);
  });
});
