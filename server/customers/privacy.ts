/**
 * A customer's privacy: erasing them (their contact data and the link from their responses,
 * keeping the answers anonymous or deleting them), exporting everything held about them, and the
 * retention that erases contact details after a set number of days. On SQLite, erasure overwrites
 * what it deletes (secure_delete), so a backup made afterwards holds none of it; on PostgreSQL the
 * old row versions stay in the table's free space until VACUUM reuses it (docs/postgres.md). The
 * audit log records the request by the customer's internal id only.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { q, type Sql, type Store, type Work } from '../db/store';
import {
  caseEvents,
  cases,
  customerImportRows,
  customers,
  customerSettings,
  customerTransactions,
  invitations,
  responses,
  surveyVersions,
  unsubscribes,
} from '../db/tables';
import { notFound } from '../http/errors';
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import { CUSTOMER_ID_FIELDS } from '../../shared/customers/fields';
import type { CustomerExport, ErasureMode, ErasureResult, Retention } from '../../shared/customers/schema';
import { COUNTED_IMPORT } from './counted';
import { markStale, registerCurrency, valueSettings } from './settings';
import { valueHistory } from './value-history';
import { statements } from './statements';
import { purgeDeliveries, purgeNotes } from './erasure-purge';
import { suppress } from './suppression';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const COUNTED = sql.raw(COUNTED_IMPORT);

type CustomerRow = typeof customers.$inferSelect;

function* customerRow(db: Sql, id: string): Work<CustomerRow> {
  const [r] = yield* q(db.select().from(customers).where(eq(customers.id, id)));
  if (!r) throw notFound('customer');
  return r;
}

type Hidden = Record<string, unknown>;
const hiddenOf = (hidden: unknown): Hidden =>
  typeof hidden === 'string' ? (JSON.parse(hidden) as Hidden) : ((hidden as Hidden | null) ?? {});

/** Whether a row's hidden fields name the customer by their CRM id (rows made before links were stored). */
function namesCustomer(hidden: unknown, externalId: string): boolean {
  const h = hiddenOf(hidden);
  return CUSTOMER_ID_FIELDS.some((k) => h[k] === externalId);
}

function withoutCustomerId(hidden: unknown): Record<string, string> {
  const h = { ...hiddenOf(hidden) } as Record<string, string>;
  for (const k of CUSTOMER_ID_FIELDS) delete h[k];
  return h;
}

/** The quoted id, as it appears in a JSON text: a LIKE narrows the rows, `namesCustomer` decides. */
const likeQuoted = (externalId: string) => `%${JSON.stringify(externalId).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The customer's responses: linked to them, or naming them in a hidden field. */
function* linkedResponses(db: Sql, c: CustomerRow) {
  const rows = yield* q(
    db
      .select()
      .from(responses)
      .where(or(eq(responses.customerId, c.id), sql`${responses.hidden} like ${likeQuoted(c.externalId)} escape '\\'`))
      .orderBy(asc(responses.id)),
  );
  return rows.filter((r) => r.customerId === c.id || namesCustomer(r.hidden, c.externalId));
}

/** The customer's invitations: linked to them, naming them in a hidden field, or (`byEmail`) sent to their address. */
function* linkedInvitations(db: Sql, c: CustomerRow, byEmail: boolean) {
  const email = byEmail ? (c.email?.toLowerCase() ?? null) : null;
  const rows = yield* q(
    db
      .select()
      .from(invitations)
      .where(
        or(
          eq(invitations.customerId, c.id),
          sql`cast(${invitations.hidden} as text) like ${likeQuoted(c.externalId)} escape '\\'`,
          email === null ? undefined : sql`lower(${invitations.email}) = ${email}`,
        ),
      )
      .orderBy(asc(invitations.createdAt), asc(statements.byteOrder(invitations.id))),
  );
  return rows.filter(
    (i) =>
      i.customerId === c.id ||
      namesCustomer(i.hidden, c.externalId) ||
      (email !== null && i.email?.toLowerCase() === email),
  );
}

/** Contact questions of a version: their answers are contact data, erased with the customer. */
function* contactQuestions(db: Sql, versionId: number, cache: Map<number, string[]>): Work<string[]> {
  let ids = cache.get(versionId);
  if (!ids) {
    const [version] = yield* q(
      db.select({ definition: surveyVersions.definition }).from(surveyVersions).where(eq(surveyVersions.id, versionId)),
    );
    ids = allQuestions(version.definition as SurveyDefinition)
      .filter((x) => x.type === 'contact')
      .map((x) => x.id);
    cache.set(versionId, ids);
  }
  return ids;
}

/**
 * Erases a customer in one transaction: their responses anonymised (contact answers and the link
 * to them removed) or deleted, their invitations without name, address or link, their
 * unsubscription, staged import rows, value history and the customer row; webhook deliveries and
 * case notes that carry them (erasure-purge.ts); and puts them on the suppression list
 * (suppression.ts), so they are never imported, drawn or mailed again. Returns the surveys whose
 * responses changed, for the report to read again.
 */
export function* eraseCustomer(
  tx: Sql,
  id: string,
  mode: ErasureMode,
  now: number,
): Work<ErasureResult & { surveys: string[] }> {
  const c = yield* customerRow(tx, id);
  const linked = yield* linkedResponses(tx, c);
  const invited = yield* linkedInvitations(tx, c, true);
  const person = { name: c.name, email: c.email, phone: c.phone, responseIds: linked.map((r) => r.id) };
  const deliveries = yield* purgeDeliveries(tx, person);
  const notes = yield* purgeNotes(tx, person);
  yield* suppress(tx, c, now);
  if (mode === 'delete') {
    if (linked.length)
      yield* q(
        tx.delete(responses).where(
          inArray(
            responses.id,
            linked.map((r) => r.id),
          ),
        ),
      );
  } else {
    const versions = new Map<number, string[]>();
    for (const r of linked) {
      const answers = JSON.parse(r.answers) as Record<string, unknown>;
      for (const question of yield* contactQuestions(tx, r.versionId, versions)) delete answers[question];
      yield* q(
        tx
          .update(responses)
          .set({
            answers: JSON.stringify(answers),
            hidden: JSON.stringify(withoutCustomerId(r.hidden)),
            customerId: null,
          })
          .where(eq(responses.id, r.id)),
      );
    }
  }
  for (const i of invited)
    yield* q(
      tx
        .update(invitations)
        .set({ name: null, email: null, hidden: withoutCustomerId(i.hidden), customerId: null })
        .where(eq(invitations.id, i.id)),
    );
  if (c.email) yield* q(tx.delete(unsubscribes).where(eq(unsubscribes.email, c.email.toLowerCase())));
  yield* q(tx.delete(customerImportRows).where(eq(customerImportRows.externalId, c.externalId)));
  // PostgreSQL holds no foreign key from transactions to customers (pg-schema.ts): deleted here.
  yield* q(tx.delete(customerTransactions).where(eq(customerTransactions.customerId, c.id)));
  yield* q(tx.delete(customers).where(eq(customers.id, c.id)));
  yield* markStale(tx, now);
  return {
    responses: linked.length,
    invitations: invited.length,
    deliveries,
    notes,
    mode,
    surveys: [...new Set(linked.map((r) => r.surveyId))],
  };
}

export function* exportCustomer(db: Sql, id: string, now: number): Work<CustomerExport> {
  const c = yield* customerRow(db, id);
  const transactions = yield* q(
    db
      .select({
        at: customerTransactions.at,
        amount: customerTransactions.amount,
        currency: customerTransactions.currency,
      })
      .from(customerTransactions)
      .where(and(eq(customerTransactions.customerId, id), COUNTED))
      .orderBy(asc(customerTransactions.at), asc(customerTransactions.id)),
  );
  const linked = yield* linkedResponses(db, c);
  const invited = yield* linkedInvitations(db, c, false);
  const ids = linked.map((r) => r.id);
  const held = ids.length
    ? yield* q(
        db
          .select({
            id: cases.id,
            surveyId: cases.surveyId,
            rule: cases.ruleName,
            status: cases.status,
            priority: cases.priority,
            complaintType: cases.complaintType,
            severity: cases.severity,
            openedAt: cases.openedAt,
            resolvedAt: cases.resolvedAt,
          })
          .from(cases)
          .where(inArray(cases.responseId, ids))
          .orderBy(asc(cases.openedAt), asc(statements.byteOrder(cases.id))),
      )
    : [];
  const notes = held.length
    ? yield* q(
        db
          .select({ caseId: caseEvents.caseId, at: caseEvents.at, data: caseEvents.data })
          .from(caseEvents)
          .where(
            and(
              inArray(
                caseEvents.caseId,
                held.map((k) => k.id),
              ),
              eq(caseEvents.kind, 'note'),
            ),
          )
          .orderBy(asc(caseEvents.at), asc(caseEvents.id)),
      )
    : [];
  const [unsubscribed] = c.email
    ? yield* q(
        db
          .select({ email: unsubscribes.email })
          .from(unsubscribes)
          .where(eq(unsubscribes.email, c.email.toLowerCase())),
      )
    : [];
  return {
    exportedAt: now,
    currency: yield* registerCurrency(db),
    customer: {
      externalId: c.externalId,
      name: c.name,
      email: c.email,
      phone: c.phone,
      language: c.language,
      attributes: c.attributes,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      lastPurchaseAt: c.lastPurchaseAt,
      frequency: c.frequency,
      monetary: c.monetary,
      r: c.rScore,
      f: c.fScore,
      m: c.mScore,
      segment: c.segment,
      tier: c.tier,
    },
    transactions,
    valueHistory: yield* valueHistory(db, id, (yield* valueSettings(db)).tierNames, null),
    invitations: invited.map((i) => ({
      surveyId: i.surveyId,
      name: i.name,
      email: i.email,
      lang: i.lang,
      hidden: i.hidden,
      status: i.status,
      sentAt: i.sentAt,
      remindedAt: i.remindedAt,
      createdAt: i.createdAt,
    })),
    responses: linked.map((r) => ({
      surveyId: r.surveyId,
      status: r.status,
      wave: r.wave,
      lang: r.lang,
      answers: JSON.parse(r.answers),
      hidden: hiddenOf(r.hidden),
      startedAt: r.startedAt,
      completedAt: r.completedAt,
    })),
    cases: held.map((k) => ({
      ...k,
      notes: notes.filter((n) => n.caseId === k.id).map((n) => ({ at: n.at, ...(n.data as Record<string, unknown>) })),
    })),
    unsubscribed: !!unsubscribed,
  };
}

export function* retention(db: Sql): Work<Retention> {
  const [row] = yield* q(
    db.select({ days: customerSettings.retentionDays }).from(customerSettings).where(eq(customerSettings.id, 1)),
  );
  return { retentionDays: row?.days ?? null };
}

export function* saveRetention(db: Sql, r: Retention, userId: string, now: number): Work<void> {
  yield* q(
    db
      .insert(customerSettings)
      .values({ id: 1, retentionDays: r.retentionDays, retentionRunAt: null, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({
        target: customerSettings.id,
        set: { retentionDays: r.retentionDays, retentionRunAt: null, updatedBy: userId, updatedAt: now },
      }),
  );
}

const BATCH = 2_000;

/**
 * Erases the contact details (name, e-mail, phone, and those of their invitations) of customers
 * no import or upsert has touched for the retention's days. At most once an hour, when the
 * register is read, and when the setting is saved: the hour is claimed by one conditional update,
 * so of several nodes reading at once one runs it. In batches, a turn of the event loop between.
 */
export async function applyRetention(store: Store, now: number): Promise<number> {
  const runDue = and(
    eq(customerSettings.id, 1),
    isNotNull(customerSettings.retentionDays),
    or(sql`${customerSettings.retentionRunAt} is null`, lt(customerSettings.retentionRunAt, now - HOUR + 1)),
  );
  // Read first: most reads of the register find nothing due, and need not write.
  const [isDue] = await store.run((db) =>
    q(db.select({ id: customerSettings.id }).from(customerSettings).where(runDue)),
  );
  if (!isDue) return 0;
  const [claimed] = await store.run((db) =>
    q(
      db
        .update(customerSettings)
        .set({ retentionRunAt: now })
        .where(runDue)
        .returning({ days: customerSettings.retentionDays }),
    ),
  );
  if (!claimed) return 0;
  const before = now - claimed.days! * DAY;
  let erased = 0;
  for (;;) {
    const ids = await store.transaction(function* (tx) {
      const due = yield* q(
        tx
          .select({ id: customers.id })
          .from(customers)
          .where(
            and(
              lt(customers.updatedAt, before),
              or(isNotNull(customers.name), isNotNull(customers.email), isNotNull(customers.phone)),
            ),
          )
          .limit(BATCH),
      );
      const part = due.map((d) => d.id);
      if (!part.length) return part;
      yield* q(
        tx
          .update(customers)
          .set({ name: null, nameKey: null, email: null, phone: null })
          .where(inArray(customers.id, part)),
      );
      yield* q(tx.update(invitations).set({ name: null, email: null }).where(inArray(invitations.customerId, part)));
      return part;
    });
    erased += ids.length;
    if (ids.length < BATCH) return erased;
    await nextTurn();
  }
}
