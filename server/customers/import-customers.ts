/**
 * Importing customers from a CSV: every row is checked before anything is written, and one faulty
 * row refuses the whole file (400, the faulty rows listed by line), as the invitation import does.
 * A valid file upserts by the customer's id: a nightly file from a CRM updates who is known and
 * adds who is new.
 */
import { randomUUID } from 'node:crypto';
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
  const result = writeCustomers(db, rows, now);
  await recomputeValues(db);
  return result;
}

/**
 * Upserts the checked rows in one transaction, so the file lands whole or not at all. Prepared
 * statements on the driver: 100,000 rows take a fraction of a second (README, "Customers").
 */
function writeCustomers(db: Db, rows: Row[], now: number): CustomerImportResult {
  const sqlite = db.$client;
  const existing = sqlite.prepare('select id, attributes from customers where external_id = ?');
  const insert =
    sqlite.prepare(`insert into customers (id, external_id, name, email, phone, language, attributes, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = sqlite.prepare(
    'update customers set name = ?, email = ?, phone = ?, language = ?, attributes = ?, updated_at = ? where id = ?',
  );
  let created = 0;
  let updated = 0;
  db.transaction(() => {
    for (const r of rows) {
      const found = existing.get(r.externalId) as { id: string; attributes: string } | undefined;
      if (found) {
        const attributes = mergeAttributes(JSON.parse(found.attributes) as Record<string, string>, r.attributes);
        update.run(r.name, r.email, r.phone, r.language, JSON.stringify(attributes), now, found.id);
        updated++;
      } else {
        insert.run(
          randomUUID(),
          r.externalId,
          r.name,
          r.email,
          r.phone,
          r.language,
          JSON.stringify(mergeAttributes({}, r.attributes)),
          now,
          now,
        );
        created++;
      }
    }
    markStale(db, now);
  });
  return { created, updated };
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
