/**
 * The report benchmark on PostgreSQL, beside bench/run.ts's SQLite figures: the same 30-question
 * study seeded into a fresh database on the server DATABASE_URL names, then the report cold (a
 * node with no columns) and warm (the same node again), and a second node's first report after
 * the first node's reads. Prints `name: value unit` lines like bench/run.ts.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/report-pg.ts [n…]
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DIALECT } from '../server/db/dialect';
import { migratePg, pgPool, pgStore } from '../server/db/pg-store';
import { buildReport, prepareReport } from '../server/report/service';
import type { Store } from '../server/db/store';
import { seedReportSurveyPg } from './report-survey';

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${value.toFixed(0)} ${unit}`);

async function timed(work: () => Promise<unknown>) {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function report(server: string, n: number) {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pools = [pgPool(url.href), pgPool(url.href)];
  try {
    await migratePg(pools[0]);
    const [a, b] = pools.map(pgStore);
    const id = await seedReportSurveyPg(a, n);
    await pools[0].query('analyze responses');
    const label = n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`;
    // As the report route does it: a large survey's first build runs in worker threads.
    const first = async (store: Store) => {
      await prepareReport(store, id);
      await buildReport(store, id);
    };
    print(`report_pg_${label}_cold`, await timed(() => first(a)), 'ms');
    print(`report_pg_${label}_warm`, await timed(() => buildReport(a, id)), 'ms');
    print(`report_pg_${label}_second_node_cold`, await timed(() => first(b)), 'ms');
    print(`report_pg_${label}_rss`, process.memoryUsage().rss / 1_048_576, 'MB');
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

if (DIALECT !== 'pg') throw new Error('Set DATABASE_URL to a PostgreSQL server (postgres://…) to run this bench');
const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length ? sizes : [100_000]) await report(process.env.DATABASE_URL!, n);
