/** The research plan of a survey: read with its figures, saved after checks against the survey, waves opened. */
import { hiddenFieldsOf } from '../../shared/customers/fields';
import * as v from 'valibot';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runNow, sqlOf } from '../db/sqlite-store';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { plans, surveys } from '../db/tables';
import { AppError, badRequest, notFound } from '../http/errors';
import { surveyRow } from '../survey/service';
import { StatsInputError } from '../../shared/stats';
import { PlanSchema, planFigures, QuotaDesignError, withQuotaCells, type Plan } from '../../shared/plan';
import type { SurveyDefinition } from '../../shared/survey/schema';
import type { PlanDto } from '../../shared/api/plan';
import { rulesChanged } from '../collect/memo';
import { cellProgress } from './cells';

/** The saved plan of a survey (defaults filled), or null. */
export function* planOf(db: Sql, surveyId: string): Work<{ plan: Plan; updatedAt: number } | null> {
  const [row] = yield* q(db.select().from(plans).where(eq(plans.surveyId, surveyId)));
  return row ? { plan: v.parse(PlanSchema, row.data), updatedAt: row.updatedAt } : null;
}

/** planOf for the areas still on the SQLite database. */
export const storedPlan = (db: Db, surveyId: string) => runNow(planOf(sqlOf(db), surveyId));

export function* getPlan(db: Sql, surveyId: string): Work<PlanDto> {
  const survey = yield* surveyRow(db, surveyId);
  const stored = yield* planOf(db, surveyId);
  const plan = stored?.plan ?? null;
  return {
    surveyId,
    plan,
    figures: plan ? planFigures(plan) : null,
    currentWave: survey.currentWave,
    cells: plan?.quotas ? yield* cellProgress(db, surveyId, plan.quotas, survey.currentWave) : [],
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** Quota variables must read something the survey has: a hidden field, or a closed question with those options. */
function checkSources(plan: Plan, def: SurveyDefinition) {
  const questions = new Map(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q]));
  plan.quotas?.variables.forEach((variable, i) => {
    const path = `plan.quotas.variables[${i}]`;
    if (hiddenFieldsOf(def).includes(variable.source)) return;
    const q = questions.get(variable.source);
    if (!q || (q.type !== 'single' && q.type !== 'rating' && q.type !== 'nps')) {
      throw badRequest(
        `${path}.source: "${variable.source}" is neither a hidden field nor a single-choice, rating or NPS question of this survey`,
        `${path}.source`,
      );
    }
    if (q.type !== 'single') return;
    const j = variable.categories.findIndex((c) => !q.options.some((o) => o.id === c.value));
    if (j >= 0) {
      throw badRequest(
        `${path}.categories[${j}].value: "${variable.categories[j].value}" is not an option of question ${q.id}`,
        `${path}.categories[${j}].value`,
      );
    }
  });
}

/** Fills in the quota cells and checks that every figure can be computed, naming the field when not. */
function complete(plan: Plan): Plan {
  try {
    const full = withQuotaCells(plan);
    planFigures(full);
    return full;
  } catch (e) {
    if (e instanceof QuotaDesignError) throw badRequest(`plan.${e.path}: ${e.message}`, `plan.${e.path}`);
    if (e instanceof StatsInputError) {
      const path = `plan.sample.${e.argument}`;
      throw badRequest(`${path}: ${e.message.slice(e.argument.length + 2)}`, path);
    }
    throw e;
  }
}

/** Saves the plan; the survey's rules stamp changes with it, so every node counts quotas by it at once. */
export function* savePlan(tx: Sql, surveyId: string, input: Plan, userId: string | null, now: number): Work<PlanDto> {
  const survey = yield* surveyRow(tx, surveyId);
  checkSources(input, survey.draft as SurveyDefinition);
  const plan = complete(input);
  yield* q(
    tx
      .insert(plans)
      .values({ surveyId, data: plan, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: plans.surveyId, set: { data: plan, updatedBy: userId, updatedAt: now } }),
  );
  yield* rulesChanged(tx, surveyId);
  return yield* getPlan(tx, surveyId);
}

/**
 * Starts the next wave of a repeated study: new responses carry it, and quota cells count again
 * from zero in it. Responses already started keep the wave they began in.
 */
export function* openWave(tx: Sql, surveyId: string, now: number): Work<{ wave: number }> {
  // Locked: a wave opened at once from two nodes is opened twice, one after the other, never lost.
  const [survey] = yield* q(forUpdate(tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, surveyId))));
  if (!survey) throw notFound('survey');
  const plan = (yield* planOf(tx, surveyId))?.plan;
  if (!plan)
    throw new AppError(
      409,
      'no-plan',
      'frequency: write the plan, with a frequency, before opening a wave',
      'plan.frequency',
    );
  if (plan.frequency === 'one-off') {
    throw new AppError(
      409,
      'one-off',
      "frequency: a one-off study has no waves; set the plan's frequency first",
      'plan.frequency',
    );
  }
  const [row] = yield* q(
    tx
      .update(surveys)
      .set({ currentWave: sql`${surveys.currentWave} + 1`, updatedAt: now })
      .where(eq(surveys.id, surveyId))
      .returning({ wave: surveys.currentWave }),
  );
  return { wave: row.wave };
}
