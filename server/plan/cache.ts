/**
 * The quota rules of each survey's plan, parsed once and kept until the plan is saved again, so a
 * submission pays a map lookup instead of reading and validating the plan.
 */
import * as v from 'valibot';
import type { Db } from '../db/client';
import { PlanSchema, type Quotas } from '../../shared/plan';
import { preparedStatements } from '../db/statements';

export interface QuotaRules {
  quotas: Quotas;
  /** Target per cell key. */
  targets: Map<string, number>;
}

const cache = new WeakMap<Db, Map<string, QuotaRules | null>>();
const statements = preparedStatements((c) => c.prepare('select data from plans where survey_id = ?'));

/** The survey's quota rules, or null when its plan has no quotas (or it has no plan). */
export function quotaRules(db: Db, surveyId: string): QuotaRules | null {
  let perSurvey = cache.get(db);
  if (!perSurvey) cache.set(db, (perSurvey = new Map()));
  const hit = perSurvey.get(surveyId);
  if (hit !== undefined) return hit;
  const row = statements(db).get(surveyId) as { data: string } | undefined;
  // Stored plans were validated and given their cells when saved; parsing again fills defaults.
  const quotas = row ? v.parse(PlanSchema, JSON.parse(row.data)).quotas : undefined;
  const rules = quotas?.cells ? { quotas, targets: new Map(quotas.cells.map((c) => [c.key, c.target])) } : null;
  perSurvey.set(surveyId, rules);
  return rules;
}

/** Drops the cached rules of a survey whose plan changed. */
export function forgetPlan(db: Db, surveyId: string): void {
  cache.get(db)?.delete(surveyId);
}
