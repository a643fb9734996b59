/**
 * The register's bulk statements on PostgreSQL: each batch is one statement over arrays
 * (`unnest`), so 10,000 rows cost one round trip, and the one aggregate over every customer is a
 * single query (it holds no event loop here, only the database's time). Values are written only
 * where they changed (`storedKey`): sending 100,000 unchanged rows cost more than reading them.
 * Transactions go in by COPY (server/db/pg-copy.ts), 100,000 rows a transaction.
 */
import { randomUUID } from 'node:crypto';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { copyRows, copyText } from '../db/pg-copy';
import { exclusive, LOCKS, q, type Sql } from '../db/store';
import { searchKey } from '../../shared/customers/search-key';
import { mergeAttributes } from './attributes';
import { COUNTED_IMPORT } from './counted';
import type { CustomerStatements, Figures } from './statements';
import { storedKey, valueKey } from './value-key';

const BATCH = 10_000;

/** An array as one parameter (Drizzle's template would spread it into a list). */
const list = (values: readonly unknown[]) => sql.param(values);

/** The rows of a raw statement, inside a unit of work. */
function* rows<T>(db: Sql, query: SQL) {
  const result = yield* q((db as unknown as PgDatabase<PgQueryResultHKT>).execute(query));
  return (result as unknown as { rows: T[] }).rows;
}

export const pgStatements: CustomerStatements = {
  async figures(store, aggregate) {
    const stored = `concat_ws('|', coalesce(c.last_purchase_at::text, ''), c.frequency, c.monetary,
        coalesce(c.r_score::text, ''), coalesce(c.f_score::text, ''), coalesce(c.m_score::text, ''),
        coalesce(c.segment, ''), coalesce(c.tier::text, '')) as stored,
      concat_ws('|', c.monetary, coalesce(c.r_score::text, ''), coalesce(c.f_score::text, ''),
        coalesce(c.m_score::text, ''), coalesce(c.segment, ''), coalesce(c.tier::text, '')) as was`;
    // Transactions aggregated per customer first, then joined: a join first sorted all of them.
    const query = aggregate
      ? `with t as (
            select customer_id, max(at) as last_at, count(*) as n, sum(amount) as total
            from customer_transactions where ${COUNTED_IMPORT}
            group by customer_id)
          select c.id as id, coalesce(c.given_last_at, t.last_at) as "lastAt",
            coalesce(c.given_frequency, t.n, 0) as frequency, coalesce(c.given_monetary, t.total, 0) as monetary,
            ${stored}
          from customers c left join t on t.customer_id = c.id`
      : `select c.id as id, coalesce(c.given_last_at, c.last_purchase_at) as "lastAt",
            coalesce(c.given_frequency, c.frequency) as frequency, coalesce(c.given_monetary, c.monetary) as monetary,
            ${stored}
          from customers c`;
    // Aggregates of bigint columns arrive as text from a raw query.
    const read = await store.run((db) =>
      rows<{
        id: string;
        lastAt: string | null;
        frequency: string | number;
        monetary: string;
        stored: string;
        was: string;
      }>(db, sql.raw(query)),
    );
    return read.map(
      (r): Figures => ({
        id: r.id,
        lastAt: r.lastAt === null ? null : Number(r.lastAt),
        frequency: Number(r.frequency),
        monetary: Number(r.monetary),
        stored: r.stored,
        was: r.was,
      }),
    );
  },

  async writeValues(store, all, v, now) {
    // Only the customers whose values changed: after most changes to the register, few of them.
    const changed: number[] = [];
    for (let i = 0; i < all.length; i++) if (storedKey(all, v, i) !== all[i].stored) changed.push(i);
    for (let start = 0; start < changed.length; start += BATCH) {
      const part = changed.slice(start, start + BATCH);
      const column = <T>(of: (i: number) => T) => list(part.map(of));
      await store.transaction(function* (tx) {
        // Bulk writes of customers take turns (import-customers.ts writes them too): rows locked in
        // different orders by two batches at once could deadlock.
        yield* q(exclusive(tx, LOCKS.customerRows));
        // The history first, against the values stored now under the lock: a node that recomputed
        // the same change a moment earlier has written its line and its values, and this one adds none.
        const moved = part.filter((i) => valueKey(all, v, i) !== all[i].was);
        if (moved.length) {
          const of = <T>(pick: (i: number) => T) => list(moved.map(pick));
          yield* rows(
            tx,
            sql`insert into customer_value_history (customer_id, at, monetary, r_score, f_score, m_score, segment, tier)
            select v.id, ${now}::bigint, v.monetary, v.r, v.f, v.m, v.segment, v.tier
            from unnest(${of((i) => all[i].id)}::text[], ${of((i) => all[i].monetary)}::bigint[],
              ${of((i) => v.r[i])}::integer[], ${of((i) => v.f[i])}::integer[], ${of((i) => v.m[i])}::integer[],
              ${of((i) => v.segments[i])}::text[], ${of((i) => v.tiers[i])}::integer[])
              as v(id, monetary, r, f, m, segment, tier)
            join customers c on c.id = v.id
            where (c.monetary, c.r_score, c.f_score, c.m_score, c.segment, c.tier)
              is distinct from (v.monetary, v.r, v.f, v.m, v.segment, v.tier)`,
          );
        }
        yield* rows(
          tx,
          sql`update customers c set last_purchase_at = v.last_at, frequency = v.frequency, monetary = v.monetary,
            r_score = v.r, f_score = v.f, m_score = v.m, segment = v.segment, tier = v.tier
          from unnest(${column((i) => all[i].id)}::text[], ${column((i) => all[i].lastAt)}::bigint[],
            ${column((i) => all[i].frequency)}::integer[], ${column((i) => all[i].monetary)}::bigint[],
            ${column((i) => v.r[i])}::integer[], ${column((i) => v.f[i])}::integer[], ${column((i) => v.m[i])}::integer[],
            ${column((i) => v.segments[i])}::text[], ${column((i) => v.tiers[i])}::integer[])
            as v(id, last_at, frequency, monetary, r, f, m, segment, tier)
          where c.id = v.id`,
        );
      });
    }
  },

  *stage(db, importId, file, from, to) {
    const part = file.slice(from, to);
    const stored = yield* rows<{ id: string; externalId: string; attributes: Record<string, string> }>(
      db,
      sql`select id, external_id as "externalId", attributes from customers
        where external_id = any(${list(part.map((r) => r.externalId))}::text[])`,
    );
    const byExternalId = new Map(stored.map((s) => [s.externalId, s]));
    const found = part.map((r) => byExternalId.get(r.externalId));
    yield* rows(
      db,
      sql`insert into customer_import_rows
          (import_id, position, customer_id, external_id, name, name_key, email, phone, language, attributes)
        select ${importId}::integer, * from unnest(${list(part.map((_, i) => from + i))}::integer[],
          ${list(found.map((f) => f?.id ?? randomUUID()))}::text[], ${list(part.map((r) => r.externalId))}::text[],
          ${list(part.map((r) => r.name))}::text[], ${list(part.map((r) => (r.name === null ? null : searchKey(r.name))))}::text[],
          ${list(part.map((r) => r.email))}::text[], ${list(part.map((r) => r.phone))}::text[],
          ${list(part.map((r) => r.language))}::text[],
          ${list(part.map((r, i) => JSON.stringify(mergeAttributes(found[i]?.attributes ?? {}, r.attributes))))}::text[])`,
    );
  },

  *applyStaged(db, importId, from, to, now) {
    // One upsert, in external-id order so that two files applied at once lock customers in the same order.
    const applied = yield* rows<{ created: boolean }>(
      db,
      sql`insert into customers (id, external_id, name, name_key, email, phone, language, attributes, created_at, updated_at)
        select s.customer_id, s.external_id, s.name, s.name_key, s.email, s.phone, s.language, s.attributes::json, ${now}::bigint, ${now}::bigint
        from customer_import_rows s
        where s.import_id = ${importId} and s.position >= ${from} and s.position < ${to}
        order by s.external_id
        on conflict (external_id) do update set name = excluded.name, name_key = excluded.name_key, email = excluded.email, phone = excluded.phone,
          language = excluded.language, attributes = excluded.attributes, updated_at = excluded.updated_at
        returning (xmax = 0) as created`,
    );
    yield* rows(
      db,
      sql`delete from customer_import_rows where import_id = ${importId} and position >= ${from} and position < ${to}`,
    );
    return applied.filter((r) => r.created).length;
  },

  transactionBatch: 100_000,

  *insertTransactions(db, importId, currency, file, from, to) {
    const { order, customerIds, dates, amounts } = file;
    const tail = `\t${copyText(currency)}\n`;
    yield* q(
      copyRows(db, 'customer_transactions (import_id, customer_id, at, amount, currency)', to - from, (k) => {
        const i = order[from + k];
        return `${importId}\t${copyText(customerIds[i])}\t${dates[i]}\t${amounts[i]}${tail}`;
      }),
    );
  },

  *setGivenFigures(db, customerIds, lastAts, frequencies, monetaries, now) {
    for (let start = 0; start < customerIds.length; start += BATCH) {
      const end = start + BATCH;
      yield* rows(
        db,
        sql`update customers c set given_last_at = v.last_at, given_frequency = v.frequency,
            given_monetary = v.monetary, updated_at = ${now}
          from unnest(${list(customerIds.slice(start, end))}::text[], ${list(lastAts.slice(start, end))}::bigint[],
            ${list(frequencies.slice(start, end))}::integer[], ${list(monetaries.slice(start, end))}::bigint[])
            as v(id, last_at, frequency, monetary)
          where c.id = v.id`,
      );
    }
  },

  *dropErased(db, importId, file) {
    // The file's customers that are gone, looked up by id: a scan of the import's million rows for
    // customers without a row took 1.3 s. The rows are grouped by customer, so each shows up once.
    const named: string[] = [];
    for (const i of file.order) if (file.customerIds[i] !== named[named.length - 1]) named.push(file.customerIds[i]);
    const gone = yield* rows<{ id: string }>(
      db,
      sql`select x.id from unnest(${list(named)}::text[]) as x(id)
        where not exists (select 1 from customers c where c.id = x.id)`,
    );
    if (gone.length)
      yield* rows(
        db,
        sql`delete from customer_transactions where import_id = ${importId}
          and customer_id = any(${list(gone.map((g) => g.id))}::text[])`,
      );
  },

  byteOrder: (column: SQLWrapper) => sql`${column} collate "C"`,
};
