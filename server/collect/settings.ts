import { eq } from 'drizzle-orm';
import type * as v from 'valibot';
import type { Db } from '../db/client';
import { surveys } from '../db/schema';
import { getRow } from '../survey/service';
import { parseValue } from '../http/validate';
import { CollectionSettingsSchema, readSettings, type CollectionSettings } from '../../shared/api/collect';

export const getSettings = (db: Db, id: string): CollectionSettings => readSettings(getRow(db, id).settings);

/** Changes the given rules, keeps the others; the result is checked as a whole (closesAt after opensAt). */
export function updateSettings(
  db: Db,
  id: string,
  patch: Partial<CollectionSettings>,
  now: number,
): CollectionSettings {
  const current = getSettings(db, id);
  const next = parseValue(CollectionSettingsSchema, { ...current, ...patch } satisfies v.InferInput<
    typeof CollectionSettingsSchema
  >);
  db.update(surveys).set({ settings: next, updatedAt: now }).where(eq(surveys.id, id)).run();
  return next;
}
