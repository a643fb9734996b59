/** The audit log of researchers' and admins' actions: its query and entries (server/audit/). */
import * as v from 'valibot';

/** What an action touched, from its route: the app names each in the user's language. */
export const AUDIT_AREAS = [
  'account',
  'users',
  'survey',
  'plan',
  'collection',
  'invitations',
  'alerts',
  'cases',
  'shares',
  'report',
  'export',
  'demo',
] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

const positiveInt = (what: string) =>
  v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, `must be ${what}`), v.transform(Number));

export const AuditQuerySchema = v.object({
  /** Entries older than this entry id (the `next` of the previous page). */
  before: v.optional(positiveInt('an entry id')),
  limit: v.optional(v.pipe(positiveInt('a number of entries'), v.maxValue(500, 'must be at most 500')), '100'),
  area: v.optional(v.picklist(AUDIT_AREAS, `must be one of ${AUDIT_AREAS.join(', ')}`)),
  actor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64, 'must be a user id'))),
  survey: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64, 'must be a survey id'))),
});

export interface AuditEntry {
  id: number;
  /** When it last happened (epoch ms); `firstAt` and `count` tell of repeats coalesced into it. */
  at: number;
  firstAt: number;
  count: number;
  /** Copied when the action happened: kept after the user is deleted. */
  actor: { id: string | null; name: string; email: string | null; role: string | null };
  area: AuditArea;
  /** `PUT /api/surveys/:id/plan`, with the route's parameters apart. */
  method: string;
  route: string;
  params: Record<string, string>;
  /** A readable name of what was touched (a survey's slug, a user's e-mail), when there is one. */
  target: string | null;
  surveyId: string | null;
  status: number;
  ip: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}
