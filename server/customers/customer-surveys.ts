/**
 * The customer page's surveys: every invitation and response of the customer across surveys and
 * waves, linked to them or naming them in a hidden field, each response with its key scores.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { invitations, responses, surveys, surveyVersions } from '../db/tables';
import type { CustomerDetail } from '../../shared/customers/schema';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { CUSTOMER_ID_FIELDS } from '../../shared/customers/fields';
import { keyQuestions, keyScores, type KeyQuestions } from './key-scores';

/** Rows whose hidden fields name this customer: a text match narrows them in SQL, the JSON decides. */
function linkedTo(externalId: string, hidden: unknown): boolean {
  const h = (typeof hidden === 'string' ? JSON.parse(hidden) : hidden) as Record<string, unknown> | null;
  return !!h && CUSTOMER_ID_FIELDS.some((k) => h[k] === externalId);
}

function* surveyTitles(db: Sql, ids: string[]): Work<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = yield* q(
    db.select({ id: surveys.id, draft: surveys.draft }).from(surveys).where(inArray(surveys.id, unique)),
  );
  for (const row of rows) {
    const def = row.draft as { title?: Record<string, string>; defaultLanguage?: string };
    out.set(row.id, def.title?.[def.defaultLanguage ?? 'en'] ?? Object.values(def.title ?? {})[0] ?? '');
  }
  return out;
}

/** The headline questions of each version the responses were given in (a wave may use a later version). */
function* keysOfVersions(db: Sql, ids: number[]): Work<Map<number, KeyQuestions>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = yield* q(
    db
      .select({ id: surveyVersions.id, definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(inArray(surveyVersions.id, unique)),
  );
  return new Map(rows.map((r) => [r.id, keyQuestions(r.definition as SurveyDefinition)]));
}

export function* customerSurveys(
  db: Sql,
  customer: { id: string; externalId: string },
): Work<Pick<CustomerDetail, 'invitations' | 'responses'>> {
  const { id, externalId } = customer;
  // A JSON string holds the id quoted; the LIKE only narrows, linkedTo decides.
  const pattern = `%${JSON.stringify(externalId).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const inv = (yield* q(
    db
      .select({
        surveyId: invitations.surveyId,
        status: invitations.status,
        createdAt: invitations.createdAt,
        hidden: invitations.hidden,
        customerId: invitations.customerId,
      })
      .from(invitations)
      .where(sql`${invitations.customerId} = ${id} or cast(${invitations.hidden} as text) like ${pattern} escape '\\'`)
      .orderBy(asc(invitations.createdAt)),
  )).filter((i) => i.customerId === id || linkedTo(externalId, i.hidden));
  const resp = (yield* q(
    db
      .select({
        surveyId: responses.surveyId,
        versionId: responses.versionId,
        status: responses.status,
        wave: responses.wave,
        answers: responses.answers,
        startedAt: responses.startedAt,
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
      .orderBy(asc(responses.startedAt), asc(responses.id)),
  )).filter((x) => x.customerId === id || linkedTo(externalId, x.hidden));
  const titles = yield* surveyTitles(db, [...inv.map((i) => i.surveyId), ...resp.map((x) => x.surveyId)]);
  const keys = yield* keysOfVersions(
    db,
    resp.map((x) => x.versionId),
  );
  return {
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
      startedAt: x.startedAt,
      completedAt: x.completedAt,
      scores: keyScores(keys.get(x.versionId)!, JSON.parse(x.answers) as Record<string, unknown>),
    })),
  };
}
