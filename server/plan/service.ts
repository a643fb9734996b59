/** The research plan of a survey: read with its figures, saved after checks against the survey, waves opened. */
import { hiddenFieldsOf } from '../../shared/customers/fields';
import * as v from 'valibot';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { plans, surveys } from '../db/schema';
import { AppError, badRequest } from '../http/errors';
import { getRow } from '../survey/service';
import { StatsInputError } from '../../shared/stats';
import { PlanSchema, planFigures, QuotaDesignError, withQuotaCells, type Plan } from '../../shared/plan';
import type { SurveyDefinition } from '../../shared/survey/schema';
import type { PlanDto } from '../../shared/api/plan';
import { forgetPlan } from './cache';
import { cellProgress } from './cells';

/** The saved plan of a survey (defaults filled), or null. */
export function storedPlan(db: Db, surveyId: string): { plan: Plan; updatedAt: number } | null {
  const row = db.select().from(plans).where(eq(plans.surveyId, surveyId)).get();
  return row ? { plan: v.parse(PlanSchema, row.data), updatedAt: row.updatedAt } : null;
}

export function getPlan(db: Db, surveyId: string): PlanDto {
  const survey = getRow(db, surveyId);
  const stored = storedPlan(db, surveyId);
  const plan = stored?.plan ?? null;
  return {
    surveyId,
    plan,
    figures: plan ? planFigures(plan) : null,
    currentWave: survey.currentWave,
    cells: plan?.quotas ? cellProgress(db, surveyId, plan.quotas, survey.currentWave) : [],
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

export function savePlan(db: Db, surveyId: string, input: Plan, userId: string | null, now: number): PlanDto {
  const survey = getRow(db, surveyId);
  checkSources(input, survey.draft as SurveyDefinition);
  const plan = complete(input);
  db.insert(plans)
    .values({ surveyId, data: plan, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: plans.surveyId, set: { data: plan, updatedBy: userId, updatedAt: now } })
    .run();
  forgetPlan(db, surveyId);
  return getPlan(db, surveyId);
}

/**
 * Starts the next wave of a repeated study: new responses carry it, and quota cells count again
 * from zero in it. Responses already started keep the wave they began in.
 */
export function openWave(db: Db, surveyId: string, now: number): { wave: number } {
  getRow(db, surveyId);
  const plan = storedPlan(db, surveyId)?.plan;
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
  const row = db
    .update(surveys)
    .set({ currentWave: sql`${surveys.currentWave} + 1`, updatedAt: now })
    .where(eq(surveys.id, surveyId))
    .returning({ wave: surveys.currentWave })
    .get();
  return { wave: row!.wave };
}
