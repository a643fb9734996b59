/**
 * Importing what customers bought: either transactions (customer id, date, amount, currency),
 * added to those already held, or ready-made RFM figures (customer id, recency in days,
 * frequency, monetary, currency), which replace the transactions in that customer's scores. Every
 * row is checked first; one faulty row refuses the whole file, listed by line.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { eq, gt } from 'drizzle-orm';
import { q, type Store } from '../db/store';
import { customerImports, customers, customerTransactions } from '../db/tables';
import type { CustomerImportErrorCode, TransactionImportResult } from '../../shared/customers/schema';
import { minorDigits, parseMinor } from '../../shared/customers/money';
import { readCsvRowsInBatches } from './csv-rows';
import { aliasMap, isBlank, readHeader } from './columns';
import { ImportErrors } from './import-errors';
import { claimRegisterCurrency, markFiguresStale, markStale, registerCurrency } from './settings';
import { recomputeValues } from './value';
import { statements, type TransactionRows } from './statements';
import { dropAbandonedImports } from './import-customers';

type Role = 'customer' | 'date' | 'amount' | 'currency' | 'recency' | 'frequency' | 'monetary';
const ALIASES = aliasMap<Role>({
  customer: ['customer', 'customer id', 'customerid', 'id', 'external id', 'externalid'],
  date: ['date', 'day', 'purchase date', 'transaction date', 'at'],
  amount: ['amount', 'value', 'total'],
  currency: ['currency', 'ccy'],
  recency: ['recency', 'recency days', 'days since last purchase'],
  frequency: ['frequency', 'purchases', 'orders'],
  monetary: ['monetary', 'revenue', 'spend'],
});
const TRANSACTION_COLUMNS: Role[] = ['customer', 'date', 'amount', 'currency'];
const FIGURE_COLUMNS: Role[] = ['customer', 'recency', 'frequency', 'monetary', 'currency'];
export const MAX_TRANSACTION_ROWS = 2_000_000;
const KNOWN_PAGE = 10_000;
const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date (a day is its UTC midnight) as epoch ms, or null. */
export function parseDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = Date.UTC(y, mo - 1, d);
  const check = new Date(day);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (!m[4]) return day;
  const t = Date.parse(text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
  return Number.isFinite(t) ? t : null;
}

export async function importTransactions(
  store: Store,
  csv: string,
  userId: string | null,
  now: number,
): Promise<TransactionImportResult> {
  const errors = new ImportErrors();
  // Customers by external id, each with its rank in the database's order of ids (its index's order,
  // the order rows are written in), read a page per turn: all at once held the loop for 0.35 s.
  const idOf = new Map<string, { id: string; rank: number }>();
  let known = 0;
  for (let after = ''; ; await nextTurn()) {
    const page = await store.run((db) =>
      q(
        db
          .select({ id: customers.id, externalId: customers.externalId })
          .from(customers)
          .where(gt(customers.id, after))
          .orderBy(customers.id)
          .limit(KNOWN_PAGE),
      ),
    );
    for (const r of page) idOf.set(r.externalId, { id: r.id, rank: known++ });
    if (page.length < KNOWN_PAGE) break;
    after = page[page.length - 1].id;
  }
  let currency = await store.run(registerCurrency);
  let currencyLine = 0;
  let digits = currency ? minorDigits(currency) : null;
  let header: ReturnType<typeof readHeader<Role>> | null = null;
  let mode: 'transactions' | 'figures' = 'transactions';
  let index: Partial<Record<Role, number>> = {};
  // Parallel arrays rather than an object per row: a million rows stay small.
  const customerIds: string[] = [];
  const ranks: number[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  const frequencies: number[] = [];
  const figureLine = new Map<string, number>();
  let bodyRows = 0;

  let fields: string[] = [];
  let line = 0;
  let faulty = false;
  const cell = (role: Role) => fields[index[role]!].trim();
  const fail = (
    role: Role | undefined,
    code: CustomerImportErrorCode,
    message: string,
    params?: Record<string, string | number>,
  ) => {
    faulty = true;
    errors.add({ line, column: role ? header!.columns[index[role]!] : undefined, code, params, message });
  };
  await readCsvRowsInBatches(csv, (r) => {
    if (isBlank(r.fields)) return;
    if (!header) {
      header = readHeader(r.line, r.fields, ALIASES);
      for (const e of header.errors) errors.add(e);
      mode = header.roles.includes('recency') || header.roles.includes('monetary') ? 'figures' : 'transactions';
      const needed = mode === 'figures' ? FIGURE_COLUMNS : TRANSACTION_COLUMNS;
      const missing = needed.filter((role) => !header!.roles.includes(role));
      if (missing.length) {
        errors.add({
          line: r.line,
          code: 'missing-columns',
          params: { columns: missing.join(', ') },
          message: `the file needs the columns ${missing.join(', ')}`,
        });
      }
      if (errors.count) errors.refuse();
      index = Object.fromEntries(header.roles.map((role, i) => [role, i]).filter(([role]) => role !== null));
      return;
    }
    const h = header;
    if (++bodyRows > MAX_TRANSACTION_ROWS) {
      errors.add({
        line: r.line,
        code: 'too-many-rows',
        params: { max: MAX_TRANSACTION_ROWS },
        message: `at most ${MAX_TRANSACTION_ROWS} rows per file`,
      });
      errors.refuse();
    }
    if (r.fields.length !== h.columns.length) {
      errors.add({
        line: r.line,
        code: 'field-count',
        params: { found: r.fields.length, expected: h.columns.length },
        message: `has ${r.fields.length} fields where the header has ${h.columns.length}`,
      });
      return;
    }
    // Per-row state lives outside closures: a million rows would otherwise make millions of functions.
    fields = r.fields;
    line = r.line;
    faulty = false;
    const external = cell('customer');
    const customer = idOf.get(external);
    const id = customer?.id;
    if (!external) fail('customer', 'no-id', 'has no customer id');
    else if (!id)
      fail(
        'customer',
        'unknown-customer',
        `no customer with the id "${external.slice(0, 100)}" in the register (import the customers first)`,
        { value: external.slice(0, 100) },
      );

    const code = cell('currency').toUpperCase();
    if (minorDigits(code) === null)
      fail('currency', 'bad-currency', `"${code.slice(0, 20)}" is not a currency code like EUR or VND`, {
        value: code.slice(0, 20),
      });
    else if (currency === null) {
      currency = code;
      currencyLine = r.line;
      digits = minorDigits(code);
    } else if (code !== currency) {
      const where = currencyLine ? `line ${currencyLine} is in ${currency}` : `the register is in ${currency}`;
      fail('currency', 'mixed-currency', `is in ${code} where ${where}: one register holds one currency`, {
        value: code,
        currency,
      });
    }

    if (mode === 'transactions') {
      const at = parseDate(cell('date'));
      if (at === null)
        fail('date', 'bad-date', `"${cell('date').slice(0, 40)}" is not a date like 2026-03-31`, {
          value: cell('date').slice(0, 40),
        });
      const amount = digits === null ? null : parseMinor(cell('amount'), digits);
      if (amount === null)
        fail('amount', 'bad-amount', `"${cell('amount').slice(0, 40)}" is not an amount like 1234.50`, {
          value: cell('amount').slice(0, 40),
        });
      if (faulty) return;
      customerIds.push(id!);
      ranks.push(customer!.rank);
      dates.push(at!);
      amounts.push(amount!);
    } else {
      const recency = wholeNumber(cell('recency'));
      if (recency === null)
        fail('recency', 'bad-number', `"${cell('recency').slice(0, 40)}" is not a number of days`, {
          value: cell('recency').slice(0, 40),
        });
      const frequency = wholeNumber(cell('frequency'));
      if (frequency === null)
        fail('frequency', 'bad-number', `"${cell('frequency').slice(0, 40)}" is not a number of purchases`, {
          value: cell('frequency').slice(0, 40),
        });
      const monetary = digits === null ? null : parseMinor(cell('monetary'), digits);
      if (monetary === null)
        fail('monetary', 'bad-amount', `"${cell('monetary').slice(0, 40)}" is not an amount like 1234.50`, {
          value: cell('monetary').slice(0, 40),
        });
      if (id) {
        const first = figureLine.get(id);
        if (first !== undefined)
          fail('customer', 'duplicate-in-file', `repeats the customer id of line ${first}`, { line: first });
        else figureLine.set(id, r.line);
      }
      if (faulty) return;
      customerIds.push(id!);
      // Recency is counted back from the day of the import, so it keeps its meaning as days pass.
      dates.push(now - recency! * DAY);
      frequencies.push(frequency!);
      amounts.push(monetary!);
    }
  });
  if (!header) errors.add({ line: 1, code: 'no-header', message: 'the file has no header row' });
  else if (customerIds.length === 0 && errors.count === 0)
    errors.add({ line: 2, code: 'no-rows', message: 'the file has nothing below its header' });
  if (errors.count) errors.refuse();

  if (mode === 'transactions') {
    const rows = { customerIds, dates, amounts, order: inCustomerOrder(ranks, known) };
    await writeTransactions(store, rows, currency!, userId, now);
  } else {
    const lastAts = dates.map((at, i) => (frequencies[i] === 0 ? null : at));
    await store.transaction(function* (tx) {
      yield* statements.setGivenFigures(tx, customerIds, lastAts, frequencies, amounts, now);
      yield* claimRegisterCurrency(tx, currency!, now);
      yield* markStale(tx, now);
    });
  }
  await recomputeValues(store, now);
  // A figures file names each customer once (a repeat is refused); a transactions file, any number of times.
  const named = mode === 'transactions' ? distinct(ranks, known) : customerIds.length;
  return { imported: customerIds.length, customers: named, mode };
}

/**
 * Writes the rows in batches of their own (a turn of the event loop between them) under an import
 * that is `running`, which readers leave out; marking it `done` makes the whole file count at once.
 * A failure deletes what was written; an import left running by a crash is deleted a day later.
 */
async function writeTransactions(
  store: Store,
  rows: TransactionRows,
  currency: string,
  userId: string | null,
  now: number,
) {
  const importId = await store.transaction(function* (tx) {
    yield* dropAbandonedImports(tx, now);
    const [made] = yield* q(
      tx
        .insert(customerImports)
        .values({ status: 'running', rows: rows.order.length, createdBy: userId, createdAt: now })
        .returning({ id: customerImports.id }),
    );
    return made.id;
  });
  try {
    for (let start = 0; start < rows.order.length; start += statements.transactionBatch) {
      const end = Math.min(rows.order.length, start + statements.transactionBatch);
      await store.transaction((tx) => statements.insertTransactions(tx, importId, currency, rows, start, end));
      await nextTurn();
    }
    await store.transaction(function* (tx) {
      // Another import may have set the register's currency while this one was writing.
      yield* claimRegisterCurrency(tx, currency, now);
      yield* markFiguresStale(tx, now);
      yield* statements.dropErased(tx, importId, rows);
      yield* q(
        tx.update(customerImports).set({ status: 'done', finishedAt: now }).where(eq(customerImports.id, importId)),
      );
    });
  } catch (err) {
    await store.transaction(function* (tx) {
      yield* q(
        tx.update(customerImports).set({ status: 'failed', finishedAt: now }).where(eq(customerImports.id, importId)),
      );
      yield* q(tx.delete(customerTransactions).where(eq(customerTransactions.importId, importId)));
    });
    throw err;
  }
}

/**
 * The rows grouped by customer, customers in id order: each batch then touches one stretch of the
 * (customer, date) index instead of pages all over it. In file order a million rows took several
 * times as long, the index far outgrowing SQLite's page cache. A counting sort by the customers'
 * ranks, linear in the rows: grouping them in lists per customer held the event loop for 0.4 s of
 * CPU at a million rows.
 */
function inCustomerOrder(ranks: readonly number[], customers: number): Uint32Array {
  const start = new Uint32Array(customers + 1);
  for (const rank of ranks) start[rank + 1]++;
  for (let r = 1; r <= customers; r++) start[r] += start[r - 1];
  const order = new Uint32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) order[start[ranks[i]]++] = i;
  return order;
}

/** How many different customers the ranks name (a set of a million ids held the event loop). */
function distinct(ranks: readonly number[], customers: number): number {
  const seen = new Uint8Array(customers);
  let count = 0;
  for (const rank of ranks) if (!seen[rank]) count += seen[rank] = 1;
  return count;
}

function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
