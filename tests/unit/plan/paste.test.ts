import { describe, expect, it } from 'vitest';
import { parsePastedCategories } from '../../../client/app/plan/paste';
import { fromMinor, toMinor } from '../../../client/app/plan/money';

describe('categories pasted from a spreadsheet', () => {
  it('reads value and share rows copied from Excel (tab separated, CRLF), skipping the header', () => {
    const text = 'Tier\tShare\r\nplatinum\t5%\r\ngold\t15%\r\niron\t30%\r\nlead\t50%\r\n';
    expect(parsePastedCategories(text, '.')).toEqual({
      unit: 'percent',
      categories: [
        { value: 'platinum', population: 5 },
        { value: 'gold', population: 15 },
        { value: 'iron', population: 30 },
        { value: 'lead', population: 50 },
      ],
    });
  });

  it('takes a middle column as the label and reads counts written the Italian way', () => {
    expect(parsePastedCategories('nord\tNord Italia\t1.250\nsud\tSud e isole\t2.750,5', ',')).toEqual({
      unit: 'count',
      categories: [
        { value: 'nord', label: 'Nord Italia', population: 1250 },
        { value: 'sud', label: 'Sud e isole', population: 2750.5 },
      ],
    });
  });

  it('finds nothing in text without tabs or numbers', () => {
    expect(parsePastedCategories('just some words\nand more', '.')).toEqual({ unit: null, categories: [] });
  });
});

describe('money typed in major units, kept in minor units', () => {
  it('turns "2.50" euros into 250 cents and "2,50" in Italian too', () => {
    expect(toMinor('2.50', 'EUR', '.')).toBe(250);
    expect(toMinor('2,50', 'EUR', ',')).toBe(250);
    expect(toMinor('1.234,56', 'EUR', ',')).toBe(123_456);
  });

  it('knows currencies without minor units (VND, JPY) and refuses fractions of a cent', () => {
    expect(toMinor('20000', 'VND', ',')).toBe(20_000);
    expect(toMinor('0.5', 'JPY', '.')).toBeNull();
    expect(toMinor('2.555', 'EUR', '.')).toBeNull();
    expect(toMinor('-3', 'EUR', '.')).toBeNull();
    expect(toMinor('abc', 'EUR', '.')).toBeNull();
  });

  it("writes minor units back for editing in the reader's notation", () => {
    expect(fromMinor(250, 'EUR', ',')).toBe('2,5');
    expect(fromMinor(20_000, 'VND', ',')).toBe('20000');
    expect(toMinor(fromMinor(1999, 'EUR', '.'), 'EUR', '.')).toBe(1999);
  });
});
