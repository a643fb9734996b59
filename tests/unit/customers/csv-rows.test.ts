/** Reading a CSV in pieces gives the same rows and line numbers as reading it whole. */
import { describe, expect, it } from 'vitest';
import { readCsvRowsInBatches, type CsvRow } from '../../../server/customers/csv-rows';
import { readCsvRows } from '../../../server/collect/contacts';

async function rows(text: string, chunk: number) {
  const out: CsvRow[] = [];
  await readCsvRowsInBatches(text, (r) => out.push(r), chunk);
  return out;
}

describe('reading a CSV in pieces', () => {
  // Quoted separators, quoted line breaks (LF and CRLF), doubled quotes, a BOM, CRLF line ends.
  const text =
    '\uFEFFid;name;note\r\n' +
    '1;"Nguyễn; An";"two\nlines"\r\n' +
    '2;王小明;"say ""hi"""\r\n' +
    '3;"Niccolò";"a\r\nb\r\nc"\r\n' +
    Array.from({ length: 50 }, (_, i) => `${i + 4};name ${i};"x;${i}"`).join('\r\n') +
    '\r\n';

  it('gives the rows and lines of a whole read, whatever the piece size', async () => {
    const whole = readCsvRows(text);
    for (const chunk of [1, 7, 40, 1000, 1 << 20]) expect(await rows(text, chunk), `pieces of ${chunk}`).toEqual(whole);
    const all = await rows(text, 7);
    expect(all[1]).toEqual({ line: 2, fields: ['1', 'Nguyễn; An', 'two\nlines'] });
    expect(all[3]).toEqual({ line: 5, fields: ['3', 'Niccolò', 'a\r\nb\r\nc'] });
    expect(all[4]).toEqual({ line: 8, fields: ['4', 'name 0', 'x;0'] });
  });

  it('guesses a semicolon for a two-column file that ends with a line break', async () => {
    expect((await rows('id;name\nC1;Anna\n', 1000)).slice(0, 2)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['C1', 'Anna'] },
    ]);
  });

  it('lets other work run between pieces', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    await rows('a,b\n' + '1,2\n'.repeat(200_000), 16 * 1024);
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
  });
});
