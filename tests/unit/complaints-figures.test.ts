/**
 * The report's complaint figures on hand-made cases: the order of rows, the share serious among
 * rated cases only, and satisfaction after resolution with its Student t interval at 30 answers.
 */
import { describe, expect, it } from 'vitest';
import { complaintsFigures, type ComplaintCase } from '../../server/report/sections/complaints';

const HOUR = 3_600_000;
const make = (i: number, over: Partial<ComplaintCase> = {}): ComplaintCase => ({
  id: `c${i}`,
  complaintType: 'service',
  severity: null,
  openedAt: 0,
  resolvedAt: HOUR,
  tier: null,
  tierNow: false,
  ...over,
});

describe('complaint figures', () => {
  it('are empty without cases', () => {
    expect(complaintsFigures([], null, [])).toEqual({ byType: [], byTier: [], tierNow: 0 });
  });

  it('list types in their fixed order with the unclassified last, tiers top first with the unknown last', () => {
    const cases = [
      make(1, { complaintType: null, tier: null }),
      make(2, { complaintType: 'honesty', tier: 2 }),
      make(3, { complaintType: 'product-quality', tier: 0 }),
    ];
    const f = complaintsFigures(cases, null, ['vip', 'major', 'ordinary']);
    expect(f.byType.map((r) => r.type)).toEqual(['product-quality', 'honesty', null]);
    expect(f.byTier.map((r) => [r.tier, r.tierName])).toEqual([
      [0, 'vip'],
      [2, 'ordinary'],
      [null, null],
    ]);
    // Without a follow-up survey there is no satisfaction figure at all.
    expect(f.byType[0].satisfaction).toBeNull();
  });

  it('give the mean after resolution with its t interval from 30 answers, and none when all agree', () => {
    // 15 answers of 4 and 15 of 5: mean 4.5; sd = √(30 · 0.25 / 29) = 0.508548; t(0.975, 29) = 2.045230
    // (Student's table); half width = 2.045230 · 0.508548 / √30 = 0.189895.
    const service = Array.from({ length: 30 }, (_, i) => make(i));
    const scores = new Map(service.map((c, i) => [c.id, i < 15 ? 4 : 5]));
    const [row] = complaintsFigures(service, scores, []).byType;
    expect(row).toMatchObject({ count: 30, smallBase: false, rated: 0, serious: null, medianHoursToResolution: 1 });
    expect(row.satisfaction!.withheld).toBeNull();
    expect(row.satisfaction!.mean!.mean).toBe(4.5);
    expect(row.satisfaction!.mean!.sd).toBeCloseTo(0.508548, 6);
    expect(row.satisfaction!.mean!.upper - 4.5).toBeCloseTo(0.189895, 5);
    // Every answer a 5: an interval would be zero-width, so it is withheld and the reason given.
    const alike = complaintsFigures(service, new Map(service.map((c) => [c.id, 5])), []).byType[0];
    expect(alike.satisfaction).toMatchObject({ n: 30, withheld: 'no-spread' });
  });

  it('count serious among the cases whose severity is set, and only resolved cases for satisfaction', () => {
    const cases = [
      make(1, { severity: 'serious' }),
      make(2, { severity: 'general' }),
      make(3, { severity: 'general' }),
      make(4, { severity: null, resolvedAt: null }),
    ];
    const [row] = complaintsFigures(cases, new Map([['c4', 1]]), []).byType;
    expect(row.rated).toBe(3);
    expect(row.serious!.p).toBeCloseTo(1 / 3, 12);
    expect(row.resolved!.p).toBe(0.75);
    // c4's answer belongs to an open case: no satisfaction after resolution yet.
    expect(row.satisfaction).toEqual({ n: 0, mean: null, withheld: null });
  });
});
