import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { responses, surveys, surveyVersions } from '../db/schema';
import { newId } from '../auth/tokens';
import { AppError, conflict, notFound } from '../http/errors';
import * as v from 'valibot';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { changeWarnings, type AnswerCounts } from '../../shared/survey/versioning';
import type { SurveyDetail, SurveySummary } from '../../shared/api/surveys';
import { pickText } from '../../shared/survey/text';
import { definitionIssues } from '../../shared/survey/draft';
import { problemsOf } from '../../shared/survey/issues';
import { missingTexts } from '../../shared/survey/translations';
import type { MissingTexts } from '../../shared/api/errors';

/** Each survey language that still lacks texts, with the places of those texts. */
function missingByLanguage(def: SurveyDefinition): MissingTexts[] {
  return def.languages
    .map((language) => ({ language, paths: missingTexts(def, language) }))
    .filter((m) => m.paths.length > 0);
}

type Status = SurveySummary['status'];

/** A readable, unguessable-enough slug: the title's Latin letters and a random tail. */
function makeSlug(
  def: SurveyDefinition,
  tail = newId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 6)
    .padEnd(6, '0'),
): string {
  const title = pickText(def.title, 'en', def.defaultLanguage);
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return base.length >= 3 ? `${base}-${tail}` : `s-${tail}`;
}

/**
 * Until the first publication the open link follows the title: a slug made from the old title
 * (same random tail) is remade from the new one. A slug the researcher chose is kept.
 */
function followTitle(db: Db, row: typeof surveys.$inferSelect, def: SurveyDefinition): string {
  const tail = /-([a-z0-9]{6})$/.exec(row.slug)?.[1];
  if (row.currentVersionId !== null || !tail || row.slug !== makeSlug(row.draft as SurveyDefinition, tail))
    return row.slug;
  const next = makeSlug(def, tail);
  return next === row.slug || db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, next)).get()
    ? row.slug
    : next;
}

/**
 * A title no other survey has in its default language: the same template used twice becomes
 * "A quick question" and "A quick question (2)", told apart in the survey list.
 */
function distinctTitle(db: Db, def: SurveyDefinition): SurveyDefinition {
  const lang = def.defaultLanguage;
  const title = pickText(def.title, lang, lang);
  const taken = new Set(
    db.$client.prepare(`select json_extract(draft, '$.title.' || json_quote(?)) from surveys`).pluck().all(lang) as (
      | string
      | null
    )[],
  );
  if (title.trim() === '' || !taken.has(title)) return def;
  let n = 2;
  while (taken.has(`${title} (${n})`)) n++;
  const numbered = Object.fromEntries(Object.entries(def.title).map(([l, s]) => [l, s.trim() ? `${s} (${n})` : s]));
  return { ...def, title: numbered as SurveyDefinition['title'] };
}

/** Completes and partials per survey (of one survey when `surveyId` is given), off the counts index. */
function counts(db: Db, surveyId?: string) {
  const rows = db
    .select({ surveyId: responses.surveyId, status: responses.status, n: sql<number>`count(*)` })
    .from(responses)
    .where(
      surveyId === undefined
        ? eq(responses.isTest, false)
        : and(eq(responses.surveyId, surveyId), eq(responses.isTest, false)),
    )
    .groupBy(responses.surveyId, responses.status)
    .all();
  const map = new Map<string, { completes: number; partials: number }>();
  for (const r of rows) {
    const m = map.get(r.surveyId) ?? { completes: 0, partials: 0 };
    if (r.status === 'complete') m.completes += r.n;
    else if (r.status === 'partial') m.partials += r.n;
    map.set(r.surveyId, m);
  }
  return map;
}

function versionNumber(db: Db, versionId: number | null): number | null {
  if (versionId === null) return null;
  return (
    db.select({ v: surveyVersions.version }).from(surveyVersions).where(eq(surveyVersions.id, versionId)).get()?.v ??
    null
  );
}

function summarise(
  db: Db,
  row: typeof surveys.$inferSelect,
  c?: { completes: number; partials: number },
): SurveySummary {
  const draft = row.draft as SurveyDefinition;
  return {
    id: row.id,
    slug: row.slug,
    title: draft.title,
    defaultLanguage: draft.defaultLanguage,
    status: row.status,
    version: versionNumber(db, row.currentVersionId),
    completes: c?.completes ?? 0,
    partials: c?.partials ?? 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function listSurveys(db: Db): SurveySummary[] {
  const c = counts(db);
  return db
    .select()
    .from(surveys)
    .orderBy(desc(surveys.updatedAt))
    .all()
    .map((r) => summarise(db, r, c.get(r.id)));
}

export function getRow(db: Db, id: string) {
  const row = db.select().from(surveys).where(eq(surveys.id, id)).get();
  if (!row) throw notFound('survey');
  return row;
}

export function getSurvey(db: Db, id: string): SurveyDetail {
  const row = getRow(db, id);
  const total = counts(db, id).get(id);
  const published = db
    .select({
      id: surveyVersions.id,
      version: surveyVersions.version,
      publishedAt: surveyVersions.publishedAt,
      definition: surveyVersions.definition,
    })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, id), gt(surveyVersions.version, 0)))
    .orderBy(desc(surveyVersions.version))
    .all();
  // One version has every counted complete; several are grouped in one pass over the survey's
  // range of the counts index (0.4 s at a million responses, so not done when there is one).
  const perVersion =
    published.length === 1
      ? new Map([[published[0].id, total?.completes ?? 0]])
      : new Map(
          db.$client
            .prepare(`select version_id, count(*) from responses
      where survey_id = ? and status = 'complete' and is_test = 0 group by version_id`)
            .raw()
            .all(id) as [number, number][],
        );
  const versions = published.map((version) => ({ ...version, responses: perVersion.get(version.id) ?? 0 }));
  const current = versions.find((v) => v.id === row.currentVersionId);
  return {
    ...summarise(db, row, total),
    draft: row.draft as SurveyDefinition,
    unpublishedChanges: !current || JSON.stringify(current.definition) !== JSON.stringify(row.draft),
    versions: versions.map(({ definition: _d, ...v }) => v),
  };
}

export function createSurvey(
  db: Db,
  given: SurveyDefinition,
  userId: string | null,
  now: number,
  slug?: string,
): SurveyDetail {
  const id = newId();
  const def = distinctTitle(db, given);
  const finalSlug = slug ?? makeSlug(def);
  if (db.select().from(surveys).where(eq(surveys.slug, finalSlug)).get())
    throw conflict('slug-taken', `slug: "${finalSlug}" is already used`, { slug: finalSlug });
  db.insert(surveys)
    .values({ id, slug: finalSlug, draft: def, createdBy: userId, createdAt: now, updatedAt: now })
    .run();
  return getSurvey(db, id);
}

/** Stores the draft as it is, finished or not (shared/survey/draft.ts); publishing checks it whole. */
export function saveDraft(db: Db, id: string, def: SurveyDefinition, now: number): SurveyDetail {
  const row = getRow(db, id);
  db.update(surveys)
    .set({ draft: def, slug: followTitle(db, row, def), updatedAt: now })
    .where(eq(surveys.id, id))
    .run();
  return getSurvey(db, id);
}

/**
 * Freezes the draft into a new immutable version and points the open link at it. Responses keep
 * the version they answered; reports line versions up by question id. Publishing an unchanged
 * draft makes no new version.
 */
export function publish(db: Db, id: string, userId: string | null, now: number, confirmed = false): SurveyDetail {
  db.transaction((tx) => {
    const row = tx.select().from(surveys).where(eq(surveys.id, id)).get();
    if (!row) throw notFound('survey');
    // A survey with nothing to answer (no question, or instructions only) would record "complete" responses holding no answers.
    if ((row.draft as SurveyDefinition).pages.every((p) => p.questions.every((q) => q.type === 'info'))) {
      throw new AppError(400, 'no-questions', 'pages: the survey has no question; add one before publishing', 'pages');
    }
    // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts), never published.
    const last = tx
      .select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, id), gt(surveyVersions.version, 0)))
      .orderBy(desc(surveyVersions.version))
      .get();
    let versionId = last?.id ?? null;
    if (!last || JSON.stringify(last.definition) !== JSON.stringify(row.draft)) {
      const issues = definitionIssues(row.draft);
      if (issues.length > 0) {
        const problems = problemsOf(issues);
        throw new AppError(
          409,
          'draft-has-problems',
          `${problems.length} problem(s) keep the draft from being published; the first: ${problems[0].path}: ${problems[0].message}`,
          problems[0].path ? `definition.${problems[0].path}` : 'definition',
          problems,
          { problems },
        );
      }
      const draft = row.draft as SurveyDefinition;
      if (!confirmed) {
        // Both lists go out together, so one confirmation covers everything the researcher was shown.
        const missing = missingByLanguage(draft);
        const warnings = last
          ? changeWarnings(v.parse(SurveyDefinitionSchema, last.definition), draft, answerCounts(db, id))
          : [];
        if (warnings.length > 0) {
          throw new AppError(
            409,
            'confirm-changes',
            `${warnings[0].message}; publish again with ?confirm=1 to go ahead`,
            undefined,
            warnings,
            { missing },
          );
        }
        if (missing.length > 0) {
          const said = missing.map((m) => `${m.paths.length} in ${m.language}`).join(', ');
          throw new AppError(
            409,
            'missing-translations',
            `texts are missing: ${said}; publish again with ?confirm=1 to go ahead, or remove the language`,
            undefined,
            missing,
            { missing },
          );
        }
      }
      versionId = Number(
        tx
          .insert(surveyVersions)
          .values({
            surveyId: id,
            version: (last?.version ?? 0) + 1,
            definition: row.draft,
            publishedBy: userId,
            publishedAt: now,
          })
          .run().lastInsertRowid,
      );
    }
    const status: Status = row.status === 'draft' ? 'open' : row.status;
    tx.update(surveys).set({ currentVersionId: versionId, status, updatedAt: now }).where(eq(surveys.id, id)).run();
  });
  return getSurvey(db, id);
}

export function updateSurvey(db: Db, id: string, input: { status?: Status; slug?: string }, now: number): SurveyDetail {
  const row = getRow(db, id);
  if (input.status && input.status !== 'draft' && row.currentVersionId === null) {
    throw new AppError(409, 'not-published', 'status: publish the survey before opening it');
  }
  if (input.status === 'draft' && row.currentVersionId !== null) {
    throw new AppError(
      409,
      'already-published',
      'status: a published survey can be paused or closed, not made a draft again',
    );
  }
  if (input.slug && input.slug !== row.slug && db.select().from(surveys).where(eq(surveys.slug, input.slug)).get()) {
    throw conflict('slug-taken', `slug: "${input.slug}" is already used`, { slug: input.slug });
  }
  db.update(surveys)
    .set({ ...input, updatedAt: now })
    .where(eq(surveys.id, id))
    .run();
  return getSurvey(db, id);
}

export function deleteSurvey(db: Db, id: string) {
  getRow(db, id);
  db.transaction((tx) => {
    tx.delete(responses).where(eq(responses.surveyId, id)).run();
    tx.delete(surveyVersions).where(eq(surveyVersions.surveyId, id)).run();
    tx.delete(surveys).where(eq(surveys.id, id)).run();
  });
}

export function versionOf(db: Db, surveyId: string, versionId: number) {
  return db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.id, versionId), eq(surveyVersions.surveyId, surveyId)))
    .get();
}

/** Stored answers (test responses aside) to a question or one of its options, for changeWarnings(). */
function answerCounts(db: Db, surveyId: string): AnswerCounts {
  // Question and option ids match /^[A-Za-z][A-Za-z0-9_]*$/, so they are safe inside a JSON path.
  const c = db.$client;
  return {
    question: (q) =>
      c
        .prepare(
          `select count(*) from responses where survey_id = ? and is_test = 0 and json_type(answers, '$.${q}') is not null`,
        )
        .pluck()
        .get(surveyId) as number,
    option: (q, o, many) =>
      c
        .prepare(
          many
            ? `select count(*) from responses where survey_id = ? and is_test = 0 and exists (select 1 from json_each(answers, '$.${q}') where value = ?)`
            : `select count(*) from responses where survey_id = ? and is_test = 0 and json_extract(answers, '$.${q}') = ?`,
        )
        .pluck()
        .get(surveyId, o) as number,
  };
}
