/**
 * Copies an SQLite database into an empty, migrated PostgreSQL database, table by table in
 * foreign-key order, generic over the twin schemas (server/db/schema.ts and pg-schema.ts): each
 * row is read through the SQLite table and written through its PostgreSQL twin, so Drizzle does
 * the type mapping of docs/postgres.md (0/1 to boolean, JSON text to json, blobs to bytea). One
 * transaction: a copy that fails leaves the target as empty as it was.
 */
import { count, getTableColumns, getTableName, gt, is, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { drizzle } from 'drizzle-orm/node-postgres';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type pg from 'pg';
import type { Db } from '../db/client';
import * as pgSchema from '../db/pg-schema';
import * as sqliteSchema from '../db/schema';

/** One table on both sides. */
export interface Twin {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
}

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

/** Refused before anything is written: the target already holds rows. */
export class TargetNotEmpty extends Error {}

/** Rows read and written at a time: bounded memory, and each insert well below PostgreSQL's 65,535 parameters. */
const ROWS = 1_000;
const PARAMETERS = 60_000;

/** Every table of the schema with its PostgreSQL twin, each after the tables its foreign keys name. */
export function twinTables(): Twin[] {
  const pgTables = pgSchema as unknown as Record<string, unknown>;
  const twins = new Map<string, Twin>();
  for (const [key, table] of Object.entries(sqliteSchema)) {
    if (!is(table, SQLiteTable)) continue;
    const twin = pgTables[key];
    if (!is(twin, PgTable)) throw new Error(`${getTableName(table)}: no PostgreSQL twin in pg-schema.ts`);
    twins.set(getTableName(table), { name: getTableName(table), sqlite: table, pg: twin });
  }
  const ordered: Twin[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    const twin = twins.get(name)!;
    for (const fk of sqliteTableConfig(twin.sqlite).foreignKeys) {
      const parent = getTableName(fk.reference().foreignTable);
      // A table that names itself is copied in its own row order, parents first.
      if (parent !== name) place(parent, [...path, name]);
    }
    placed.add(name);
    ordered.push(twin);
  };
  for (const name of twins.keys()) place(name, []);
  return ordered;
}

type Target = ReturnType<typeof drizzle<typeof pgSchema>>;

async function pgCount(target: Target, table: PgTable): Promise<number> {
  const [row] = await target.select({ n: count() }).from(table);
  return Number(row.n);
}

/** The tables of the target that hold rows (none, for a target the copy may write into). */
export async function nonEmptyTables(pool: pg.Pool): Promise<string[]> {
  const target = drizzle({ client: pool, schema: pgSchema, casing: 'snake_case' });
  const found: string[] = [];
  for (const twin of twinTables()) {
    const [row] = await target.select({ one: sql`1` }).from(twin.pg).limit(1);
    if (row) found.push(twin.name);
  }
  return found;
}

/**
 * Copies every row of `source` into the migrated, empty PostgreSQL database of `pool`, then sets
 * each identity column's sequence past the highest id copied, and answers the row counts of both
 * sides, table by table. `progress` hears of each table once it is copied.
 */
export async function copyToPostgres(
  source: Db,
  pool: pg.Pool,
  progress: (table: string, rows: number) => void = () => {},
): Promise<TableCount[]> {
  const twins = twinTables();
  const filled = await nonEmptyTables(pool);
  if (filled.length)
    throw new TargetNotEmpty(
      `the PostgreSQL database already holds rows (in ${filled.join(', ')}); copy into an empty one`,
    );
  await drizzle({ client: pool, schema: pgSchema, casing: 'snake_case' }).transaction(async (tx) => {
    for (const twin of twins) {
      const columns = getTableColumns(twin.sqlite);
      const batch = Math.max(1, Math.min(ROWS, Math.floor(PARAMETERS / Object.keys(columns).length)));
      let after = Number.MIN_SAFE_INTEGER;
      let copied = 0;
      for (;;) {
        const rows = source
          .select({ ...columns, rowid: sql<number>`rowid` })
          .from(twin.sqlite)
          .where(gt(sql`rowid`, after))
          .orderBy(sql`rowid`)
          .limit(batch)
          .all() as ({ rowid: number } & Record<string, unknown>)[];
        if (!rows.length) break;
        after = rows[rows.length - 1].rowid;
        await tx.insert(twin.pg).values(rows.map(({ rowid: _, ...row }) => row));
        copied += rows.length;
      }
      // Columns are named by their keys in snake case (casing: 'snake_case').
      for (const column of pgTableConfig(twin.pg).columns.filter((c) => c.generatedIdentity)) {
        const name = toSnakeCase(column.name);
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${twin.name}, ${name}), coalesce(max(${sql.identifier(name)}), 0) + 1, false) from ${twin.pg}`,
        );
      }
      progress(twin.name, copied);
    }
  });
  const target = drizzle({ client: pool, schema: pgSchema, casing: 'snake_case' });
  const counts: TableCount[] = [];
  for (const twin of twins) {
    const [row] = source.select({ n: count() }).from(twin.sqlite).all();
    counts.push({ table: twin.name, sqlite: row.n, postgres: await pgCount(target, twin.pg) });
  }
  return counts;
}
