import { describe, expect, it } from 'vitest';
import { correlationCI, StatsInputError } from '../../../shared/stats';

describe("Fisher's z interval for a correlation", () => {
  it("matches R's cor.test(mtcars$mpg, mtcars$wt): r −0.8676594, n 32, 95% CI −0.9338264 to −0.7440872", () => {
    const ci = correlationCI(-0.8676594, 32);
    expect(ci.lower).toBeCloseTo(-0.9338264, 6);
    expect(ci.upper).toBeCloseTo(-0.7440872, 6);
  });

  it('is tanh(atanh r ± 1.959964/√(n − 3)): r 0.5 at n 50 gives 0.2575 to 0.6833 by hand', () => {
    const ci = correlationCI(0.5, 50);
    expect(ci.lower).toBeCloseTo(0.257488, 5);
    expect(ci.upper).toBeCloseTo(0.683256, 5);
  });

  it('refuses what has no interval, naming the argument', () => {
    expect(() => correlationCI(1, 10)).toThrow(StatsInputError);
    expect(() => correlationCI(0.3, 3)).toThrow(/n/);
    expect(() => correlationCI(0.3, 10, 1)).toThrow(/confidence/);
  });
});
