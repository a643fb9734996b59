/** The few bits of SQL of alerts and invitations that differ by dialect. */
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DIALECT } from '../db/dialect';
import { responses } from '../db/tables';

/**
 * The tie-break for rows written at the same time (one import, one test clock): SQLite's rowid
 * is the order they were written in. PostgreSQL keeps no such order, so there the id decides:
 * rules, webhooks, deliveries, mail jobs and invitations are given ids in the order they are made
 * (ordered-id.ts); a case's id is random, so cases due at the same moment keep a stable order only.
 */
export const insertionOrder = (table: SQLiteTable & { id: unknown }) =>
  DIALECT === 'sqlite' ? sql`${table}.rowid` : sql`${table.id}`;

/** The case id a follow-up response carries in its hidden field `case` (text), or null. */
export const hiddenCase =
  DIALECT === 'sqlite'
    ? sql<string | null>`json_extract(${responses.hidden}, '$.case')`
    : sql<string | null>`(${responses.hidden}::json ->> 'case')`;
