import { and, count, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { responses, surveys, surveyVersions } from '../db/tables';
import { answerSql } from './answer-sql';
import { newId } from '../auth/tokens';
import { AppError, conflict, notFound } from '../http/errors';
import * as v from 'valibot';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { changeWarnings } from '../../shared/survey/versioning';
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
function* followTitle(db: Sql, row: typeof surveys.$inferSelect, def: SurveyDefinition): Work<string> {
  const tail = /-([a-z0-9]{6})$/.exec(row.slug)?.[1];
  if (row.currentVersionId !== null || !tail || row.slug !== makeSlug(row.draft as SurveyDefinition, tail))
    return row.slug;
  const next = makeSlug(def, tail);
  if (next === row.slug) return row.slug;
  const [taken] = yield* q(db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, next)));
  return taken ? row.slug : next;
}

/**
 * A title no other survey has in its default language: the same template used twice becomes
 * "A quick question" and "A quick question (2)", told apart in the survey list.
 */
function* distinctTitle(db: Sql, def: SurveyDefinition): Work<SurveyDefinition> {
  const lang = def.defaultLanguage;
  const title = pickText(def.title, lang, lang);
  const titles = yield* q(db.select({ title: answerSql.draftTitle(lang) }).from(surveys));
  const taken = new Set(titles.map((t) => t.title));
  if (title.trim() === '' || !taken.has(title)) return def;
  let n = 2;
  while (taken.has(`${title} (${n})`)) n++;
  const numbered = Object.fromEntries(Object.entries(def.title).map(([l, s]) => [l, s.trim() ? `${s} (${n})` : s]));
  return { ...def, title: numbered as SurveyDefinition['title'] };
}

/** Completes and partials per survey (of one survey when `surveyId` is given), off the counts index. */
function* counts(db: Sql, surveyId?: string) {
  const rows = yield* q(
    db
      .select({ surveyId: responses.surveyId, status: responses.status, n: count() })
      .from(responses)
      .where(
        surveyId === undefined
          ? eq(responses.isTest, false)
          : and(eq(responses.surveyId, surveyId), eq(responses.isTest, false)),
      )
      .groupBy(responses.surveyId, responses.status),
  );
  const map = new Map<string, { completes: number; partials: number }>();
  for (const r of rows) {
    const m = map.get(r.surveyId) ?? { completes: 0, partials: 0 };
    if (r.status === 'complete') m.completes += r.n;
    else if (r.status === 'partial') m.partials += r.n;
    map.set(r.surveyId, m);
  }
  return map;
}

/** The version numbers of the surveys' current versions, by version id. */
function* versionNumbers(db: Sql, surveyId?: string) {
  const rows = yield* q(
    db
      .select({ id: surveyVersions.id, version: surveyVersions.version })
      .from(surveyVersions)
      .innerJoin(surveys, eq(surveys.currentVersionId, surveyVersions.id))
      .where(surveyId === undefined ? undefined : eq(surveys.id, surveyId)),
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

function summarise(
  numbers: Map<number, number>,
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
    version: row.currentVersionId === null ? null : (numbers.get(row.currentVersionId) ?? null),
    completes: c?.completes ?? 0,
    partials: c?.partials ?? 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function* listSurveys(db: Sql): Work<SurveySummary[]> {
  const c = yield* counts(db);
  const numbers = yield* versionNumbers(db);
  const rows = yield* q(db.select().from(surveys).orderBy(desc(surveys.updatedAt)));
  return rows.map((r) => summarise(numbers, r, c.get(r.id)));
}

/** The survey's row, for the areas still on the SQLite database (docs/postgres.md). */
export function getRow(db: Db, id: string) {
  const row = db.select().from(surveys).where(eq(surveys.id, id)).get();
  if (!row) throw notFound('survey');
  return row;
}

export function* surveyRow(db: Sql, id: string) {
  const [row] = yield* q(db.select().from(surveys).where(eq(surveys.id, id)));
  if (!row) throw notFound('survey');
  return row;
}

export function* getSurvey(db: Sql, id: string): Work<SurveyDetail> {
  const row = yield* surveyRow(db, id);
  const total = (yield* counts(db, id)).get(id);
  const published = yield* q(
    db
      .select({
        id: surveyVersions.id,
        version: surveyVersions.version,
        publishedAt: surveyVersions.publishedAt,
        definition: surveyVersions.definition,
      })
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, id), gt(surveyVersions.version, 0)))
      .orderBy(desc(surveyVersions.version)),
  );
  // One version has every counted complete; several are grouped in one pass over the survey's
  // range of the counts index (0.4 s at a million responses, so not done when there is one).
  const perVersion =
    published.length === 1
      ? new Map([[published[0].id, total?.completes ?? 0]])
      : new Map(
          (yield* q(
            db
              .select({ versionId: responses.versionId, n: count() })
              .from(responses)
              .where(and(eq(responses.surveyId, id), eq(responses.status, 'complete'), eq(responses.isTest, false)))
              .groupBy(responses.versionId),
          )).map((r) => [r.versionId, r.n]),
        );
  const versions = published.map((version) => ({ ...version, responses: perVersion.get(version.id) ?? 0 }));
  const current = versions.find((v) => v.id === row.currentVersionId);
  return {
    ...summarise(new Map(published.map((p) => [p.id, p.version])), row, total),
    draft: row.draft as SurveyDefinition,
    unpublishedChanges: !current || JSON.stringify(current.definition) !== JSON.stringify(row.draft),
    versions: versions.map(({ definition: _d, ...v }) => v),
  };
}

const slugTaken = (slug: string) => conflict('slug-taken', `slug: "${slug}" is already used`, { slug });

export function* createSurvey(
  db: Sql,
  given: SurveyDefinition,
  userId: string | null,
  now: number,
  slug?: string,
): Work<SurveyDetail> {
  const id = newId();
  const def = yield* distinctTitle(db, given);
  const finalSlug = slug ?? makeSlug(def);
  // The unique slug decides between two surveys asking for one slug at once (on two nodes).
  const made = yield* q(
    db
      .insert(surveys)
      .values({ id, slug: finalSlug, draft: def, createdBy: userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: surveys.id }),
  );
  if (!made.length) throw slugTaken(finalSlug);
  return yield* getSurvey(db, id);
}

/** Stores the draft as it is, finished or not (shared/survey/draft.ts); publishing checks it whole. */
export function* saveDraft(db: Sql, id: string, def: SurveyDefinition, now: number): Work<SurveyDetail> {
  const row = yield* surveyRow(db, id);
  const slug = yield* followTitle(db, row, def);
  yield* q(db.update(surveys).set({ draft: def, slug, updatedAt: now }).where(eq(surveys.id, id)));
  return yield* getSurvey(db, id);
}

/**
 * Freezes the draft into a new immutable version and points the open link at it. Responses keep
 * the version they answered; reports line versions up by question id. Publishing an unchanged
 * draft makes no new version.
 */
export function* publish(
  tx: Sql,
  id: string,
  userId: string | null,
  now: number,
  confirmed = false,
): Work<SurveyDetail> {
  {
    // Locked: two publications at once (on two nodes) make one version after the other.
    const [row] = yield* q(forUpdate(tx.select().from(surveys).where(eq(surveys.id, id))));
    if (!row) throw notFound('survey');
    // A survey with nothing to answer (no question, or instructions only) would record "complete" responses holding no answers.
    if ((row.draft as SurveyDefinition).pages.every((p) => p.questions.every((q) => q.type === 'info'))) {
      throw new AppError(400, 'no-questions', 'pages: the survey has no question; add one before publishing', 'pages');
    }
    // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts), never published.
    const [last] = yield* q(
      tx
        .select()
        .from(surveyVersions)
        .where(and(eq(surveyVersions.surveyId, id), gt(surveyVersions.version, 0)))
        .orderBy(desc(surveyVersions.version))
        .limit(1),
    );
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
        const warnings = last ? yield* warningsOf(tx, id, v.parse(SurveyDefinitionSchema, last.definition), draft) : [];
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
      const [made] = yield* q(
        tx
          .insert(surveyVersions)
          .values({
            surveyId: id,
            version: (last?.version ?? 0) + 1,
            definition: row.draft,
            publishedBy: userId,
            publishedAt: now,
          })
          .returning({ id: surveyVersions.id }),
      );
      versionId = made.id;
    }
    const status: Status = row.status === 'draft' ? 'open' : row.status;
    yield* q(tx.update(surveys).set({ currentVersionId: versionId, status, updatedAt: now }).where(eq(surveys.id, id)));
  }
  return yield* getSurvey(tx, id);
}

export function* updateSurvey(
  db: Sql,
  id: string,
  input: { status?: Status; slug?: string },
  now: number,
): Work<SurveyDetail> {
  const row = yield* surveyRow(db, id);
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
  if (input.slug && input.slug !== row.slug) {
    const [taken] = yield* q(db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, input.slug)));
    if (taken) throw slugTaken(input.slug);
  }
  yield* q(
    db
      .update(surveys)
      .set({ ...input, updatedAt: now })
      .where(eq(surveys.id, id)),
  );
  return yield* getSurvey(db, id);
}

export function* deleteSurvey(tx: Sql, id: string): Work<void> {
  yield* surveyRow(tx, id);
  yield* q(tx.delete(responses).where(eq(responses.surveyId, id)));
  yield* q(tx.delete(surveyVersions).where(eq(surveyVersions.surveyId, id)));
  yield* q(tx.delete(surveys).where(eq(surveys.id, id)));
}

/**
 * The warnings of changeWarnings() with stored answers (test responses aside) counted. It asks for
 * counts through plain functions, and which it asks depends only on the two definitions: a first
 * pass notes the questions and options it asks about, and only those are counted.
 */
function* warningsOf(db: Sql, surveyId: string, previous: SurveyDefinition, next: SurveyDefinition) {
  const asked = new Map<string, ReturnType<typeof answerSql.answered>>();
  changeWarnings(previous, next, {
    question: (id) => {
      asked.set(id, answerSql.answered(id));
      return 1;
    },
    option: (id, o, many) => {
      asked.set(`${id}/${o}/${many}`, answerSql.chose(id, o, many));
      return 1;
    },
  });
  const counted = new Map<string, number>();
  for (const [key, where] of asked) {
    const [{ n }] = yield* q(
      db
        .select({ n: count() })
        .from(responses)
        .where(and(eq(responses.surveyId, surveyId), eq(responses.isTest, false), where)),
    );
    counted.set(key, n);
  }
  return changeWarnings(previous, next, {
    question: (id) => counted.get(id) ?? 0,
    option: (id, o, many) => counted.get(`${id}/${o}/${many}`) ?? 0,
  });
}
