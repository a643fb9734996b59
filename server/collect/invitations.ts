/** Personal invitations: importing a contact list, listing them, and the files made from them. */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql, count } from 'drizzle-orm';
import { invitations } from '../db/tables';
import { q, type Sql, type Store, type Work } from '../db/store';
import { writeCsv } from '../http/csv';
import { AppError } from '../http/errors';
import { surveyRow } from '../survey/service';
import { insertionOrder } from '../alerts/dialect-sql';
import { orderedId } from '../alerts/ordered-id';
import { parseContacts } from './contacts';
import { linksByExternalIds } from '../customers/links';
import { CUSTOMER_ID_FIELDS, customerIdIn } from '../../shared/customers/fields';
import {
  BOUNCE_PREFIX,
  INVITATION_STATUSES,
  isBounced,
  type ImportResult,
  type ImportRowError,
  type Invitation,
  type InvitationList,
  type InvitationStatus,
} from '../../shared/api/collect';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { suppressionList } from '../customers/suppression';

/** 128 random bits: unguessable, and short enough for a link in an SMS. */
export const newToken = () => randomBytes(16).toString('base64url');

/**
 * The personal link in e-mails, mail-merge files and QR codes: short (`/i/<token>`, which the
 * server sends on to the survey: server/collect/page.ts), so it survives being typed or wrapped.
 */
export const invitationLink = (base: string, token: string) => `${base.replace(/\/$/, '')}/i/${token}`;

/**
 * Ids for one file's contacts that sort in the order of imports, then of the file: rows of one import share createdAt,
 * and PostgreSQL keeps no order of writing to tell them apart (server/alerts/dialect-sql.ts).
 */
const importIds = () => {
  const batch = orderedId(6);
  return (i: number) => `${batch}${i.toString(36).padStart(4, '0')}`;
};

/** Rows a statement carries at most: within both databases' limits on parameters. */
const CHUNK = 500;
const chunks = <T>(xs: readonly T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Imports every contact of the file or none: one faulty row refuses the whole file (400, every
 * faulty row listed), so a corrected file can be uploaded again without duplicates.
 */
export async function importContacts(store: Store, surveyId: string, csv: string, now: number): Promise<ImportResult> {
  const survey = await store.run((db) => surveyRow(db, surveyId));
  const def = survey.draft as SurveyDefinition;
  const parsed = parseContacts(csv, def.hiddenFields, def.languages);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError(400, 'invalid-contacts', `line ${first.line}: ${first.message}`, 'csv', parsed.errors, {
      line: first.line,
    });
  }
  const { contacts } = parsed;
  return store.transaction(function* (tx) {
    const emails = contacts.map((c) => c.email?.toLowerCase()).filter((e): e is string => !!e);
    const already = new Set<string>();
    for (const part of chunks(emails)) {
      const found = yield* q(
        tx
          .select({ email: sql<string>`lower(${invitations.email})` })
          .from(invitations)
          .where(and(eq(invitations.surveyId, surveyId), inArray(sql`lower(${invitations.email})`, part))),
      );
      for (const r of found) already.add(r.email);
    }
    const dupes = contacts.filter((c) => c.email && already.has(c.email.toLowerCase()));
    if (dupes.length) {
      const errors: ImportRowError[] = dupes.map((c) => ({
        line: c.line,
        column: 'email',
        code: 'already-invited',
        params: { value: c.email! },
        message: `${c.email} is already invited to this survey`,
      }));
      throw new AppError(400, 'invalid-contacts', `line ${errors[0].line}: ${errors[0].message}`, 'csv', errors, {
        line: errors[0].line,
      });
    }
    yield* refuseErased(tx, contacts);
    // A contact whose customer_id the register knows is linked to that customer and carries their tier and segment.
    const links = yield* linksByExternalIds(
      tx,
      contacts.map((c) => customerIdIn(c.hidden)).filter((id): id is string => id !== null),
    );
    const idOf = importIds();
    for (const [k, part] of chunks(contacts).entries()) {
      yield* q(
        tx.insert(invitations).values(
          part.map((c, i) => {
            const external = customerIdIn(c.hidden);
            const link = external === null ? undefined : links.get(external);
            return {
              id: idOf(k * CHUNK + i),
              surveyId,
              token: newToken(),
              name: c.name,
              email: c.email,
              lang: c.lang,
              hidden: link ? { ...c.hidden, ...link.fields } : c.hidden,
              customerId: link?.customerId ?? null,
              createdAt: now,
              updatedAt: now,
            };
          }),
        ),
      );
    }
    return { imported: contacts.length, hiddenFields: parsed.hiddenFields };
  });
}

/** Contacts who are customers erased on request, by address or customer id: the file is refused, naming their lines. */
type Contact = Extract<ReturnType<typeof parseContacts>, { ok: true }>['contacts'][number];

function* refuseErased(tx: Sql, contacts: readonly Contact[]): Work<void> {
  const suppressed = yield* suppressionList(tx);
  if (!suppressed) return;
  const errors: ImportRowError[] = [];
  for (const c of contacts) {
    const id = customerIdIn(c.hidden);
    const column =
      c.email && suppressed('email', c.email)
        ? 'email'
        : id && suppressed('id', id)
          ? CUSTOMER_ID_FIELDS.find((k) => c.hidden[k]?.trim() === id)
          : null;
    if (column)
      errors.push({
        line: c.line,
        column,
        code: 'erased',
        message: 'this customer was erased on request and cannot be invited again',
      });
  }
  if (errors.length)
    throw new AppError(400, 'invalid-contacts', `line ${errors[0].line}: ${errors[0].message}`, 'csv', errors, {
      line: errors[0].line,
    });
}

/** One invitation's short link (for its QR code); 404 when the survey has no such invitation. */
export function* personalLink(db: Sql, surveyId: string, invitationId: string, base: string): Work<string> {
  yield* surveyRow(db, surveyId);
  const [row] = yield* q(
    db
      .select({ token: invitations.token })
      .from(invitations)
      .where(and(eq(invitations.surveyId, surveyId), eq(invitations.id, invitationId))),
  );
  if (!row)
    throw new AppError(404, 'not-found', `no invitation ${invitationId} in this survey`, 'invitationId', undefined, {
      what: 'invitation',
    });
  return invitationLink(base, row.token);
}

type Row = typeof invitations.$inferSelect;
const toApi = (r: Row, base: string): Invitation => ({
  id: r.id,
  name: r.name,
  email: r.email,
  lang: r.lang,
  hidden: r.hidden,
  status: r.status,
  link: invitationLink(base, r.token),
  sentAt: r.sentAt,
  remindedAt: r.remindedAt,
  lastError: r.lastError,
  createdAt: r.createdAt,
});

export function* listInvitations(
  db: Sql,
  surveyId: string,
  base: string,
  status?: InvitationStatus,
): Work<InvitationList> {
  yield* surveyRow(db, surveyId);
  const rows = yield* q(
    db
      .select()
      .from(invitations)
      .where(and(eq(invitations.surveyId, surveyId), status ? eq(invitations.status, status) : undefined))
      .orderBy(asc(invitations.createdAt), insertionOrder(invitations)),
  );
  const agg = yield* q(
    db
      .select({
        status: invitations.status,
        n: count(),
        sent: sql<number>`count(${invitations.sentAt})`.mapWith(Number),
        failed:
          sql<number>`count(case when ${invitations.lastError} is not null and ${BOUNCED} = 0 then 1 end)`.mapWith(
            Number,
          ),
        bounced: sql<number>`sum(${BOUNCED})`.mapWith(Number),
      })
      .from(invitations)
      .where(eq(invitations.surveyId, surveyId))
      .groupBy(invitations.status),
  );
  const counts = Object.fromEntries(INVITATION_STATUSES.map((s) => [s, 0])) as InvitationList['counts'];
  counts.total = counts.sent = counts.failed = counts.bounced = 0;
  for (const a of agg) {
    counts[a.status] = a.n;
    counts.total += a.n;
    counts.sent += a.sent;
    counts.failed += a.failed;
    counts.bounced += a.bounced;
  }
  return { counts, invitations: rows.map((r) => toApi(r, base)) };
}

/**
 * The list as a viewer sees it: statuses and counts, without who was invited or the personal
 * links (a link is its invitee's key to their answers). A send error can name the address, so
 * only its kind is kept.
 */
export function withoutContacts(list: InvitationList): InvitationList {
  return {
    counts: list.counts,
    invitations: list.invitations.map((i) => ({
      ...i,
      name: null,
      email: null,
      hidden: {},
      link: null,
      lastError: i.lastError === null ? null : isBounced(i.lastError) ? BOUNCE_PREFIX : 'not sent',
    })),
  };
}

/** Whether an invitation bounced after sending (shared/api/collect.ts BOUNCE_PREFIX), as SQL. */
export const BOUNCED = sql<number>`case when ${invitations.lastError} like ${`${BOUNCE_PREFIX}%`} then 1 else 0 end`;

/** Everyone who has not finished: the list for reminders. */
export const PENDING: InvitationStatus[] = ['not-started', 'started'];

/** A mail-merge file (name, e-mail, language, personal link, hidden fields); `pending` keeps only who hasn't answered. */
export function* invitationsCsv(db: Sql, surveyId: string, base: string, pending: boolean): Work<string> {
  const survey = yield* surveyRow(db, surveyId);
  const def = survey.draft as SurveyDefinition;
  const rows = yield* q(
    db
      .select()
      .from(invitations)
      .where(and(eq(invitations.surveyId, surveyId), pending ? inArray(invitations.status, PENDING) : undefined))
      .orderBy(asc(invitations.createdAt), insertionOrder(invitations)),
  );
  const fields = def.hiddenFields.filter((f) => rows.some((r) => f in r.hidden));
  const data = rows.map((r) => [
    r.name,
    r.email,
    r.lang ?? def.defaultLanguage,
    invitationLink(base, r.token),
    r.status,
    ...fields.map((f) => r.hidden[f] ?? null),
  ]);
  // Contact names and hidden fields come from an uploaded list: writeCsv defuses formulas in them.
  return writeCsv(['name', 'email', 'language', 'link', 'status', ...fields], data, { bom: true, newline: '\r\n' });
}
