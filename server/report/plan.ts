/** The survey's saved research plan as the report reads it: quotas to weight to, the budget's currency. */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { plans } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import { PlanSchema, type Plan } from '../../shared/plan';

/** The saved plan with its defaults filled, or null when the survey has none. */
export function* reportPlan(db: Sql, surveyId: string): Work<Plan | null> {
  const [row] = yield* q(db.select({ data: plans.data }).from(plans).where(eq(plans.surveyId, surveyId)));
  return row ? v.parse(PlanSchema, row.data) : null;
}
