import { eq } from 'drizzle-orm';
import type * as v from 'valibot';
import { surveys } from '../db/tables';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { surveyRow } from '../survey/service';
import { parseValue } from '../http/validate';
import { CollectionSettingsSchema, readSettings, type CollectionSettings } from '../../shared/api/collect';

export function* getSettings(db: Sql, id: string): Work<CollectionSettings> {
  return readSettings((yield* surveyRow(db, id)).settings);
}

/** Changes the given rules, keeps the others; the result is checked as a whole (closesAt after opensAt). */
export function* updateSettings(
  tx: Sql,
  id: string,
  patch: Partial<CollectionSettings>,
  now: number,
): Work<CollectionSettings> {
  // Locked, so two changes at once each keep the other's rules.
  yield* q(forUpdate(tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, id))));
  const current = yield* getSettings(tx, id);
  const next = parseValue(CollectionSettingsSchema, { ...current, ...patch } satisfies v.InferInput<
    typeof CollectionSettingsSchema
  >);
  yield* q(tx.update(surveys).set({ settings: next, updatedAt: now }).where(eq(surveys.id, id)));
  return next;
}
