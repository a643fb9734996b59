/** The customer register: listing and searching, one customer's full view, and upserts from a CRM. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type * as v from 'valibot';
import type { Db } from '../db/client';
import { customers, customerTransactions, invitations, responses, surveys } from '../db/schema';
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
import { markStale, registerCurrency, valueSettings } from './settings';
import { COUNTED_IMPORT, ensureValues } from './value';
import { seesContactsOf } from './visibility';

const COUNTED = sql.raw(COUNTED_IMPORT);
import { mergeAttributes } from './import-customers';

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

export async function listCustomers(
  db: Db,
  query: v.InferOutput<typeof CustomerListQuerySchema>,
  reader: Reader,
): Promise<CustomerList> {
  await ensureValues(db);
  const conditions: (SQL | undefined)[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    // Viewers can't see e-mail addresses, so they can't search by them either.
    conditions.push(
      reader.role !== 'viewer'
        ? sql`(lower(${customers.name}) like ${p} escape '\\' or lower(${customers.email}) like ${p} escape '\\' or lower(${customers.externalId}) like ${p} escape '\\')`
        : sql`(lower(${customers.name}) like ${p} escape '\\' or lower(${customers.externalId}) like ${p} escape '\\')`,
    );
  }
  if (query.tier !== undefined) conditions.push(eq(customers.tier, query.tier));
  if (query.segment) conditions.push(eq(customers.segment, query.segment));
  const where = and(...conditions);
  const total = db.select({ n: sql<number>`count(*)` }).from(customers).where(where).get()!.n;
  const rows = db
    .select()
    .from(customers)
    .where(where)
    .orderBy(desc(customers.monetary), asc(customers.externalId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const names = valueSettings(db).tierNames;
  const sees = seesContactsOf(db, reader);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    currency: registerCurrency(db),
    customers: rows.map((r) => summary(r, sees(r.id), names)),
  };
}

const HIDDEN_KEYS = ['customer_id', 'customerId'];

/** Rows whose hidden fields name this customer: a text match narrows them in SQL, the JSON decides. */
function linkedTo(externalId: string, hidden: unknown): boolean {
  const h = (typeof hidden === 'string' ? JSON.parse(hidden) : hidden) as Record<string, unknown> | null;
  return !!h && HIDDEN_KEYS.some((k) => h[k] === externalId);
}

function surveyTitles(db: Db, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const row = db.select({ draft: surveys.draft }).from(surveys).where(eq(surveys.id, id)).get();
    const def = row?.draft as { title?: Record<string, string>; defaultLanguage?: string } | undefined;
    out.set(id, def?.title?.[def.defaultLanguage ?? 'en'] ?? Object.values(def?.title ?? {})[0] ?? '');
  }
  return out;
}

export async function getCustomer(db: Db, id: string, reader: Reader): Promise<CustomerDetail> {
  await ensureValues(db);
  const r = db.select().from(customers).where(eq(customers.id, id)).get();
  if (!r) throw notFound('customer');
  const settings = valueSettings(db);
  const currency = registerCurrency(db);
  const tx = db
    .select({
      count: sql<number>`count(*)`,
      first: sql<number | null>`min(${customerTransactions.at})`,
      last: sql<number | null>`max(${customerTransactions.at})`,
      total: sql<number>`coalesce(sum(${customerTransactions.amount}), 0)`,
    })
    .from(customerTransactions)
    .where(and(eq(customerTransactions.customerId, id), COUNTED))
    .get()!;
  const recent = db
    .select({
      at: customerTransactions.at,
      amount: customerTransactions.amount,
      currency: customerTransactions.currency,
    })
    .from(customerTransactions)
    .where(and(eq(customerTransactions.customerId, id), COUNTED))
    .orderBy(desc(customerTransactions.at), desc(customerTransactions.id))
    .limit(20)
    .all();

  // A JSON string holds the id quoted; the LIKE only narrows, linkedTo decides.
  const pattern = `%${JSON.stringify(r.externalId).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const inv = db
    .select({
      surveyId: invitations.surveyId,
      status: invitations.status,
      createdAt: invitations.createdAt,
      hidden: invitations.hidden,
      customerId: invitations.customerId,
    })
    .from(invitations)
    .where(sql`${invitations.customerId} = ${id} or ${invitations.hidden} like ${pattern} escape '\\'`)
    .orderBy(asc(invitations.createdAt))
    .all()
    .filter((i) => i.customerId === id || linkedTo(r.externalId, i.hidden));
  const resp = db
    .select({
      surveyId: responses.surveyId,
      status: responses.status,
      wave: responses.wave,
      completedAt: responses.completedAt,
      hidden: responses.hidden,
      customerId: responses.customerId,
    })
    .from(responses)
    .where(
      and(
        sql`(${responses.customerId} = ${id} or ${responses.hidden} like ${pattern} escape '\\')`,
        eq(responses.isTest, false),
      ),
    )
    .orderBy(asc(responses.startedAt))
    .all()
    .filter((x) => x.customerId === id || linkedTo(r.externalId, x.hidden));
  const titles = surveyTitles(db, [...inv.map((i) => i.surveyId), ...resp.map((x) => x.surveyId)]);

  return {
    ...summary(r, seesContactsOf(db, reader)(r.id), settings.tierNames),
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
    invitations: inv.map((i) => ({
      surveyId: i.surveyId,
      surveyTitle: titles.get(i.surveyId) ?? '',
      status: i.status,
      createdAt: i.createdAt,
    })),
    responses: resp.map((x) => ({
      surveyId: x.surveyId,
      surveyTitle: titles.get(x.surveyId) ?? '',
      status: x.status,
      wave: x.wave,
      completedAt: x.completedAt,
    })),
  };
}

/** Creates or updates the customer a CRM knows by `externalId`; fields left out keep their stored value. */
export async function upsertCustomer(
  db: Db,
  externalId: string,
  input: CustomerUpsert,
  reader: Reader,
  now: number,
): Promise<{ created: boolean; customer: CustomerDetail }> {
  const found = db.select().from(customers).where(eq(customers.externalId, externalId)).get();
  const language = input.language ? (matchLocale(input.language) ?? input.language) : input.language;
  const fields = {
    ...(input.name !== undefined && { name: input.name || null }),
    ...(input.email !== undefined && { email: input.email || null }),
    ...(input.phone !== undefined && { phone: input.phone || null }),
    ...(language !== undefined && { language: language || null }),
  };
  let id: string;
  db.transaction((tx) => {
    if (found) {
      id = found.id;
      const attributes = input.attributes ? mergeAttributes(found.attributes, input.attributes) : found.attributes;
      tx.update(customers)
        .set({ ...fields, attributes, updatedAt: now })
        .where(eq(customers.id, found.id))
        .run();
    } else {
      id = randomUUID();
      tx.insert(customers)
        .values({
          id,
          externalId,
          ...fields,
          attributes: mergeAttributes({}, input.attributes ?? {}),
          createdAt: now,
          updatedAt: now,
        })
        .run();
      // A new customer shifts everyone's ranks; an edited one's figures are unchanged.
      markStale(db, now);
    }
  });
  return { created: !found, customer: await getCustomer(db, id!, reader) };
}

/** Customers and revenue by tier and by segment, and the frequency × average-spend matrix. */
export async function valueOverview(db: Db): Promise<ValueOverview> {
  await ensureValues(db);
  const settings = valueSettings(db);
  const rows = db
    .select({
      lastAt: customers.lastPurchaseAt,
      frequency: customers.frequency,
      monetary: customers.monetary,
      tier: customers.tier,
      segment: customers.segment,
    })
    .from(customers)
    .all();
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
    currency: registerCurrency(db),
    settings,
    tiers,
    segments,
    matrix: { frequencyMedian, spendMedian, cells },
  };
}
