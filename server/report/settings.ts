/** What the research team saves with a survey's report for every reader (shared/api/report-settings.ts). */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { reportSettings } from '../db/schema';
import { getRow } from '../survey/service';
import { LoyaltyValueInputsSchema, type LoyaltyValueInputs } from '../../shared/api/report-settings';

/** The saved loyalty-value inputs, or null when none are (or what is stored no longer fits the schema). */
export function loyaltyValueInputs(db: Db, surveyId: string): LoyaltyValueInputs | null {
  const row = db
    .select({ loyaltyValue: reportSettings.loyaltyValue })
    .from(reportSettings)
    .where(eq(reportSettings.surveyId, surveyId))
    .get();
  const parsed = row?.loyaltyValue == null ? null : v.safeParse(LoyaltyValueInputsSchema, row.loyaltyValue);
  return parsed?.success ? parsed.output : null;
}

/** Saves (or with null, forgets) the loyalty-value inputs every reader of the report starts from. */
export function saveLoyaltyValueInputs(
  db: Db,
  surveyId: string,
  inputs: LoyaltyValueInputs | null,
  userId: string | null,
  now: number,
): LoyaltyValueInputs | null {
  getRow(db, surveyId);
  const row = { surveyId, loyaltyValue: inputs, updatedBy: userId, updatedAt: now };
  db.insert(reportSettings)
    .values(row)
    .onConflictDoUpdate({
      target: reportSettings.surveyId,
      set: { loyaltyValue: inputs, updatedBy: userId, updatedAt: now },
    })
    .run();
  return inputs;
}
