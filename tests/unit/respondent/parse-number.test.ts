import { describe, expect, it } from 'vitest';
import { decimalMarkOf, formatForInput, parseNumber } from '../../../client/respondent/questions/parse-number';

describe('parseNumber', () => {
  it('reads the locale decimal mark', () => {
    expect(parseNumber('12.5', '.')).toBe(12.5);
    expect(parseNumber('12,5', ',')).toBe(12.5);
    expect(parseNumber('.5', '.')).toBe(0.5);
    expect(parseNumber('1.500', '.')).toBe(1.5);
  });

  it('reads the other mark as grouping only when it groups in threes', () => {
    expect(parseNumber('1,500', '.')).toBe(1500);
    expect(parseNumber('1.500', ',')).toBe(1500);
    expect(parseNumber('1.234.567', ',')).toBe(1234567);
    expect(parseNumber('12,5', '.')).toBe(12.5);
    expect(parseNumber('12.5', ',')).toBe(12.5);
  });

  it('takes the last of two marks as the decimal one, whatever the locale', () => {
    expect(parseNumber('1.234,5', '.')).toBe(1234.5);
    expect(parseNumber('1,234.5', ',')).toBe(1234.5);
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
  });

  it('accepts signs, the typographic minus and surrounding spaces', () => {
    expect(parseNumber(' -3 ', '.')).toBe(-3);
    expect(parseNumber('−3,5', ',')).toBe(-3.5);
    expect(parseNumber('+7', '.')).toBe(7);
  });

  it('refuses what it would have to guess at', () => {
    for (const raw of ['', '-', 'abc', '1e5', '5.', '1.2.3', '1,23.4', '12,34,5', '0x10', '3 apples']) {
      expect(parseNumber(raw, ','), raw).toBeNull();
    }
  });

  it('writes numbers back in a form that parses to the same value', () => {
    for (const [n, mark] of [
      [1.234, ','],
      [1234.5, '.'],
      [-0.5, ','],
      [42, '.'],
    ] as const) {
      expect(parseNumber(formatForInput(n, mark), mark)).toBe(n);
    }
  });

  it('knows which languages write a decimal comma', () => {
    expect(decimalMarkOf('en')).toBe('.');
    expect(decimalMarkOf('zh-Hans')).toBe('.');
    expect(decimalMarkOf('it')).toBe(',');
    expect(decimalMarkOf('vi')).toBe(',');
  });
});
