/**
 * Reading a large CSV without holding the event loop. The text is cut into pieces of about
 * `chunkChars` at line breaks outside quotes (a line break is outside quotes when an even number of
 * `"` precede it, as RFC 4180 quoting guarantees), each piece is parsed by papaparse (BOM, quotes,
 * comma, semicolon or tab separators, guessed on the first rows), and the next piece waits for the
 * next turn of the event loop. (Papaparse's own pause copies the rest of the text at each pause,
 * which grows with the square of the file.)
 */
import Papa from 'papaparse';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface CsvRow {
  line: number;
  fields: string[];
}

/** Where the piece from `start` ends: the first line break outside quotes after `start + size`, or the end. */
function pieceEnd(source: string, start: number, size: number, quotesBefore: { odd: boolean }): number {
  const target = start + size;
  for (let i = start; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 34) quotesBefore.odd = !quotesBefore.odd;
    else if (ch === 10 && i >= target && !quotesBefore.odd) return i + 1;
  }
  return source.length;
}

/** Calls `onRow` for each row with the line it starts on (1-based); resolves when the file is read. */
export async function readCsvRowsInBatches(
  text: string,
  onRow: (row: CsvRow) => void,
  chunkChars = 256 * 1024,
): Promise<void> {
  const source = text.replace(/^\uFEFF/, '');
  // Guessed once, on the first rows without trailing line breaks (an empty last row would make
  // papaparse give up on a two-column file and fall back to commas).
  const sample = source.slice(0, 64 * 1024).replace(/[\r\n]+$/, '');
  const delimiter = Papa.parse<string[]>(sample, { delimitersToGuess: [',', ';', '\t'], preview: 20 }).meta.delimiter;
  let line = 1;
  const quotes = { odd: false };
  for (let start = 0; start < source.length; ) {
    const end = pieceEnd(source, start, chunkChars, quotes);
    const piece = source.slice(start, end);
    let consumed = 0;
    Papa.parse<string[]>(piece, {
      delimiter,
      step: (row) => {
        // A piece ends with its line break, which papaparse reads as an empty last row; only the
        // file's own last one is passed on, as a whole read would give it.
        if (end < source.length && row.meta.cursor >= piece.length && row.data.length === 1 && row.data[0] === '')
          return;
        onRow({ line, fields: row.data });
        // Lines are counted over the text consumed so far, once: linear in the file.
        const cursor = row.meta.cursor;
        for (let i = consumed; i < cursor; i++) if (piece.charCodeAt(i) === 10) line++;
        consumed = cursor;
        // The cursor stops before the row's line break; count it for the next row.
        if (piece.charCodeAt(cursor) === 13 || piece.charCodeAt(cursor) === 10) {
          line++;
          consumed = cursor + (piece.charCodeAt(cursor) === 13 && piece.charCodeAt(cursor + 1) === 10 ? 2 : 1);
        }
      },
    });
    for (let i = consumed; i < piece.length; i++) if (piece.charCodeAt(i) === 10) line++;
    start = end;
    if (start < source.length) await nextTurn();
  }
}
