/**
 * The customer page's cases: every case opened on a response linked to the customer
 * (`responses.customer_id`), with its classification and notes, and complaints counted by type.
 * Notes are read only by those who may open the case — researchers, admins and the case's owner —
 * because a note often holds a phone number or an address; other viewers see the case's type,
 * severity, status and dates.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { caseEvents, cases, responses, surveys, users } from '../db/tables';
import type { Role } from '../../shared/api/auth';
import { COMPLAINT_TYPES } from '../../shared/api/complaints';
import type { CustomerCases } from '../../shared/customers/cases';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';

export function* customerCases(db: Sql, customerId: string, reader: { id: string; role: Role }): Work<CustomerCases> {
  const rows = yield* q(
    db
      .select({
        id: cases.id,
        surveyId: cases.surveyId,
        draft: surveys.draft,
        ruleName: cases.ruleName,
        status: cases.status,
        priority: cases.priority,
        complaintType: cases.complaintType,
        severity: cases.severity,
        openedAt: cases.openedAt,
        resolvedAt: cases.resolvedAt,
        ownerId: cases.ownerId,
        ownerName: users.name,
      })
      .from(cases)
      .innerJoin(responses, eq(responses.id, cases.responseId))
      .innerJoin(surveys, eq(surveys.id, cases.surveyId))
      .leftJoin(users, eq(users.id, cases.ownerId))
      .where(eq(responses.customerId, customerId))
      .orderBy(desc(cases.openedAt), asc(cases.id)),
  );
  const canOpen = (ownerId: string | null) => reader.role !== 'viewer' || ownerId === reader.id;
  const readable = rows.filter((r) => canOpen(r.ownerId)).map((r) => r.id);
  const notes = readable.length
    ? yield* q(
        db
          .select({ caseId: caseEvents.caseId, at: caseEvents.at, user: users.name, data: caseEvents.data })
          .from(caseEvents)
          .leftJoin(users, eq(users.id, caseEvents.userId))
          .where(and(inArray(caseEvents.caseId, readable), eq(caseEvents.kind, 'note')))
          .orderBy(asc(caseEvents.at), asc(caseEvents.id)),
      )
    : [];
  const notesOf = new Map<string, { at: number; user: string | null; text: string }[]>(readable.map((id) => [id, []]));
  for (const n of notes)
    notesOf.get(n.caseId)?.push({ at: n.at, user: n.user, text: String((n.data as { text?: unknown }).text ?? '') });
  const byType = Object.fromEntries([...COMPLAINT_TYPES, 'none'].map((t) => [t, 0])) as CustomerCases['byType'];
  for (const r of rows) byType[r.complaintType ?? 'none']++;
  return {
    cases: rows.map((r) => {
      const def = r.draft as SurveyDefinition;
      return {
        id: r.id,
        surveyId: r.surveyId,
        surveyTitle: pickText(def.title, def.defaultLanguage, def.defaultLanguage),
        ruleName: r.ruleName,
        status: r.status,
        priority: r.priority,
        complaintType: r.complaintType,
        severity: r.severity,
        openedAt: r.openedAt,
        resolvedAt: r.resolvedAt,
        owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
        canOpen: canOpen(r.ownerId),
        notes: notesOf.get(r.id) ?? null,
      };
    }),
    byType,
  };
}
