/**
 * The quota rules of each survey's plan, parsed once and kept in the database's memo while the
 * survey's rules stamp stays the same, so a submission pays a map lookup instead of reading and
 * validating the plan. Saving a plan on any node changes the stamp (server/collect/memo.ts).
 */
import * as v from 'valibot';
import { PlanSchema, type Quotas } from '../../shared/plan';
import type { Work } from '../db/store';
import { derived } from '../collect/memo';
import type { SubmitStatements, SurveyRow } from '../collect/statements';

export interface QuotaRules {
  quotas: Quotas;
  /** Target per cell key. */
  targets: Map<string, number>;
}

/** The survey's quota rules, or null when its plan has no quotas (or it has no plan). */
export function quotaRules(ops: SubmitStatements, survey: SurveyRow): Work<QuotaRules | null> {
  return derived(ops.memo, 'quotas', survey.id, survey.rulesStamp, function* () {
    const data = yield* ops.plan(survey.id);
    // Stored plans were validated and given their cells when saved; parsing again fills defaults.
    const quotas = data === undefined || data === null ? undefined : v.parse(PlanSchema, data).quotas;
    return quotas?.cells ? { quotas, targets: new Map(quotas.cells.map((c) => [c.key, c.target])) } : null;
  });
}
