/** Personal invitations: importing a contact list, listing them, and the files made from them. */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { invitations } from '../db/schema';
import { writeCsv } from '../http/csv';
import { AppError } from '../http/errors';
import { getRow } from '../survey/service';
import { parseContacts } from './contacts';
import { linksByExternalIds } from '../customers/links';
import { customerIdIn } from '../../shared/customers/fields';
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

/** 128 random bits: unguessable, and short enough for a link in an SMS. */
export const newToken = () => randomBytes(16).toString('base64url');

/**
 * The personal link in e-mails, mail-merge files and QR codes: short (`/i/<token>`, which the
 * server sends on to the survey: server/collect/page.ts), so it survives being typed or wrapped.
 */
export const invitationLink = (base: string, token: string) => `${base.replace(/\/$/, '')}/i/${token}`;

/**
 * Imports every contact of the file or none: one faulty row refuses the whole file (400, every
 * faulty row listed), so a corrected file can be uploaded again without duplicates.
 */
export async function importContacts(db: Db, surveyId: string, csv: string, now: number): Promise<ImportResult> {
  const survey = getRow(db, surveyId);
  const def = survey.draft as SurveyDefinition;
  const parsed = parseContacts(csv, def.hiddenFields, def.languages);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError(400, 'invalid-contacts', `line ${first.line}: ${first.message}`, 'csv', parsed.errors, {
      line: first.line,
    });
  }
  const emails = parsed.contacts.map((c) => c.email?.toLowerCase()).filter((e): e is string => !!e);
  const already = new Set(
    db
      .select({ email: sql<string>`lower(${invitations.email})` })
      .from(invitations)
      .where(
        and(
          eq(invitations.surveyId, surveyId),
          sql`lower(${invitations.email}) in (select value from json_each(${JSON.stringify(emails)}))`,
        ),
      )
      .all()
      .map((r) => r.email),
  );
  const dupes = parsed.contacts.filter((c) => c.email && already.has(c.email.toLowerCase()));
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
  // A contact whose customer_id the register knows is linked to that customer and carries their tier and segment.
  const links = await linksByExternalIds(
    db,
    parsed.contacts.map((c) => customerIdIn(c.hidden)).filter((id): id is string => id !== null),
  );
  db.transaction((tx) => {
    for (const c of parsed.contacts) {
      const external = customerIdIn(c.hidden);
      const link = external === null ? undefined : links.get(external);
      tx.insert(invitations)
        .values({
          id: newToken(),
          surveyId,
          token: newToken(),
          name: c.name,
          email: c.email,
          lang: c.lang,
          hidden: link ? { ...c.hidden, ...link.fields } : c.hidden,
          customerId: link?.customerId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
  });
  return { imported: parsed.contacts.length, hiddenFields: parsed.hiddenFields };
}

/** One invitation's short link (for its QR code); 404 when the survey has no such invitation. */
export function personalLink(db: Db, surveyId: string, invitationId: string, base: string): string {
  getRow(db, surveyId);
  const row = db
    .select({ token: invitations.token })
    .from(invitations)
    .where(and(eq(invitations.surveyId, surveyId), eq(invitations.id, invitationId)))
    .get();
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

export function listInvitations(db: Db, surveyId: string, base: string, status?: InvitationStatus): InvitationList {
  getRow(db, surveyId);
  const rows = db
    .select()
    .from(invitations)
    .where(and(eq(invitations.surveyId, surveyId), status ? eq(invitations.status, status) : undefined))
    .orderBy(asc(invitations.createdAt), sql`rowid`)
    .all();
  const agg = db
    .select({
      status: invitations.status,
      n: sql<number>`count(*)`,
      sent: sql<number>`sum(${invitations.sentAt} is not null)`,
      failed: sql<number>`sum(${invitations.lastError} is not null and ${BOUNCED} = 0)`,
      bounced: sql<number>`sum(${BOUNCED})`,
    })
    .from(invitations)
    .where(eq(invitations.surveyId, surveyId))
    .groupBy(invitations.status)
    .all();
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
export const BOUNCED = sql<number>`coalesce(substr(${invitations.lastError}, 1, ${BOUNCE_PREFIX.length}) = ${BOUNCE_PREFIX}, 0)`;

/** Everyone who has not finished: the list for reminders. */
export const PENDING: InvitationStatus[] = ['not-started', 'started'];

/** A mail-merge file (name, e-mail, language, personal link, hidden fields); `pending` keeps only who hasn't answered. */
export function invitationsCsv(db: Db, surveyId: string, base: string, pending: boolean): string {
  const survey = getRow(db, surveyId);
  const def = survey.draft as SurveyDefinition;
  const rows = db
    .select()
    .from(invitations)
    .where(and(eq(invitations.surveyId, surveyId), pending ? inArray(invitations.status, PENDING) : undefined))
    .orderBy(asc(invitations.createdAt), sql`rowid`)
    .all();
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
