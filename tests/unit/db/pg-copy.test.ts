/**
 * Fields of PostgreSQL's COPY text format: a backslash, tab, newline or carriage return in a value
 * would be read as an escape or as the end of a field or row, so each is written as its backslash
 * escape; everything else (quotes, commas, non-ASCII) stands for itself. The expected fields are
 * written out by hand from the format's rules (PostgreSQL's documentation, COPY, "Text Format").
 */
import { describe, expect, it } from 'vitest';
import { copyText } from '../../../server/db/pg-copy';

/** How PostgreSQL reads a field back: the inverse of the escapes above, by the format's rules. */
const read = (field: string) => field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);

describe('a value as a COPY text field', () => {
  it('escapes what would end a field or a row, and the backslash itself', () => {
    expect(copyText('a\tb')).toBe('a\\tb');
    expect(copyText('line one\nline two')).toBe('line one\\nline two');
    expect(copyText('crlf\r\n')).toBe('crlf\\r\\n');
    expect(copyText('C:\\shop\\new')).toBe('C:\\\\shop\\\\new');
    // A value that looks like an escape or like NULL's marker stays text.
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('\\t')).toBe('\\\\t');
  });

  it('leaves quotes, separators and non-ASCII as they are', () => {
    for (const value of [
      'say "hi"',
      "O'Brien",
      'a,b;c|d',
      'Nguyễn Văn An',
      '王小明',
      '陳美玲',
      'Niccolò',
      '€ 12,50',
      '',
    ])
      expect(copyText(value)).toBe(value);
  });

  it('gives fields with no raw tab or line break, read back as the value', () => {
    const awkward = ['\t\t', '\\\t\\', 'x\\\ny', '"\t"\n\'', 'Đà Nẵng\r\n王\\小明', 'end\\'];
    for (const value of awkward) {
      const field = copyText(value);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(read(field)).toBe(value);
    }
  });
});
