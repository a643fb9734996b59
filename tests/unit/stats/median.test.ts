import { describe, expect, it } from 'vitest';
import { median, StatsInputError } from '../../../shared/stats';
import { prng } from './fixtures/prng';

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
  it('agrees with sorting, on random data with many ties, for odd and even counts', () => {
    const r = prng(11);
    for (let k = 0; k < 300; k++) {
      const xs = Array.from({ length: r.int(1, 200) }, () => r.int(0, 9) + (k % 3 === 0 ? r.int(0, 100) / 100 : 0));
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      expect(median(xs)).toBe(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
    }
  });
  it('takes typed arrays and leaves the values it was given in their order', () => {
    const xs = new Float64Array([9, 1, 8, 2, 7]);
    expect(median(xs)).toBe(7);
    expect([...xs]).toEqual([9, 1, 8, 2, 7]);
  });
  it('refuses no values or a non-number, naming the argument', () => {
    expect(() => median([])).toThrow(StatsInputError);
    expect(() => median([1, NaN])).toThrow(/values/);
  });
});
