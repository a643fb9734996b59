import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDb } from '../db/client';
import { migratePg, pgPool } from '../db/pg-store';
import { copyToPostgres, TargetNotEmpty } from '../ops/copy-to-postgres';

/**
 * Moves an SQLite database into PostgreSQL:
 *   DATABASE_URL=postgres://… npm run migrate-to-postgres [-- path/to/yardstick.db]
 * The file (DATABASE_PATH by default) is brought to the current schema first, as a start of the
 * server would; the PostgreSQL database is migrated and must hold no rows. Stop the server before,
 * so nothing is written to the file meanwhile. Prints the rows of each table on both sides and
 * fails unless they are equal.
 */
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('Set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host:5432/name)');
  process.exit(2);
}
const file = resolve(process.argv[2] ?? config.DATABASE_PATH);
if (!existsSync(file)) {
  console.error(`No SQLite database at ${file}`);
  process.exit(2);
}
const source = openDb(file);
const pool = pgPool(config.DATABASE_URL, 2);
try {
  await migratePg(pool);
  const counts = await copyToPostgres(source, pool, (table, rows) => console.log(`copied ${table}: ${rows} rows`));
  const width = Math.max(...counts.map((c) => c.table.length));
  console.log(`\n${'table'.padEnd(width)}  ${'sqlite'.padStart(10)}  ${'postgres'.padStart(10)}`);
  for (const c of counts)
    console.log(
      `${c.table.padEnd(width)}  ${String(c.sqlite).padStart(10)}  ${String(c.postgres).padStart(10)}${c.sqlite === c.postgres ? '' : '  DIFFERENT'}`,
    );
  const different = counts.filter((c) => c.sqlite !== c.postgres);
  if (different.length) {
    console.error(`\nThe row counts differ in ${different.map((c) => c.table).join(', ')}`);
    process.exitCode = 1;
  } else {
    const rows = counts.reduce((sum, c) => sum + c.sqlite, 0);
    console.log(`\nEvery table copied: ${rows} rows, the same count on both sides.`);
  }
} catch (e) {
  console.error(e instanceof TargetNotEmpty ? `Refused: ${e.message}` : e);
  process.exitCode = 1;
} finally {
  source.$client.close();
  await pool.end();
}
