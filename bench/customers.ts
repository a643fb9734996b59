/**
 * npx tsx bench/customers.ts [customers] [transactions]: the customer register at scale (default
 * 100,000 customers, 1,000,000 transactions) on a temp SQLite file, or with DATABASE_URL on that
 * PostgreSQL database (emptied first: point it at a database made for the run). Prints the time of
 * each import and of recomputing every score, and the longest the event loop was held meanwhile
 * (the longest gap between ticks of a 1 ms timer).
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
console.log(`on ${DIALECT === 'pg' ? 'PostgreSQL' : 'SQLite'}`);
const NOW = Date.UTC(2026, 11, 1);
const print = (name: string, value: number, unit: string) => console.log(`${name}: ${value.toFixed(0)} ${unit}`);

// A fixed pseudo-random sequence, so every run imports the same files.
let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
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

const holds = (x: { cpuMs: number; heldMs: number; heldCpuMs: number }) => {
  print('  CPU time', x.cpuMs, 'ms');
  print('  longest hold of the event loop (its CPU time)', x.heldMs, `ms (${x.heldCpuMs.toFixed(0)} ms)`);
};

const c = await timed(() => importCustomers(store, customersCsv, NOW));
print(`customer import, ${N} customers (${(customersCsv.length / 1e6).toFixed(1)} MB)`, c.ms, 'ms');
holds(c);
const t = await timed(() => importTransactions(store, transactionsCsv, null, NOW));
print(
  `transaction import, ${T} transactions (${(transactionsCsv.length / 1e6).toFixed(1)} MB), scores included`,
  t.ms,
  'ms',
);
holds(t);
const r = await timed(() => recomputeValues(store, NOW));
print(`recomputing every score, ${N} customers × ${T} transactions`, r.ms, 'ms');
holds(r);
await store.run((db) => markFiguresStale(db, NOW));
const ra = await timed(() => recomputeValues(store, NOW));
print('recomputing every score, the figures aggregated from the transactions again', ra.ms, 'ms');
holds(ra);
const again = await timed(() => importCustomers(store, customersCsv, NOW));
print(`customer re-import (all ${N} updated)`, again.ms, 'ms');
holds(again);
await store.close();
rmSync(dir, { recursive: true, force: true });
