import { describe, expect, it } from 'vitest';
import { median, StatsInputError } from '../../../shared/stats';

describe('median (the middle of the sorted values; mean of the two middle ones for even n)', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    // Sorted: 1 3 5 → 3, by hand.
    expect(median([5, 1, 3])).toBe(3);
  });
  it('averages the two middle values of an even count', () => {
    // Sorted: 1 2 3 4 → (2 + 3) / 2 = 2.5, by hand.
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('sorts numerically, not as text', () => {
    // As text 10 < 9; numerically 2 9 10 → 9.
    expect(median([10, 9, 2])).toBe(9);
  });
  it('refuses no values or a non-number, naming the argument', () => {
    expect(() => median([])).toThrow(StatsInputError);
    expect(() => median([1, NaN])).toThrow(/values/);
  });
});
