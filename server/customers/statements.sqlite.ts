/**
 * The register's bulk statements on SQLite: prepared once per database and run synchronously inside
 * the store's transaction (a unit of work runs whole, at once, on SQLite), a page or batch per turn
 * of the event loop so a large register never holds the server for long.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedStatements } from '../db/statements';
import { NOTHING, q, type Sql, type Store, type Work } from '../db/store';
import { searchKey } from '../../shared/customers/search-key';
import { mergeAttributes } from './attributes';
import type { CustomerStatements, Figures } from './statements';
import { storedKey, valueKey } from './value-key';
import { COUNTED_IMPORT } from './counted';

const PAGE = 5_000;
/** Customers written per transaction: 5,000 updates with their history lines held the loop 0.1 s. */
const WRITE_PAGE = 2_000;
/** Customers per page when their transactions are aggregated: 5,000 with ten purchases each held the loop 0.1 s. */
const AGGREGATED_PAGE = 1_000;
/** Rows per insert of transactions: a statement per row made a million calls into SQLite per million rows. */
const INSERT_ROWS = 100;

/** What `storedKey` and `valueKey` (value-key.ts) compare with, as stored. */
const STORED = `coalesce(c.last_purchase_at, '') || '|' || c.frequency || '|' || c.monetary || '|' || coalesce(c.r_score, '')
  || '|' || coalesce(c.f_score, '') || '|' || coalesce(c.m_score, '') || '|' || coalesce(c.segment, '') || '|' || coalesce(c.tier, '')`;
const WAS = `c.monetary || '|' || coalesce(c.r_score, '') || '|' || coalesce(c.f_score, '') || '|' || coalesce(c.m_score, '')
  || '|' || coalesce(c.segment, '') || '|' || coalesce(c.tier, '')`;

const prepared = preparedStatements((sqlite) => ({
  // A page's upper id first, then its aggregate over that id range: bounded by both ends, each page
  // costs its own customers only (a LIMIT on the grouped join re-grouped everything after the lower
  // bound, which grew with the square of the register).
  pageEnd: sqlite
    .prepare(`select max(id) from (select id from customers where id > ? order by id limit ${PAGE}) p`)
    .pluck(),
  aggregatedPageEnd: sqlite
    .prepare(`select max(id) from (select id from customers where id > ? order by id limit ${AGGREGATED_PAGE}) p`)
    .pluck(),
  aggregatedPage: sqlite.prepare(`
    select c.id as id,
      coalesce(c.given_last_at, max(t.at)) as lastAt,
      coalesce(c.given_frequency, count(t.id)) as frequency,
      coalesce(c.given_monetary, sum(t.amount), 0) as monetary,
      ${STORED} as stored, ${WAS} as was
    from customers c left join customer_transactions t on t.customer_id = c.id and t.${COUNTED_IMPORT}
    where c.id > ? and c.id <= ?
    group by c.id, c.given_last_at, c.given_frequency, c.given_monetary
    order by c.id`),
  storedPage: sqlite.prepare(`
    select c.id as id,
      coalesce(c.given_last_at, c.last_purchase_at) as lastAt,
      coalesce(c.given_frequency, c.frequency) as frequency,
      coalesce(c.given_monetary, c.monetary) as monetary,
      ${STORED} as stored, ${WAS} as was
    from customers c where c.id > ? and c.id <= ? order by c.id`),
  writeValues: sqlite.prepare(`update customers set last_purchase_at = ?, frequency = ?, monetary = ?,
    r_score = ?, f_score = ?, m_score = ?, segment = ?, tier = ? where id = ?`),
  // Against the values stored now, in the write's transaction: another process that recomputed the
  // same change a moment earlier has written its line and its values, and this one adds none.
  history: sqlite.prepare(`insert into customer_value_history
      (customer_id, at, monetary, r_score, f_score, m_score, segment, tier)
    select c.id, :at, :monetary, :r, :f, :m, :segment, :tier from customers c
    where c.id = :id and not (c.monetary is :monetary and c.r_score is :r and c.f_score is :f and c.m_score is :m
      and c.segment is :segment and c.tier is :tier)`),
  stored: sqlite.prepare('select id, attributes from customers where external_id = ?'),
  stage: sqlite.prepare(`insert into customer_import_rows
    (import_id, position, customer_id, external_id, name, name_key, email, phone, language, attributes)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  applyUpdate:
    sqlite.prepare(`update customers set name = s.name, name_key = s.name_key, email = s.email, phone = s.phone,
      language = s.language, attributes = s.attributes, updated_at = ?
    from customer_import_rows s
    where s.import_id = ? and s.position >= ? and s.position < ? and s.external_id = customers.external_id`),
  applyInsert:
    sqlite.prepare(`insert into customers (id, external_id, name, name_key, email, phone, language, attributes, created_at, updated_at)
    select s.customer_id, s.external_id, s.name, s.name_key, s.email, s.phone, s.language, s.attributes, ?, ?
    from customer_import_rows s
    where s.import_id = ? and s.position >= ? and s.position < ?
      and not exists (select 1 from customers c where c.external_id = s.external_id)`),
  unstage: sqlite.prepare('delete from customer_import_rows where import_id = ? and position >= ? and position < ?'),
  insertTransaction: sqlite.prepare(
    'insert into customer_transactions (import_id, customer_id, at, amount, currency) values (?, ?, ?, ?, ?)',
  ),
  insertTransactions: sqlite.prepare(
    `insert into customer_transactions (import_id, customer_id, at, amount, currency) values ${Array(INSERT_ROWS).fill('(?, ?, ?, ?, ?)').join(', ')}`,
  ),
  setGivenFigures: sqlite.prepare(
    'update customers set given_last_at = ?, given_frequency = ?, given_monetary = ?, updated_at = ? where id = ?',
  ),
}));

/** The prepared statements of the database a unit of work runs on (on SQLite, the Db itself). */
const st = (db: Sql) => prepared(db as unknown as Db);

/**
 * A unit of work made of prepared statements: they run when the store steps the unit, inside its
 * transaction (which on SQLite runs synchronously, so nothing else interleaves).
 */
function* atOnce<T>(run: () => T): Work<T> {
  yield* q(NOTHING);
  return run();
}

export const sqliteStatements: CustomerStatements = {
  async figures(store: Store, aggregate: boolean) {
    const rows: Figures[] = [];
    const s = st(store.db);
    const [pageEnd, page] = aggregate ? [s.aggregatedPageEnd, s.aggregatedPage] : [s.pageEnd, s.storedPage];
    for (let after = ''; ; ) {
      const last = pageEnd.get(after) as string | null;
      if (last === null) break;
      for (const r of page.all(after, last) as Figures[]) rows.push(r);
      after = last;
      await nextTurn();
    }
    return rows;
  },

  async writeValues(store, rows, v, now) {
    for (let start = 0; start < rows.length; start += WRITE_PAGE) {
      await store.transaction((tx) =>
        atOnce(() => {
          const { writeValues: update, history } = st(tx);
          for (let i = start; i < Math.min(rows.length, start + WRITE_PAGE); i++) {
            const x = rows[i];
            if (storedKey(rows, v, i) === x.stored) continue;
            if (valueKey(rows, v, i) !== x.was)
              history.run({
                id: x.id,
                at: now,
                monetary: x.monetary,
                r: v.r[i],
                f: v.f[i],
                m: v.m[i],
                segment: v.segments[i],
                tier: v.tiers[i],
              });
            update.run(x.lastAt, x.frequency, x.monetary, v.r[i], v.f[i], v.m[i], v.segments[i], v.tiers[i], x.id);
          }
        }),
      );
      if (start + WRITE_PAGE < rows.length) await nextTurn();
    }
  },

  stage: (db, importId, rows, from, to) =>
    atOnce(() => {
      const s = st(db);
      for (let i = from; i < to; i++) {
        const r = rows[i];
        const found = s.stored.get(r.externalId) as { id: string; attributes: string } | undefined;
        const stored = found ? (JSON.parse(found.attributes) as Record<string, string>) : {};
        s.stage.run(
          importId,
          i,
          found?.id ?? randomUUID(),
          r.externalId,
          r.name,
          r.name === null ? null : searchKey(r.name),
          r.email,
          r.phone,
          r.language,
          JSON.stringify(mergeAttributes(stored, r.attributes)),
        );
      }
    }),

  applyStaged: (db, importId, from, to, now) =>
    atOnce(() => {
      const s = st(db);
      s.applyUpdate.run(now, importId, from, to);
      const created = s.applyInsert.run(now, now, importId, from, to).changes;
      s.unstage.run(importId, from, to);
      return created;
    }),

  // 10,000 rows held the loop for 0.1 s of CPU once a million rows were indexed.
  transactionBatch: 5_000,

  insertTransactions: (db, importId, currency, rows, from, to) =>
    atOnce(() => {
      const { insertTransaction: one, insertTransactions: many } = st(db);
      const values: unknown[] = new Array(INSERT_ROWS * 5);
      let k = from;
      for (; k + INSERT_ROWS <= to; k += INSERT_ROWS) {
        for (let j = 0; j < INSERT_ROWS; j++) {
          const i = rows.order[k + j];
          values[j * 5] = importId;
          values[j * 5 + 1] = rows.customerIds[i];
          values[j * 5 + 2] = rows.dates[i];
          values[j * 5 + 3] = rows.amounts[i];
          values[j * 5 + 4] = currency;
        }
        many.run(values);
      }
      for (; k < to; k++) {
        const i = rows.order[k];
        one.run(importId, rows.customerIds[i], rows.dates[i], rows.amounts[i], currency);
      }
    }),

  setGivenFigures: (db, customerIds, lastAts, frequencies, monetaries, now) =>
    atOnce(() => {
      const update = st(db).setGivenFigures;
      for (let i = 0; i < customerIds.length; i++)
        update.run(lastAts[i], frequencies[i], monetaries[i], now, customerIds[i]);
    }),

  // The foreign key to customers refuses a transaction of an erased customer.
  dropErased: () => atOnce(() => undefined),

  byteOrder: (column: SQLWrapper) => sql`${column}`,
};
