/**
 * Importing customers from a CSV: every row is checked before anything is written, and one faulty
 * row refuses the whole file (400, the faulty rows listed by line), as the invitation import does.
 * A valid file upserts by the customer's id: a nightly file from a CRM updates who is known and
 * adds who is new.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, inArray, lt, min, or } from 'drizzle-orm';
import { exclusive, forUpdate, LOCKS, q, type Sql, type Store, type Work } from '../db/store';
import { customerImports, customerImportRows, customerTransactions } from '../db/tables';
import { matchLocale } from '../../shared/i18n/locales';
import {
  EMAIL,
  MAX_ATTRIBUTE,
  MAX_EMAIL,
  MAX_EXTERNAL_ID,
  MAX_NAME,
  MAX_PHONE,
  type CustomerImportResult,
} from '../../shared/customers/schema';
import { readCsvRowsInBatches } from './csv-rows';
import { aliasMap, isBlank, readHeader } from './columns';
import { ImportErrors } from './import-errors';
import { markStale } from './settings';
import { statements, type CustomerFileRow } from './statements';
import { recomputeValues } from './value';
import { suppressionList } from './suppression';
import { fillNameKeys } from './name-keys';

const ALIASES = aliasMap({
  externalId: [
    'id',
    'customer id',
    'customerid',
    'external id',
    'externalid',
    'customer',
    'customer number',
    'customer no',
  ],
  name: ['name', 'full name', 'customer name'],
  email: ['email', 'e mail', 'mail', 'email address', 'e mail address'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phone number'],
  language: ['language', 'lang', 'locale'],
});
export const MAX_CUSTOMER_ROWS = 200_000;

interface Row extends CustomerFileRow {
  line: number;
}

export async function importCustomers(store: Store, csv: string, now: number): Promise<CustomerImportResult> {
  const errors = new ImportErrors();
  const rows: Row[] = [];
  let header: ReturnType<typeof readHeader<'externalId' | 'name' | 'email' | 'phone' | 'language'>> | null = null;
  const lineOf = new Map<string, number>();
  // A file holds a few languages: each is matched once (Intl.Locale was a fifth of the import's time).
  const languages = new Map<string, string>();
  const language = (value: string) => {
    let matched = languages.get(value);
    if (matched === undefined) languages.set(value, (matched = matchLocale(value) ?? value));
    return matched;
  };
  let bodyRows = 0;

  await readCsvRowsInBatches(csv, (r) => {
    if (isBlank(r.fields)) return;
    if (!header) {
      header = readHeader(r.line, r.fields, ALIASES);
      for (const e of header.errors) errors.add(e);
      if (!header.roles.includes('externalId')) {
        errors.add({
          line: r.line,
          code: 'no-id-column',
          message: 'the file needs a customer id column ("id" or "customer_id")',
        });
      }
      if (errors.count) errors.refuse();
      return;
    }
    if (++bodyRows > MAX_CUSTOMER_ROWS) {
      errors.add({
        line: r.line,
        code: 'too-many-rows',
        params: { max: MAX_CUSTOMER_ROWS },
        message: `at most ${MAX_CUSTOMER_ROWS} customers per file`,
      });
      errors.refuse();
    }
    const h = header;
    if (r.fields.length !== h.columns.length) {
      errors.add({
        line: r.line,
        code: 'field-count',
        params: { found: r.fields.length, expected: h.columns.length },
        message: `has ${r.fields.length} fields where the header has ${h.columns.length}`,
      });
      return;
    }
    const row: Row = {
      line: r.line,
      externalId: '',
      name: null,
      email: null,
      phone: null,
      language: null,
      attributes: {},
    };
    let faulty = false;
    const tooLong = (column: string, max: number) => {
      faulty = true;
      errors.add({
        line: r.line,
        column,
        code: 'too-long',
        params: { max },
        message: `${column} is longer than ${max} characters`,
      });
    };
    for (let i = 0; i < r.fields.length; i++) {
      const value = r.fields[i].trim();
      const column = h.columns[i];
      switch (h.roles[i]) {
        case 'externalId':
          if (value.length > MAX_EXTERNAL_ID) tooLong(column, MAX_EXTERNAL_ID);
          row.externalId = value;
          break;
        case 'name':
          if (value.length > MAX_NAME) tooLong(column, MAX_NAME);
          row.name = value || null;
          break;
        case 'phone':
          if (value.length > MAX_PHONE) tooLong(column, MAX_PHONE);
          row.phone = value || null;
          break;
        case 'language':
          if (value.length > 20) tooLong(column, 20);
          row.language = value ? language(value) : null;
          break;
        case 'email':
          if (value && (value.length > MAX_EMAIL || !EMAIL.test(value))) {
            faulty = true;
            errors.add({
              line: r.line,
              column,
              code: 'bad-email',
              params: { value: value.slice(0, 80) },
              message: `"${value.slice(0, 80)}" is not an e-mail address`,
            });
          }
          row.email = value || null;
          break;
        default:
          if (value.length > MAX_ATTRIBUTE) tooLong(column, MAX_ATTRIBUTE);
          // An empty cell clears the attribute, as a CRM's full export would mean.
          row.attributes[column] = value;
      }
    }
    if (!row.externalId) {
      errors.add({ line: r.line, code: 'no-id', message: 'has no customer id' });
      return;
    }
    const first = lineOf.get(row.externalId);
    if (first !== undefined) {
      errors.add({
        line: r.line,
        code: 'duplicate-in-file',
        params: { line: first },
        message: `repeats the customer id of line ${first}`,
      });
      return;
    }
    lineOf.set(row.externalId, r.line);
    if (!faulty) rows.push(row);
  });
  if (!header) errors.add({ line: 1, code: 'no-header', message: 'the file has no header row' });
  else if (rows.length === 0 && errors.count === 0)
    errors.add({ line: 2, code: 'no-rows', message: 'the file has no customers below its header' });
  if (errors.count) errors.refuse();
  await refuseErased(store, rows, header!, errors);
  return writeCustomers(store, rows, now);
}

const BATCH = 2_000;
const DAY = 86_400_000;
/** Rows naming a customer erased on request, by CRM id or e-mail: the file is refused, naming their lines. */
async function refuseErased(
  store: Store,
  rows: readonly Row[],
  header: { columns: string[]; roles: (string | null)[] },
  errors: ImportErrors,
) {
  const suppressed = await store.run(suppressionList);
  if (!suppressed) return;
  const column = (role: string) => header.columns[header.roles.indexOf(role)];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const by = suppressed('id', r.externalId) ? 'externalId' : r.email && suppressed('email', r.email) ? 'email' : null;
    if (by)
      errors.add({
        line: r.line,
        column: column(by),
        code: 'erased',
        message: 'this customer was erased on request and cannot be imported again',
        params: {},
      });
    // Hashing holds the loop for about a millisecond per thousand rows.
    if (i % BATCH === BATCH - 1) await nextTurn();
  }
  if (errors.count) errors.refuse();
}

/** One customer file is written at a time on a node: the second waits, so both read the register as the first left it. */
const writing = new WeakMap<Store, Promise<unknown>>();

function serially<T>(store: Store, work: () => Promise<T>): Promise<T> {
  const run = (writing.get(store) ?? Promise.resolve()).catch(() => undefined).then(work);
  writing.set(store, run);
  return run.finally(() => {
    if (writing.get(store) === run) writing.delete(store);
  });
}

/**
 * Writes the checked rows without holding the server: they are staged (attributes merged with the
 * stored ones) in batches of 2,000, a turn of the event loop between them, and nothing of the file
 * shows; once all are staged the import is `applying`, and the staged rows are applied and deleted,
 * again batch by batch. Applying is idempotent (by external id), so an import cut short while
 * applying is finished at the next start-up (`finishCustomerImports`). One transaction for the
 * whole file held the event loop for 0.75 s at 100,000 customers (README, "Customers").
 */
function writeCustomers(store: Store, rows: Row[], now: number): Promise<CustomerImportResult> {
  return serially(store, async () => {
    const importId = await stage(store, rows, now);
    const created = await apply(store, importId, now);
    await recomputeValues(store, now);
    return { created, updated: rows.length - created };
  });
}

/** Deletes imports that failed, or were left running by a crash a day ago, with their rows. */
export function* dropAbandonedImports(db: Sql, now: number): Work<void> {
  const abandoned = or(
    eq(customerImports.status, 'failed'),
    and(eq(customerImports.status, 'running'), lt(customerImports.createdAt, now - DAY)),
  );
  // PostgreSQL holds no foreign key from transactions to their import to cascade (db/pg-schema.ts).
  yield* q(
    db
      .delete(customerTransactions)
      .where(
        inArray(
          customerTransactions.importId,
          db.select({ id: customerImports.id }).from(customerImports).where(abandoned),
        ),
      ),
  );
  yield* q(db.delete(customerImports).where(abandoned));
}

async function stage(store: Store, rows: Row[], now: number): Promise<number> {
  const importId = await store.transaction(function* (tx) {
    yield* dropAbandonedImports(tx, now);
    const [made] = yield* q(
      tx
        .insert(customerImports)
        .values({ status: 'running', rows: rows.length, createdAt: now })
        .returning({ id: customerImports.id }),
    );
    return made.id;
  });
  try {
    for (let start = 0; start < rows.length; start += BATCH) {
      const end = Math.min(rows.length, start + BATCH);
      await store.transaction((tx) => statements.stage(tx, importId, rows, start, end));
      await nextTurn();
    }
  } catch (err) {
    // Deleting the import deletes its staged rows (on delete cascade).
    await store.run((db) => q(db.delete(customerImports).where(eq(customerImports.id, importId))));
    throw err;
  }
  await store.run((db) =>
    q(db.update(customerImports).set({ status: 'applying' }).where(eq(customerImports.id, importId))),
  );
  return importId;
}

/**
 * Applies the next batch of an import's staged rows (the lowest positions left) and deletes them,
 * with the import's row locked: nodes finishing the same import at once take turns, and each
 * staged row is applied once. Null once nothing is left, the import then marked done.
 */
function* applyNext(tx: Sql, importId: number, now: number): Work<number | null> {
  const [held] = yield* q(
    forUpdate(
      tx.select({ status: customerImports.status }).from(customerImports).where(eq(customerImports.id, importId)),
    ),
  );
  if (held?.status !== 'applying') return null;
  const [{ first }] = yield* q(
    tx
      .select({ first: min(customerImportRows.position) })
      .from(customerImportRows)
      .where(eq(customerImportRows.importId, importId)),
  );
  if (first === null) {
    yield* q(
      tx.update(customerImports).set({ status: 'done', finishedAt: now }).where(eq(customerImports.id, importId)),
    );
    return null;
  }
  // Bulk writes of customers take turns (value.ts writes them too): rows locked in different orders
  // by two batches at once could deadlock.
  yield* q(exclusive(tx, LOCKS.customerRows));
  const created = yield* statements.applyStaged(tx, importId, first, first + BATCH, now);
  yield* markStale(tx, now);
  return created;
}

/** Applies an import's staged rows batch by batch; returns how many customers were new. */
async function apply(store: Store, importId: number, now: number): Promise<number> {
  let created = 0;
  for (;;) {
    const batch = await store.transaction((tx) => applyNext(tx, importId, now));
    if (batch === null) return created;
    created += batch;
    await nextTurn();
  }
}

/**
 * At start-up: finishes applying the customer files a stop cut short (their rows were all checked
 * and staged), then folds the search keys of names stored without one (`fillNameKeys`). Safe when
 * several nodes start at once: their batches take turns on the import's row.
 */
export async function finishCustomerImports(store: Store, now: number): Promise<void> {
  await applyCutShort(store, now);
  await fillNameKeys(store);
}

async function applyCutShort(store: Store, now: number): Promise<void> {
  const pending = await store.run((db) =>
    q(
      db
        .select({ id: customerImports.id })
        .from(customerImports)
        .where(eq(customerImports.status, 'applying'))
        .orderBy(customerImports.id),
    ),
  );
  if (!pending.length) return;
  await serially(store, async () => {
    for (const { id } of pending) await apply(store, id, now);
  });
  await recomputeValues(store, now);
}
