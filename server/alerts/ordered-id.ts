/**
 * Ids that sort in the order they were made: a fixed-width time part (milliseconds, kept strictly
 * increasing within a process), then random bits. PostgreSQL keeps no order of writing, so lists
 * that show rows written at the same time in the order they were made break ties by these ids
 * (server/alerts/dialect-sql.ts); across nodes they sort by their clocks, to the millisecond.
 */
import { randomBytes } from 'node:crypto';

let last = 0;

export function orderedId(randomBytesCount = 9): string {
  last = Math.max(Date.now(), last + 1);
  return last.toString(36).padStart(9, '0') + randomBytes(randomBytesCount).toString('base64url');
}
