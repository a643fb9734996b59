/**
 * The one CSV writer (server/http/csv.ts) and the export's variable names (server/report/export/names.ts).
 * Formula starts per OWASP's "CSV Injection" page; name rules per the SPSS Statistics syntax
 * reference, "Variable names" (64 bytes, a letter first, reserved keywords, case-insensitive).
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, writeCsv } from '../../../server/http/csv';
import { nameGiver, spssName } from '../../../server/report/export/names';

describe('csvCell', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '-', '-cmd', '- 3'])
      expect(csvCell(s), JSON.stringify(s)).toBe(`'${s}`);
  });

  it('leaves numbers, plain negative numbers written as text, and other text alone', () => {
    for (const s of ['-3', '-0.25', '-.5', '-1e3', '-2.5E-4', 'gold', ' =1', '1-1', "'=1"])
      expect(csvCell(s), s).toBe(s);
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes a file that parses back to the defused cells, with a BOM and CRLF when asked', () => {
    const text = writeCsv(
      ['name', '=head'],
      [
        ['=HYPERLINK("x")', -2],
        ['a,b', null],
      ],
      { bom: true, newline: '\r\n' },
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(Papa.parse(text.slice(1)).data).toEqual([
      ['name', "'=head"],
      ['\'=HYPERLINK("x")', '-2'],
      ['a,b', ''],
    ]);
  });
});

describe('export variable names', () => {
  it('keeps ids that are valid names, and prefixes reserved words and names SPSS reads as COMMENT', () => {
    expect(spssName('sq_tangibles_tan1_e')).toBe('sq_tangibles_tan1_e');
    expect(spssName('with')).toBe('v_with');
    expect(spssName('comment')).toBe('v_comment');
    expect(spssName('_x')).toBe('v__x');
  });

  it('gives each name once, regardless of case and of the 64-byte limit, in a stable order', () => {
    const give = nameGiver();
    const long = `q${'x'.repeat(70)}`;
    expect([give('wave'), give('WAVE'), give('wave'), give(long), give(`${long}_other`)]).toEqual([
      'wave',
      'WAVE_2',
      'wave_3',
      long.slice(0, 64),
      `${long.slice(0, 62)}_2`,
    ]);
  });
});
