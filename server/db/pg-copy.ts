/**
 * Bulk writes on PostgreSQL through `COPY … FROM STDIN` in its text format, on the connection of the
 * unit of work's own transaction: a failure rolls back with the rest of it. The rows are sent in
 * chunks with a turn of the event loop between them, the socket's backpressure awaited.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { Sql } from './store';

/** Rows per chunk sent: about 100 KB of text, built in well under a millisecond. */
const CHUNK_ROWS = 2_000;

type CopyClient = { query(stream: CopyStreamQuery): CopyStreamQuery };
/** The pool connection a Drizzle node-postgres transaction runs on (its session's client). */
const clientOf = (tx: Sql) => (tx as unknown as { session: { client: CopyClient } }).session.client;

/**
 * A text value as a field of COPY's text format: the backslash and the characters that would end
 * a field or a row are escaped (`\\`, `\t`, `\n`, `\r`); everything else, quotes and non-ASCII
 * included, stands for itself.
 */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Copies `count` rows into `target` (a table and its column list), row k written by `line(k)`: its
 * fields in text format (`copyText`), tab-separated, ending in a newline. Resolves once the server
 * has stored them all; rejects, the COPY cancelled, on a failure of either side.
 */
export function copyRows(tx: Sql, target: string, count: number, line: (k: number) => string): Promise<void> {
  const stream = clientOf(tx).query(copyFrom(`copy ${target} from stdin`));
  return pipeline(Readable.from(chunks(count, line)), stream);
}

async function* chunks(count: number, line: (k: number) => string) {
  for (let start = 0; start < count; start += CHUNK_ROWS) {
    const end = Math.min(count, start + CHUNK_ROWS);
    let text = '';
    for (let k = start; k < end; k++) text += line(k);
    yield text;
    await nextTurn();
  }
}
