import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { responses, surveys, surveyVersions } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { validateSubmission } from '../../shared/survey/answers';
import type { PublicSurvey, Submission, SubmissionResult } from '../../shared/api/surveys';
import * as v from 'valibot';

// Versions are immutable, so their parsed definitions can be kept for the life of the process.
const versionCache = new WeakMap<Db, Map<number, { surveyId: string; def: SurveyDefinition }>>();

function loadVersion(db: Db, versionId: number) {
  let cache = versionCache.get(db);
  if (!cache) versionCache.set(db, (cache = new Map()));
  let hit = cache.get(versionId);
  if (!hit) {
    const row = db.select().from(surveyVersions).where(eq(surveyVersions.id, versionId)).get();
    if (!row) return null;
    // Stored definitions were validated at save time; parsing again fills defaults from the schema.
    hit = { surveyId: row.surveyId, def: v.parse(SurveyDefinitionSchema, row.definition) };
    cache.set(versionId, hit);
  }
  return hit;
}

function surveyBySlug(db: Db, slug: string) {
  return db.select({ id: surveys.id, slug: surveys.slug, status: surveys.status, currentVersionId: surveys.currentVersionId })
    .from(surveys).where(eq(surveys.slug, slug)).get();
}

/** What the respondent page needs: the current version, or only the status when not open. */
export function publicSurvey(db: Db, slug: string): PublicSurvey {
  const s = surveyBySlug(db, slug);
  if (!s || s.currentVersionId === null) throw notFound('survey');
  if (s.status !== 'open') return { slug: s.slug, status: s.status, versionId: null, definition: null };
  return { slug: s.slug, status: s.status, versionId: s.currentVersionId, definition: loadVersion(db, s.currentVersionId)!.def };
}

/**
 * Stores a page save or a completion. Idempotent by (survey, clientId): a retry or a double tap
 * of a completed response changes nothing and answers as the first did. Validation runs against
 * the version the respondent answered, never the client's word.
 */
export function submit(db: Db, slug: string, input: Submission, now: number, isTest = false): { result: SubmissionResult; created: boolean } {
  const s = surveyBySlug(db, slug);
  if (!s || s.currentVersionId === null) throw notFound('survey');
  if (s.status !== 'open') throw new AppError(409, `survey-${s.status}`, `this survey is ${s.status} and does not accept answers`);
  const version = loadVersion(db, input.versionId);
  if (!version || version.surveyId !== s.id) throw new AppError(400, 'invalid', 'versionId: not a version of this survey', 'versionId');

  const def = version.def;
  const { answers, issues } = validateSubmission(def, input.answers, input.complete);
  if (issues.length > 0) {
    throw new AppError(400, 'invalid-answers', issues[0].message, `answers.${issues[0].questionId}`, issues);
  }
  const hidden = Object.fromEntries(Object.entries(input.hidden).filter(([k]) => def.hiddenFields.includes(k)));
  const status = input.complete ? 'complete' : 'partial';
  const lang = input.lang && def.languages.includes(input.lang as never) ? input.lang : def.defaultLanguage;
  const row = {
    versionId: input.versionId, status, answers: JSON.stringify(answers), hidden: JSON.stringify(hidden), lang,
    pageTimes: JSON.stringify(input.pageTimes), page: input.page, updatedAt: now, completedAt: input.complete ? now : null,
  } as const;

  return db.transaction((tx) => {
    const existing = tx.select({ id: responses.id, status: responses.status }).from(responses)
      .where(and(eq(responses.surveyId, s.id), eq(responses.clientId, input.clientId))).get();
    if (existing && existing.status !== 'partial') {
      return { result: { status: existing.status, duplicate: true }, created: false };
    }
    if (existing) {
      tx.update(responses).set(row).where(eq(responses.id, existing.id)).run();
      return { result: { status }, created: false };
    }
    tx.insert(responses).values({ ...row, surveyId: s.id, clientId: input.clientId, isTest, startedAt: now }).run();
    return { result: { status }, created: true };
  });
}

/** A respondent's saved progress, for resuming on another visit of the same browser. */
export function progress(db: Db, slug: string, clientId: string) {
  const s = surveyBySlug(db, slug);
  if (!s) throw notFound('survey');
  const r = db.select({ versionId: responses.versionId, status: responses.status, answers: responses.answers, page: responses.page })
    .from(responses).where(and(eq(responses.surveyId, s.id), eq(responses.clientId, clientId))).get();
  if (!r) throw notFound('response');
  return { versionId: r.versionId, status: r.status, page: r.page, answers: JSON.parse(r.answers) as Record<string, unknown> };
}
