/** What the research team saves with a survey's report for every reader (shared/api/report-settings.ts). */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { reportSettings } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import { surveyRow } from '../survey/service';
import { LoyaltyValueInputsSchema, type LoyaltyValueInputs } from '../../shared/api/report-settings';

/** The saved loyalty-value inputs, or null when none are (or what is stored no longer fits the schema). */
export function* loyaltyValueInputs(db: Sql, surveyId: string): Work<LoyaltyValueInputs | null> {
  const [row] = yield* q(
    db
      .select({ loyaltyValue: reportSettings.loyaltyValue })
      .from(reportSettings)
      .where(eq(reportSettings.surveyId, surveyId)),
  );
  const parsed = row?.loyaltyValue == null ? null : v.safeParse(LoyaltyValueInputsSchema, row.loyaltyValue);
  return parsed?.success ? parsed.output : null;
}

/** Saves (or with null, forgets) the loyalty-value inputs every reader of the report starts from. */
export function* saveLoyaltyValueInputs(
  tx: Sql,
  surveyId: string,
  inputs: LoyaltyValueInputs | null,
  userId: string | null,
  now: number,
): Work<LoyaltyValueInputs | null> {
  yield* surveyRow(tx, surveyId);
  yield* q(
    tx
      .insert(reportSettings)
      .values({ surveyId, loyaltyValue: inputs, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({
        target: reportSettings.surveyId,
        set: { loyaltyValue: inputs, updatedBy: userId, updatedAt: now },
      }),
  );
  return inputs;
}
