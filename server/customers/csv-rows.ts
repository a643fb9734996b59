/**
 * Reading a large CSV without holding the event loop: papaparse (BOM, quotes, comma, semicolon or
 * tab separators) pauses every `batch` rows and resumes on the next turn, so other requests are
 * served between batches of an import of a million rows.
 */
import Papa from 'papaparse';

export interface CsvRow { line: number; fields: string[] }

/** Calls `onRow` for each row with the line it starts on; resolves when the file is read. */
export function readCsvRowsInBatches(text: string, onRow: (row: CsvRow) => void, batch = 5_000): Promise<void> {
  const source = text.replace(/^\uFEFF/, '');
  let line = 1;
  let consumed = 0;
  let inBatch = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(source, {
      delimitersToGuess: [',', ';', '\t'],
      step: (result, parser) => {
        try {
          onRow({ line, fields: result.data });
        } catch (err) {
          parser.abort();
          reject(err);
          return;
        }
        // Lines are counted over the text consumed so far, once: linear in the file.
        const end = result.meta.cursor;
        for (let i = consumed; i < end; i++) if (source.charCodeAt(i) === 10) line++;
        consumed = end;
        if (source.charCodeAt(end) === 13 || source.charCodeAt(end) === 10) {
          line++;
          consumed = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
        }
        if (++inBatch >= batch) {
          inBatch = 0;
          parser.pause();
          setImmediate(() => parser.resume());
        }
      },
      complete: () => resolve(),
    });
  });
}
