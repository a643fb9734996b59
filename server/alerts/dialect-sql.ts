/** The few bits of SQL of alerts and invitations that differ by dialect. */
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DIALECT } from '../db/dialect';
import { responses } from '../db/tables';

/**
 * The tie-break for rows written at the same time (one import, one test clock): SQLite's rowid
 * is the order they were written in; PostgreSQL keeps no such order, so there its id decides,
 * which is stable but not the order of writing.
 */
export const insertionOrder = (table: SQLiteTable & { id: unknown }) =>
  DIALECT === 'sqlite' ? sql`${table}.rowid` : sql`${table.id}`;

/** The case id a follow-up response carries in its hidden field `case` (text), or null. */
export const hiddenCase =
  DIALECT === 'sqlite'
    ? sql<string | null>`json_extract(${responses.hidden}, '$.case')`
    : sql<string | null>`(${responses.hidden}::json ->> 'case')`;
