import type { RespondentKey } from '../i18n';

/** Why the respondent page shows a message instead of questions. */
export type Unavailable = 'closed' | 'paused' | 'not-yet-open' | 'full' | 'used' | 'not-found';

/** The title and text of each page shown instead of questions. */
export const NOTICES: Record<Unavailable, readonly [RespondentKey, RespondentKey]> = {
  'not-found': ['unavailable.notFound.title', 'unavailable.notFound.body'],
  closed: ['unavailable.closed.title', 'unavailable.closed.body'],
  paused: ['unavailable.paused.title', 'unavailable.paused.body'],
  'not-yet-open': ['unavailable.notYetOpen.title', 'unavailable.notYetOpen.body'],
  full: ['unavailable.full.title', 'unavailable.full.body'],
  used: ['unavailable.used.title', 'unavailable.used.body'],
};

/** Error codes of a refused save that end the survey for this respondent, and the page each shows. */
export const REFUSALS: Readonly<Record<string, Unavailable>> = {
  'survey-closed': 'closed',
  'survey-paused': 'paused',
  'survey-not-yet-open': 'not-yet-open',
  'survey-full': 'full',
  'invitation-used': 'used',
};
