import { describe, expect, it } from 'vitest';
import { completesNeeded, invitationsFor, marginAt, type SampleInput } from '../../../shared/plan';

const sample = (over: Partial<SampleInput> = {}): SampleInput => ({
  kind: 'proportion',
  confidence: 0.95,
  margin: 0.05,
  designEffect: 1,
  responseRate: 1,
  incidence: 1,
  ...over,
});

// z_{0.975} = 1.959963985, z² = 3.841458821 (normal quantile).

describe('completes needed', () => {
  it('N = 10,000, 95 %, ±5 %, p = 0.5 → 370 (Raosoft sample size calculator)', () => {
    expect(completesNeeded(sample({ population: 10_000, proportion: 0.5 }))).toBe(370);
  });

  it('infinite population, 95 %, ±5 % → 385 (Raosoft; Cochran 1977: 384.15 rounded up)', () => {
    expect(completesNeeded(sample())).toBe(385);
  });

  it('N = 12,000 guests (the demo study): 384.1459 / (1 + 383.1459 / 12,000) = 372.26 → 373 (hand computation)', () => {
    expect(completesNeeded(sample({ population: 12_000 }))).toBe(373);
  });

  it('a mean: sd 15, ±2, 95 % → (1.959964 · 15 / 2)² = 216.08 → 217 (hand computation)', () => {
    expect(completesNeeded(sample({ kind: 'mean', sd: 15, margin: 2 }))).toBe(217);
  });

  it('ignores a planning proportion left over when the plan is about a mean', () => {
    expect(completesNeeded(sample({ kind: 'mean', sd: 15, margin: 2, proportion: 0.3 }))).toBe(217);
  });

  it('a design effect of 1.5 multiplies n0: 1.5 · 384.1459 = 576.22 → 577 (hand computation)', () => {
    expect(completesNeeded(sample({ designEffect: 1.5 }))).toBe(577);
  });
});

describe('invitations to send', () => {
  it('370 completes at a 25 % response rate and 80 % incidence → 370 / 0.2 = 1,850 (hand computation)', () => {
    expect(invitationsFor(370, sample({ responseRate: 0.25, incidence: 0.8 }))).toBe(1850);
  });

  it('rounds up: 385 completes at 30 % → 1,283.33 → 1,284', () => {
    expect(invitationsFor(385, sample({ responseRate: 0.3 }))).toBe(1284);
  });

  it('does not ask for one more because of floating point: 175 / 0.7 is 250.00000000000003 in doubles → 250', () => {
    expect(175 / 0.7).toBeGreaterThan(250);
    expect(invitationsFor(175, sample({ responseRate: 0.7 }))).toBe(250);
  });
});

describe('margin achieved at n', () => {
  it('385 completes, infinite population → ±4.99 % (the inverse of the 385 above)', () => {
    expect(marginAt(sample(), 385)).toBeCloseTo(0.049944, 5);
  });

  it('400 completes of 12,000 → 1.959964 · √(0.25/400) · √(11,600/11,999) = 0.048177 (hand computation)', () => {
    expect(marginAt(sample({ population: 12_000 }), 400)).toBeCloseTo(0.048177, 5);
  });

  it('is 0 for a census and null before the first complete', () => {
    expect(marginAt(sample({ population: 50 }), 50)).toBe(0);
    expect(marginAt(sample({ population: 50 }), 60)).toBe(0);
    expect(marginAt(sample(), 0)).toBeNull();
  });
});
