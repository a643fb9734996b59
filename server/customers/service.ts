/** The customer register: listing and searching, one customer's full view, and upserts from a CRM. */
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type * as v from 'valibot';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { customers, customerTransactions } from '../db/tables';
import { notFound } from '../http/errors';
import { matchLocale } from '../../shared/i18n/locales';
import type { Role } from '../../shared/api/auth';
import type {
  CustomerDetail,
  CustomerList,
  CustomerListQuerySchema,
  CustomerSummary,
  CustomerUpsert,
  ValueOverview,
} from '../../shared/customers/schema';
import { SEGMENTS, valueMatrix, type Segment } from '../../shared/customers/value';
import { searchKey } from '../../shared/customers/search-key';
import { markStale, registerCurrency, valueSettings } from './settings';
import { COUNTED_IMPORT } from './counted';
import { seesContactsOf } from './visibility';
import { mergeAttributes } from './attributes';
import { statements } from './statements';
import { customerCases } from './customer-cases';
import { customerSurveys } from './customer-surveys';
import { valueHistory } from './value-history';
import { refuseSuppressed } from './suppression';

const COUNTED = sql.raw(COUNTED_IMPORT);

type Row = typeof customers.$inferSelect;

/** Who asks: a viewer reads the register without contact details, but for customers they own a case with. */
type Reader = { id: string; role: Role };

function summary(r: Row, contacts: boolean, tierNames: readonly string[]): CustomerSummary {
  return {
    id: r.id,
    externalId: r.externalId,
    name: r.name,
    email: contacts ? r.email : null,
    phone: contacts ? r.phone : null,
    language: r.language,
    segment: r.segment as Segment | null,
    tier: r.tier,
    tierName: r.tier === null ? null : (tierNames[r.tier] ?? null),
    monetary: r.monetary,
  };
}

/** `%` and `_` in a search are letters, not wildcards. */
const likePattern = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** A page of the register; the caller makes the values current first (`ensureValues`). */
export function* listCustomers(
  db: Sql,
  query: v.InferOutput<typeof CustomerListQuerySchema>,
  reader: Reader,
): Work<CustomerList> {
  const conditions: (SQL | undefined)[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    // Names by their folded key, so every letter matches in any case on both databases.
    const byName = sql`${customers.nameKey} like ${likePattern(searchKey(query.q))} escape '\\'`;
    // Viewers can't see e-mail addresses, so they can't search by them either.
    conditions.push(
      reader.role !== 'viewer'
        ? sql`(${byName} or lower(${customers.email}) like ${p} escape '\\' or lower(${customers.externalId}) like ${p} escape '\\')`
        : sql`(${byName} or lower(${customers.externalId}) like ${p} escape '\\')`,
    );
  }
  if (query.tier !== undefined) conditions.push(eq(customers.tier, query.tier));
  if (query.segment) conditions.push(eq(customers.segment, query.segment));
  const where = and(...conditions);
  const [{ total }] = yield* q(db.select({ total: count() }).from(customers).where(where));
  const rows = yield* q(
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(desc(customers.monetary), asc(statements.byteOrder(customers.externalId)))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  );
  const names = (yield* valueSettings(db)).tierNames;
  const sees = yield* seesContactsOf(db, reader);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    currency: yield* registerCurrency(db),
    customers: rows.map((r) => summary(r, sees(r.id), names)),
  };
}

/** Everything the customer page shows; the caller makes the values current first (`ensureValues`). */
export function* getCustomer(db: Sql, id: string, reader: Reader): Work<CustomerDetail> {
  const [r] = yield* q(db.select().from(customers).where(eq(customers.id, id)));
  if (!r) throw notFound('customer');
  const settings = yield* valueSettings(db);
  const currency = yield* registerCurrency(db);
  const [tx] = yield* q(
    db
      .select({
        count: count(),
        first: sql<number | null>`min(${customerTransactions.at})`.mapWith(Number),
        last: sql<number | null>`max(${customerTransactions.at})`.mapWith(Number),
        total: sql<number>`coalesce(sum(${customerTransactions.amount}), 0)`.mapWith(Number),
      })
      .from(customerTransactions)
      .where(and(eq(customerTransactions.customerId, id), COUNTED)),
  );
  const recent = yield* q(
    db
      .select({
        at: customerTransactions.at,
        amount: customerTransactions.amount,
        currency: customerTransactions.currency,
      })
      .from(customerTransactions)
      .where(and(eq(customerTransactions.customerId, id), COUNTED))
      .orderBy(desc(customerTransactions.at), desc(customerTransactions.id))
      .limit(20),
  );

  const sees = yield* seesContactsOf(db, reader);

  return {
    ...summary(r, sees(r.id), settings.tierNames),
    attributes: r.attributes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    value: {
      lastPurchaseAt: r.lastPurchaseAt,
      frequency: r.frequency,
      monetary: r.monetary,
      currency,
      r: r.rScore,
      f: r.fScore,
      m: r.mScore,
      segment: r.segment as Segment | null,
      tier: r.tier,
      tierName: r.tier === null ? null : (settings.tierNames[r.tier] ?? null),
    },
    transactions: { count: tx.count, first: tx.first, last: tx.last, total: tx.total, recent },
    cases: yield* customerCases(db, id, reader),
    valueHistory: yield* valueHistory(db, id, settings.tierNames),
    ...(yield* customerSurveys(db, r)),
  };
}

/**
 * Creates or updates the customer a CRM knows by `externalId`; fields left out keep their stored
 * value. The row is locked while it is merged, so two updates at once keep both's attributes; two
 * creations at once make one customer (the second, on the unique external id, updates it).
 */
export function* upsertCustomer(
  tx: Sql,
  externalId: string,
  input: CustomerUpsert,
  now: number,
): Work<{ created: boolean; id: string }> {
  yield* refuseSuppressed(tx, externalId, input.email);
  const language = input.language ? (matchLocale(input.language) ?? input.language) : input.language;
  const fields = {
    ...(input.name !== undefined && { name: input.name || null, nameKey: input.name ? searchKey(input.name) : null }),
    ...(input.email !== undefined && { email: input.email || null }),
    ...(input.phone !== undefined && { phone: input.phone || null }),
    ...(language !== undefined && { language: language || null }),
  };
  const [made] = yield* q(
    tx
      .insert(customers)
      .values({
        id: randomUUID(),
        externalId,
        ...fields,
        attributes: mergeAttributes({}, input.attributes ?? {}),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: customers.externalId })
      .returning({ id: customers.id }),
  );
  if (made) {
    // A new customer shifts everyone's ranks; an edited one's figures are unchanged.
    yield* markStale(tx, now);
    return { created: true, id: made.id };
  }
  const [found] = yield* q(forUpdate(tx.select().from(customers).where(eq(customers.externalId, externalId))));
  const attributes = input.attributes ? mergeAttributes(found.attributes, input.attributes) : found.attributes;
  yield* q(
    tx
      .update(customers)
      .set({ ...fields, attributes, updatedAt: now })
      .where(eq(customers.id, found.id)),
  );
  return { created: false, id: found.id };
}

/** Customers and revenue by tier and by segment; the caller makes the values current first (`ensureValues`). */
export function* valueOverview(db: Sql): Work<ValueOverview> {
  const settings = yield* valueSettings(db);
  const rows = yield* q(
    db
      .select({
        lastAt: customers.lastPurchaseAt,
        frequency: customers.frequency,
        monetary: customers.monetary,
        tier: customers.tier,
        segment: customers.segment,
      })
      .from(customers),
  );
  const tiers = settings.tierNames.map((name, tier) => ({ tier, name, customers: 0, revenue: 0 }));
  const segments = SEGMENTS.map((segment) => ({ segment, customers: 0, revenue: 0 }));
  let revenue = 0;
  for (const r of rows) {
    revenue += r.monetary;
    if (r.tier !== null && tiers[r.tier]) {
      tiers[r.tier].customers++;
      tiers[r.tier].revenue += r.monetary;
    }
    const s = segments.find((x) => x.segment === r.segment);
    if (s) {
      s.customers++;
      s.revenue += r.monetary;
    }
  }
  const { frequencyMedian, spendMedian, cells } = valueMatrix(rows);
  return {
    customers: rows.length,
    revenue,
    currency: yield* registerCurrency(db),
    settings,
    tiers,
    segments,
    matrix: { frequencyMedian, spendMedian, cells },
  };
}
