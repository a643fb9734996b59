import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { readSettings, type CollectionSettings } from '../../shared/api/collect';
import { preparedStatements } from '../db/statements';

/** Why an open survey takes no answers at the moment, by its collection rules. */
export type Refusal = 'not-yet-open' | 'closed' | 'full';

// Settings change rarely and are read on every submission: parse each distinct JSON text once.
const parsed = new Map<string, CollectionSettings>();
export function settingsOf(json: string | null): CollectionSettings {
  const key = json ?? '{}';
  let s = parsed.get(key);
  if (!s) {
    if (parsed.size > 1000) parsed.clear();
    parsed.set(key, (s = readSettings(key)));
  }
  return s;
}

const completesStatement = preparedStatements((c) =>
  c.prepare(`select count(*) from responses where survey_id = ? and status = 'complete' and is_test = 0`).pluck(),
);
/** Completes that count against the cap: every wave, test responses aside. */
export function completes(db: Db, surveyId: string): number {
  return completesStatement(db).get(surveyId) as number;
}

/** The rule that refuses answers now, if any. The cap is counted only when one is set. */
export function refusal(db: Db, surveyId: string, settings: CollectionSettings, now: number): Refusal | null {
  if (settings.opensAt !== null && now < settings.opensAt) return 'not-yet-open';
  if (settings.closesAt !== null && now >= settings.closesAt) return 'closed';
  if (settings.responseCap !== null && completes(db, surveyId) >= settings.responseCap) return 'full';
  return null;
}

const MESSAGES: Record<Refusal, string> = {
  'not-yet-open': 'this survey does not accept answers yet',
  closed: 'this survey is closed and does not accept answers',
  full: 'this survey has all the responses it needs',
};
export const refusalError = (r: Refusal) =>
  new AppError(409, r === 'closed' ? 'survey-closed' : `survey-${r}`, MESSAGES[r]);
