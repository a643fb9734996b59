/**
 * npx tsx bench/customers.ts [customers] [transactions]: the customer register at scale (default
 * 100,000 customers, 1,000,000 transactions) on a temp SQLite file, or with DATABASE_URL on that
 * PostgreSQL database (emptied first: point it at a database made for the run). Prints, one
 * `name: value unit` a line as bench/run.ts does (`pg_` first on PostgreSQL), the time of each
 * import and of recomputing every score, the CPU time this process spent, and the longest the
 * event loop was held meanwhile (the longest gap between ticks of a 1 ms timer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/db/client';
import { DIALECT } from '../server/db/dialect';
import { openPgStore } from '../server/db/pg-store';
import { sqliteStore } from '../server/db/sqlite-store';
import { importCustomers } from '../server/customers/import-customers';
import { importTransactions } from '../server/customers/import-transactions';
import { recomputeValues } from '../server/customers/value';
import { markFiguresStale } from '../server/customers/settings';
import { seededRandom } from '../shared/customers/sample';
import { customerImports, customers, customerSettings } from '../server/db/tables';

const N = Number(process.argv[2] ?? 100_000);
const T = Number(process.argv[3] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'yardstick-customers-bench-'));
const store =
  DIALECT === 'pg' ? await openPgStore(process.env.DATABASE_URL!) : sqliteStore(openDb(join(dir, 'bench.db')));
if (DIALECT === 'pg')
  await store.run(function* (db) {
    yield db.delete(customers);
    yield db.delete(customerImports);
    yield db.delete(customerSettings);
  });
const NOW = Date.UTC(2026, 11, 1);
const PREFIX = DIALECT === 'pg' ? 'pg_' : '';
const size = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);
const print = (name: string, value: number, unit: string) =>
  console.log(`${PREFIX}${name}: ${value.toFixed(0)} ${unit}`);

// A fixed pseudo-random sequence, so every run imports the same files (a linear congruential
// generator in floating point lost its low bits here, and bought from one customer in ten).
const rand = seededRandom('customers-bench');
const NAMES = ['Nguyễn Văn An', '王小明', '陳美玲', 'Niccolò Rossi', 'Anna Smith'];

const customersCsv =
  'id,name,email,language,region\n' +
  Array.from(
    { length: N },
    (_, i) =>
      `C${i},"${NAMES[i % 5]} ${i}",c${i}@example.com,${['vi', 'zh-Hans', 'zh-Hant', 'it', 'en'][i % 5]},R${i % 12}`,
  ).join('\n');
const transactionsCsv =
  'customer,date,amount,currency\n' +
  Array.from({ length: T }, () => {
    const c = Math.floor(rand() ** 2 * N);
    const day = new Date(NOW - Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
    return `C${c},${day},${(rand() * 500).toFixed(2)},EUR`;
  }).join('\n');

/**
 * Runs `f` while watching how long the event loop goes without a turn: the longest gap between
 * ticks of a 1 ms timer, and the most CPU time this process spent within one gap (on a busy machine
 * a gap also holds time the process waited for a core; the CPU time is the work that held it).
 */
async function timed<R>(
  f: () => Promise<R> | R,
): Promise<{ ms: number; cpuMs: number; heldMs: number; heldCpuMs: number; result: R }> {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let held = 0;
  let heldCpu = 0;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    held = Math.max(held, now - last);
    heldCpu = Math.max(heldCpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  };
  const timer = setInterval(tick, 1);
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const result = await f();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(startCpu);
  tick();
  clearInterval(timer);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, heldMs: held, heldCpuMs: heldCpu, result };
}

const report = (name: string, x: { ms: number; cpuMs: number; heldMs: number; heldCpuMs: number }) => {
  print(name, x.ms, 'ms');
  print(`${name}_cpu`, x.cpuMs, 'ms');
  print(`${name}_longest_hold`, x.heldMs, `ms (${x.heldCpuMs.toFixed(0)} ms of CPU)`);
};

report(`customers_import_${size(N)}`, await timed(() => importCustomers(store, customersCsv, NOW)));
// Scores included: the import ends by aggregating every customer's figures and ranking them.
report(
  `customers_transactions_import_${size(T)}`,
  await timed(() => importTransactions(store, transactionsCsv, null, NOW)),
);
// Every score ranked again from the stored figures (a customer added, cut points changed).
report('customers_recompute', await timed(() => recomputeValues(store, NOW)));
// And with the figures aggregated again from every transaction, as after a transactions import.
await store.run((db) => markFiguresStale(db, NOW));
report('customers_recompute_aggregated', await timed(() => recomputeValues(store, NOW)));
report(`customers_reimport_${size(N)}`, await timed(() => importCustomers(store, customersCsv, NOW)));
await store.close();
rmSync(dir, { recursive: true, force: true });
