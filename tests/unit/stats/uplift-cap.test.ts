import { describe, expect, it } from 'vitest';
import { capUplift, MAX_RETENTION, StatsInputError } from '../../../shared/stats';

describe('capping a proposed retention uplift', () => {
  it('leaves an uplift that keeps retention under 99% as it is', () => {
    expect(capUplift(0.8, 0.05)).toEqual({ uplift: 0.05, capped: false });
    expect(capUplift(0.8, MAX_RETENTION - 0.8)).toEqual({ uplift: MAX_RETENTION - 0.8, capped: false });
  });

  it('cuts an uplift past 99% to what is left: 80% + 25 points → 19 points', () => {
    const r = capUplift(0.8, 0.25);
    expect(r.capped).toBe(true);
    expect(r.uplift).toBeCloseTo(0.19, 12);
    // Retention already at or above the ceiling leaves no room.
    expect(capUplift(0.995, 0.02)).toEqual({ uplift: 0, capped: true });
  });

  it('keeps a fall from going below 0% retention', () => {
    expect(capUplift(0.1, -0.3)).toEqual({ uplift: -0.1, capped: true });
  });

  it('refuses a retention that is not a share', () => {
    expect(() => capUplift(1.5, 0.1)).toThrow(StatsInputError);
    expect(() => capUplift(Number.NaN, 0.1)).toThrow(/retention/);
  });
});
