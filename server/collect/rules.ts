import { AppError } from '../http/errors';
import { readSettings, type CollectionSettings } from '../../shared/api/collect';
import type { Work } from '../db/store';
import type { SubmitStatements } from './statements';

/** Why an open survey takes no answers at the moment, by its collection rules. */
export type Refusal = 'not-yet-open' | 'closed' | 'full';

// Settings change rarely and are read on every submission: parse each distinct JSON text once.
const parsed = new Map<string, CollectionSettings>();
/** A survey's collection settings as stored: JSON text (SQLite) or already parsed (PostgreSQL). */
export function settingsOf(stored: unknown): CollectionSettings {
  const key = typeof stored === 'string' ? stored : JSON.stringify(stored ?? {});
  let s = parsed.get(key);
  if (!s) {
    if (parsed.size > 1000) parsed.clear();
    parsed.set(key, (s = readSettings(key)));
  }
  return s;
}

/** The rule that refuses answers now, if any. The cap is counted only when one is set. */
export function* refusal(
  ops: SubmitStatements,
  surveyId: string,
  settings: CollectionSettings,
  now: number,
): Work<Refusal | null> {
  if (settings.opensAt !== null && now < settings.opensAt) return 'not-yet-open';
  if (settings.closesAt !== null && now >= settings.closesAt) return 'closed';
  if (settings.responseCap !== null && (yield* ops.completes(surveyId)) >= settings.responseCap) return 'full';
  return null;
}

const MESSAGES: Record<Refusal, string> = {
  'not-yet-open': 'this survey does not accept answers yet',
  closed: 'this survey is closed and does not accept answers',
  full: 'this survey has all the responses it needs',
};
export const refusalError = (r: Refusal) =>
  new AppError(409, r === 'closed' ? 'survey-closed' : `survey-${r}`, MESSAGES[r]);
