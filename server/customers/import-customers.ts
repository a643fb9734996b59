/**
 * Importing customers from a CSV: every row is checked before anything is written, and one faulty
 * row refuses the whole file (400, the faulty rows listed by line), as the invitation import does.
 * A valid file upserts by the customer's id: a nightly file from a CRM updates who is known and
 * adds who is new.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../db/client';
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
import { recomputeValues } from './value';

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

interface Row {
  line: number;
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  attributes: Record<string, string>;
}

export async function importCustomers(db: Db, csv: string, now: number): Promise<CustomerImportResult> {
  const errors = new ImportErrors();
  const rows: Row[] = [];
  let header: ReturnType<typeof readHeader<'externalId' | 'name' | 'email' | 'phone' | 'language'>> | null = null;
  const lineOf = new Map<string, number>();
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
          row.language = value ? (matchLocale(value) ?? value) : null;
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
  return writeCustomers(db, rows, now);
}

const BATCH = 2_000;
const DAY = 86_400_000;
/** One customer file is written at a time: the second waits, so both read the register as the first left it. */
const writing = new WeakMap<Db, Promise<unknown>>();

function serially<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const run = (writing.get(db) ?? Promise.resolve()).catch(() => undefined).then(work);
  writing.set(db, run);
  return run.finally(() => {
    if (writing.get(db) === run) writing.delete(db);
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
function writeCustomers(db: Db, rows: Row[], now: number): Promise<CustomerImportResult> {
  return serially(db, async () => {
    const importId = await stage(db, rows, now);
    const created = await apply(db, importId, now);
    await recomputeValues(db);
    return { created, updated: rows.length - created };
  });
}

async function stage(db: Db, rows: Row[], now: number): Promise<number> {
  const sqlite = db.$client;
  sqlite
    .prepare(`delete from customer_imports where status = 'failed' or (status = 'running' and created_at < ?)`)
    .run(now - DAY);
  const importId = Number(
    sqlite
      .prepare(`insert into customer_imports (status, rows, created_at) values ('running', ?, ?)`)
      .run(rows.length, now).lastInsertRowid,
  );
  const existing = sqlite.prepare('select id, attributes from customers where external_id = ?');
  const insert = sqlite.prepare(`insert into customer_import_rows
    (import_id, position, customer_id, external_id, name, email, phone, language, attributes)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  try {
    for (let start = 0; start < rows.length; start += BATCH) {
      db.transaction(() => {
        for (let i = start; i < Math.min(rows.length, start + BATCH); i++) {
          const r = rows[i];
          const found = existing.get(r.externalId) as { id: string; attributes: string } | undefined;
          const stored = found ? (JSON.parse(found.attributes) as Record<string, string>) : {};
          insert.run(
            importId,
            i,
            found?.id ?? randomUUID(),
            r.externalId,
            r.name,
            r.email,
            r.phone,
            r.language,
            JSON.stringify(mergeAttributes(stored, r.attributes)),
          );
        }
      });
      await nextTurn();
    }
  } catch (err) {
    // Deleting the import deletes its staged rows (on delete cascade).
    sqlite.prepare('delete from customer_imports where id = ?').run(importId);
    throw err;
  }
  sqlite.prepare(`update customer_imports set status = 'applying' where id = ?`).run(importId);
  return importId;
}

/** Applies the staged rows of an import batch by batch, deleting each batch once applied; returns how many customers were new. */
async function apply(db: Db, importId: number, now: number): Promise<number> {
  const sqlite = db.$client;
  // Matched by external id when applied: a customer added meanwhile by an upsert is updated, not added twice.
  const update = sqlite.prepare(`update customers set name = s.name, email = s.email, phone = s.phone,
      language = s.language, attributes = s.attributes, updated_at = ?
    from customer_import_rows s
    where s.import_id = ? and s.position >= ? and s.position < ? and s.external_id = customers.external_id`);
  const insert =
    sqlite.prepare(`insert into customers (id, external_id, name, email, phone, language, attributes, created_at, updated_at)
    select s.customer_id, s.external_id, s.name, s.email, s.phone, s.language, s.attributes, ?, ?
    from customer_import_rows s
    where s.import_id = ? and s.position >= ? and s.position < ?
      and not exists (select 1 from customers c where c.external_id = s.external_id)`);
  const remove = sqlite.prepare(
    'delete from customer_import_rows where import_id = ? and position >= ? and position < ?',
  );
  const last = sqlite
    .prepare('select max(position) as p from customer_import_rows where import_id = ?')
    .get(importId) as {
    p: number | null;
  };
  let created = 0;
  for (let start = 0; last.p !== null && start <= last.p; start += BATCH) {
    db.transaction(() => {
      update.run(now, importId, start, start + BATCH);
      created += insert.run(now, now, importId, start, start + BATCH).changes;
      remove.run(importId, start, start + BATCH);
      markStale(db, now);
    });
    await nextTurn();
  }
  sqlite.prepare(`update customer_imports set status = 'done', finished_at = ? where id = ?`).run(now, importId);
  return created;
}

/** At start-up: finishes applying the customer files a stop cut short (their rows were all checked and staged). */
export async function finishCustomerImports(db: Db, now: number): Promise<void> {
  const pending = db.$client.prepare(`select id from customer_imports where status = 'applying' order by id`).all() as {
    id: number;
  }[];
  if (!pending.length) return;
  await serially(db, async () => {
    for (const { id } of pending) await apply(db, id, now);
  });
  await recomputeValues(db);
}

/**
 * The stored attributes with the given ones: an empty value removes an attribute, and a name
 * matches a stored one ignoring case (one CRM export says "Region", the next "region").
 */
export function mergeAttributes(stored: Record<string, string>, given: Record<string, string>): Record<string, string> {
  const out = { ...stored };
  for (const [name, value] of Object.entries(given)) {
    const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    if (value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}
