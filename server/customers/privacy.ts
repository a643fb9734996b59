/**
 * A customer's privacy: erasing them (their contact data and the link from their responses,
 * keeping the answers anonymous or deleting them), exporting everything held about them, and the
 * retention that erases contact details after a set number of days. Erasure overwrites what it
 * deletes (SQLite's secure_delete), so a backup made afterwards holds none of it; the audit log
 * records the request by the customer's internal id only.
 */
import type { Db } from '../db/client';
import { sqlOf } from '../db/sqlite-store';
import { notFound } from '../http/errors';
import { invalidate } from '../report/dataset';
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import { CUSTOMER_ID_FIELDS } from '../../shared/customers/fields';
import type { CustomerExport, ErasureMode, ErasureResult, Retention } from '../../shared/customers/schema';
import { COUNTED_IMPORT } from './value';
import { markStale, registerCurrency } from './settings';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface CustomerRow {
  id: string;
  externalId: string;
  email: string | null;
}

function customerRow(db: Db, id: string): CustomerRow {
  const r = db.$client.prepare('select id, external_id as externalId, email from customers where id = ?').get(id) as
    | CustomerRow
    | undefined;
  if (!r) throw notFound('customer');
  return r;
}

/** Whether a row's hidden fields name the customer by their CRM id (rows made before links were stored). */
function namesCustomer(hidden: string | null, externalId: string): boolean {
  const h = hidden ? (JSON.parse(hidden) as Record<string, unknown>) : {};
  return CUSTOMER_ID_FIELDS.some((k) => h[k] === externalId);
}

function withoutCustomerId(hidden: string | null): string {
  const h = hidden ? (JSON.parse(hidden) as Record<string, string>) : {};
  for (const k of CUSTOMER_ID_FIELDS) delete h[k];
  return JSON.stringify(h);
}

/** The quoted id, as it appears in a JSON text: a LIKE narrows the rows, `namesCustomer` decides. */
const likeQuoted = (externalId: string) => `%${JSON.stringify(externalId).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

interface ResponseRow {
  id: number;
  surveyId: string;
  versionId: number;
  answers: string;
  hidden: string | null;
  customerId: string | null;
}

function linkedResponses(db: Db, c: CustomerRow): ResponseRow[] {
  return (
    db.$client
      .prepare(`select id, survey_id as surveyId, version_id as versionId, answers, hidden, customer_id as customerId
        from responses where customer_id = ? or hidden like ? escape '\\'`)
      .all(c.id, likeQuoted(c.externalId)) as ResponseRow[]
  ).filter((r) => r.customerId === c.id || namesCustomer(r.hidden, c.externalId));
}

/** Contact questions of a version: their answers are contact data, erased with the customer. */
function contactQuestions(db: Db, versionId: number, cache: Map<number, string[]>): string[] {
  let ids = cache.get(versionId);
  if (!ids) {
    const def = JSON.parse(
      db.$client.prepare('select definition from survey_versions where id = ?').pluck().get(versionId) as string,
    ) as SurveyDefinition;
    ids = allQuestions(def)
      .filter((q) => q.type === 'contact')
      .map((q) => q.id);
    cache.set(versionId, ids);
  }
  return ids;
}

export async function eraseCustomer(db: Db, id: string, mode: ErasureMode, now: number): Promise<ErasureResult> {
  const sqlite = db.$client;
  const c = customerRow(db, id);
  const responses = linkedResponses(db, c);
  const surveys = new Set(responses.map((r) => r.surveyId));
  const invitations = (
    sqlite
      .prepare(`select id, survey_id as surveyId, hidden, customer_id as customerId, lower(email) as email
        from invitations where customer_id = ? or hidden like ? escape '\\' or (? is not null and lower(email) = ?)`)
      .all(c.id, likeQuoted(c.externalId), c.email, c.email?.toLowerCase() ?? null) as {
      id: string;
      surveyId: string;
      hidden: string;
      customerId: string | null;
      email: string | null;
    }[]
  ).filter(
    (i) =>
      i.customerId === c.id ||
      namesCustomer(i.hidden, c.externalId) ||
      (c.email !== null && i.email === c.email.toLowerCase()),
  );
  const versions = new Map<number, string[]>();
  // The connection overwrites what is deleted (secure_delete, server/db/client.ts), so no page of
  // the file, nor a backup of it, keeps the erased data.
  db.transaction(() => {
    if (mode === 'delete') {
      const remove = sqlite.prepare('delete from responses where id = ?');
      for (const r of responses) remove.run(r.id);
    } else {
      const anonymise = sqlite.prepare('update responses set answers = ?, hidden = ?, customer_id = null where id = ?');
      for (const r of responses) {
        const answers = JSON.parse(r.answers) as Record<string, unknown>;
        for (const q of contactQuestions(db, r.versionId, versions)) delete answers[q];
        anonymise.run(JSON.stringify(answers), withoutCustomerId(r.hidden), r.id);
      }
    }
    const forget = sqlite.prepare(
      'update invitations set name = null, email = null, hidden = ?, customer_id = null where id = ?',
    );
    for (const i of invitations) forget.run(withoutCustomerId(i.hidden), i.id);
    if (c.email) sqlite.prepare('delete from unsubscribes where email = ?').run(c.email.toLowerCase());
    sqlite.prepare('delete from customer_import_rows where external_id = ?').run(c.externalId);
    sqlite.prepare('delete from customers where id = ?').run(c.id);
    markStale(db, now);
  });
  // The report's cached columns hold the old hidden fields and answers: rebuilt from the rows.
  for (const s of surveys) invalidate(sqlOf(db), s);
  return { responses: responses.length, invitations: invitations.length, mode };
}

export async function exportCustomer(db: Db, id: string, now: number): Promise<CustomerExport> {
  const sqlite = db.$client;
  const c = customerRow(db, id);
  const customer = sqlite
    .prepare(`select external_id as externalId, name, email, phone, language, attributes, created_at as createdAt,
        updated_at as updatedAt, last_purchase_at as lastPurchaseAt, frequency, monetary, r_score as r, f_score as f,
        m_score as m, segment, tier from customers where id = ?`)
    .get(id) as Record<string, unknown> & { attributes: string };
  const transactions = sqlite
    .prepare(
      `select at, amount, currency from customer_transactions where customer_id = ? and ${COUNTED_IMPORT} order by at, id`,
    )
    .all(id) as CustomerExport['transactions'];
  const responses = linkedResponses(db, c);
  const full = responses.map(
    (r) =>
      sqlite
        .prepare(`select survey_id as surveyId, status, wave, lang, answers, hidden, started_at as startedAt,
          completed_at as completedAt from responses where id = ?`)
        .get(r.id) as Record<string, unknown> & { answers: string; hidden: string | null },
  );
  const invitations = sqlite
    .prepare(`select survey_id as surveyId, name, email, lang, hidden, status, sent_at as sentAt,
        reminded_at as remindedAt, created_at as createdAt, customer_id as customerId from invitations
      where customer_id = ? or hidden like ? escape '\\' order by created_at`)
    .all(id, likeQuoted(c.externalId)) as (Record<string, unknown> & { hidden: string; customerId: string | null })[];
  const ids = responses.map((r) => r.id);
  const cases = ids.length
    ? (sqlite
        .prepare(`select id, survey_id as surveyId, rule_name as rule, status, priority, opened_at as openedAt,
            resolved_at as resolvedAt
          from cases where response_id in (${ids.map(() => '?').join(', ')}) order by opened_at, id`)
        .all(...ids) as (Record<string, unknown> & { id: string })[])
    : [];
  const notes = sqlite.prepare(`select at, data from case_events where case_id = ? and kind = 'note' order by at, id`);
  return {
    exportedAt: now,
    currency: registerCurrency(db),
    customer: { ...customer, attributes: JSON.parse(customer.attributes) },
    transactions,
    invitations: invitations
      .filter((i) => i.customerId === id || namesCustomer(i.hidden, c.externalId))
      .map(({ customerId: _, ...i }) => ({ ...i, hidden: JSON.parse(i.hidden) })),
    responses: full.map((r) => ({ ...r, answers: JSON.parse(r.answers), hidden: JSON.parse(r.hidden ?? '{}') })),
    cases: cases.map((k) => ({
      ...k,
      notes: (notes.all(k.id) as { at: number; data: string }[]).map((n) => ({ at: n.at, ...JSON.parse(n.data) })),
    })),
    unsubscribed: c.email
      ? !!sqlite.prepare('select 1 from unsubscribes where email = ?').get(c.email.toLowerCase())
      : false,
  };
}

export function retention(db: Db): Retention {
  const days = db.$client.prepare('select retention_days from customer_settings where id = 1').pluck().get() as
    | number
    | null
    | undefined;
  return { retentionDays: days ?? null };
}

export async function saveRetention(db: Db, r: Retention, userId: string, now: number): Promise<void> {
  db.$client
    .prepare(`insert into customer_settings (id, retention_days, retention_run_at, updated_by, updated_at)
      values (1, ?, null, ?, ?)
      on conflict (id) do update set retention_days = excluded.retention_days, retention_run_at = null,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`)
    .run(r.retentionDays, userId, now);
  await applyRetention(db, now);
}

const BATCH = 2_000;

/**
 * Erases the contact details (name, e-mail, phone, and those of their invitations) of customers
 * no import or upsert has touched for the retention's days. At most once an hour, when the
 * register is read, and when the setting is saved; in batches, a turn of the event loop between.
 */
export async function applyRetention(db: Db, now: number): Promise<number> {
  const sqlite = db.$client;
  const s = sqlite
    .prepare('select retention_days as days, retention_run_at as runAt from customer_settings where id = 1')
    .get() as { days: number | null; runAt: number | null } | undefined;
  if (!s || s.days === null || (s.runAt !== null && now - s.runAt < HOUR)) return 0;
  sqlite.prepare('update customer_settings set retention_run_at = ? where id = 1').run(now);
  const due = sqlite
    .prepare(`select id from customers where updated_at < ?
      and (name is not null or email is not null or phone is not null) order by id`)
    .pluck()
    .all(now - s.days * DAY) as string[];
  const clear = sqlite.prepare('update customers set name = null, email = null, phone = null where id = ?');
  const clearInvitations = sqlite.prepare('update invitations set name = null, email = null where customer_id = ?');
  for (let start = 0; start < due.length; start += BATCH) {
    db.transaction(() => {
      for (const id of due.slice(start, start + BATCH)) {
        clear.run(id);
        clearInvitations.run(id);
      }
    });
    if (start + BATCH < due.length) await new Promise((r) => setImmediate(r));
  }
  return due.length;
}
