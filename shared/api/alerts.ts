/** Closing the loop: alert rules, cases, webhooks — request bodies and answers. */
import * as v from 'valibot';
import { ConditionSchema } from '../survey/logic-schema';
import { idRefSchema } from '../survey/schema-parts';
import {
  COMPLAINT_TYPES,
  ComplaintTypeSchema,
  SEVERITIES,
  SeveritySchema,
  type ComplaintType,
  type Severity,
} from './complaints';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CASE_STATUSES = ['open', 'in-progress', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const WEBHOOK_EVENTS = ['case.opened', 'case.updated', 'case.overdue', 'response.completed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const PrioritySchema = v.picklist(PRIORITIES, 'must be low, normal, high or urgent');
const Id = v.pipe(v.string('must be an id'), v.minLength(1, 'is required'), v.maxLength(64, 'is too long'));
const Hours = v.pipe(
  v.number('must be a number of hours'),
  v.minValue(0.25, 'must be at least a quarter of an hour'),
  v.maxValue(8760, 'must be at most a year (8760 hours)'),
);

/** "A word in a comment": any of `words` in a text answer, whole words, case-insensitive. */
export const ContainsSchema = v.object({
  source: idRefSchema('a question id'),
  op: v.literal('contains'),
  words: v.pipe(
    v.array(
      v.pipe(
        v.string('must be a word'),
        v.trim(),
        v.minLength(1, 'must not be empty'),
        v.maxLength(100, 'is too long'),
      ),
    ),
    v.minLength(1, 'needs at least one word'),
    v.maxLength(50, 'has more than 50 words'),
  ),
});

/**
 * "The open answer matches a coded theme": any of the words of code `code` (or, for a net, of its
 * codes) in the answer to `source`, matched as `contains` matches them. The words are the code's
 * in the codeframe when a response completes, so editing them changes what the rule opens cases for.
 */
export const MatchesCodeSchema = v.object({
  source: idRefSchema('a question id'),
  op: v.literal('matchesCode'),
  code: Id,
});

/** A condition of an alert rule: the survey logic's operators (shared/survey/logic.ts) plus `contains` and `matchesCode`. */
export const AlertConditionSchema = v.variant(
  'op',
  [ContainsSchema, MatchesCodeSchema, ConditionSchema],
  'op: must be equals, notEquals, in, notIn, between, answered, notAnswered, contains or matchesCode',
);
export type AlertCondition = v.InferOutput<typeof AlertConditionSchema>;

const OwnerSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('none') }),
    v.object({ kind: v.literal('user'), userId: Id }),
    /** Routing by a hidden field: the case goes to the user of the field's value, else to `fallbackUserId`. */
    v.object({
      kind: v.literal('route'),
      field: idRefSchema('a hidden field'),
      routes: v.pipe(
        v.array(
          v.object({
            value: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(200)),
            userId: Id,
          }),
        ),
        v.minLength(1, 'needs at least one route'),
        v.maxLength(500, 'has more than 500 routes'),
        v.check(
          (rs) => new Set(rs.map((r) => r.value.toLowerCase())).size === rs.length,
          'each value may be routed only once',
        ),
      ),
      fallbackUserId: v.optional(v.nullable(Id), null),
    }),
  ],
  'kind: must be none, user or route',
);
export type Owner = v.InferOutput<typeof OwnerSchema>;

export const AlertRuleSchema = v.object({
  name: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(120, 'is too long')),
  enabled: v.optional(v.boolean('must be true or false'), true),
  when: v.object({
    match: v.optional(v.picklist(['all', 'any'], 'must be all or any'), 'all'),
    conditions: v.pipe(
      v.array(AlertConditionSchema),
      v.minLength(1, 'needs at least one condition'),
      v.maxLength(20, 'has more than 20 conditions'),
    ),
  }),
  /** Segment limits: every one must hold (e.g. tier equals Platinum); read from hidden fields. */
  segment: v.optional(v.pipe(v.array(ConditionSchema), v.maxLength(10, 'has more than 10 limits')), []),
  owner: v.optional(OwnerSchema, { kind: 'none' }),
  priority: v.optional(PrioritySchema, 'normal'),
  /** Overrides the survey's due hours for this rule's priority. */
  dueHours: v.optional(v.nullable(Hours), null),
  /** The complaint type and severity the rule's cases open with (null: left for whoever handles the case). */
  complaintType: v.optional(v.nullable(ComplaintTypeSchema), null),
  severity: v.optional(v.nullable(SeveritySchema), null),
});
export type AlertRuleInput = v.InferInput<typeof AlertRuleSchema>;
export type AlertRuleSpec = v.InferOutput<typeof AlertRuleSchema>;
export interface AlertRuleDto extends AlertRuleSpec {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export const DEFAULT_DUE_HOURS: Record<Priority, number> = { urgent: 4, high: 24, normal: 72, low: 168 };

export const AlertSettingsSchema = v.object({
  dueHours: v.optional(v.object({ low: Hours, normal: Hours, high: Hours, urgent: Hours }), DEFAULT_DUE_HOURS),
  /** A survey whose responses carry the case id in hidden field `case`: their satisfaction is the report's "after resolution" figure. */
  followUpSurveyId: v.optional(v.nullable(Id), null),
  /** E-mail the owner when a case opens (needs SMTP_URL). */
  emailOwners: v.optional(v.boolean('must be true or false'), false),
});
export type AlertSettings = v.InferOutput<typeof AlertSettingsSchema>;

const UrlSchema = v.pipe(
  v.string('must be a URL'),
  v.trim(),
  v.maxLength(2000, 'is too long'),
  v.url('must be a URL like https://example.com/hooks/yardstick'),
  v.regex(/^https?:\/\//i, 'must start with http:// or https://'),
);
const EventsSchema = v.pipe(
  v.array(v.picklist(WEBHOOK_EVENTS, 'must be case.opened, case.updated, case.overdue or response.completed')),
  v.minLength(1, 'needs at least one event'),
);
export const NewWebhookSchema = v.object({ url: UrlSchema, events: EventsSchema });
export const UpdateWebhookSchema = v.partial(
  v.object({ url: UrlSchema, events: EventsSchema, enabled: v.boolean('must be true or false') }),
);

export interface WebhookDto {
  id: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: number;
  pending: number;
  failed: number;
  lastDeliveredAt: number | null;
}
/** The secret is only in the answer that creates or rotates it. */
export interface WebhookWithSecret {
  webhook: WebhookDto;
  secret: string;
}
export interface DeliveryDto {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  deliveredAt: number | null;
  log: { at: number; statusCode: number | null; error: string | null; durationMs: number }[];
}

export interface AlertsState {
  rules: AlertRuleDto[];
  settings: AlertSettings;
  webhooks: WebhookDto[];
  /** Who cases can be assigned to. */
  users: { id: string; name: string; role: string }[];
  /** Whether e-mail to owners can be sent (SMTP_URL is set). */
  smtp: boolean;
}

export const UpdateCaseSchema = v.pipe(
  v.object({
    status: v.optional(v.picklist(CASE_STATUSES, 'must be open, in-progress, resolved or closed')),
    ownerId: v.optional(v.nullable(Id)),
    priority: v.optional(PrioritySchema),
    /** Null clears the classification. */
    complaintType: v.optional(v.nullable(ComplaintTypeSchema)),
    severity: v.optional(v.nullable(SeveritySchema)),
  }),
  v.check(
    (b) => Object.values(b).some((x) => x !== undefined),
    'give status, ownerId, priority, complaintType or severity',
  ),
);
export type CaseChange = v.InferOutput<typeof UpdateCaseSchema>;
export const NoteSchema = v.object({
  text: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'is required'),
    v.maxLength(5000, 'must be at most 5,000 characters'),
  ),
});

export const CaseQuerySchema = v.object({
  status: v.optional(v.picklist([...CASE_STATUSES, 'active'], 'must be open, in-progress, resolved, closed or active')),
  /** `me`, `none` or a user id. */
  owner: v.optional(Id),
  overdue: v.optional(v.picklist(['0', '1'], 'must be 0 or 1')),
  survey: v.optional(Id),
  /** `none`: cases not classified yet. */
  complaintType: v.optional(
    v.picklist([...COMPLAINT_TYPES, 'none'], 'must be product-quality, service, price, honesty or none'),
  ),
  severity: v.optional(v.picklist([...SEVERITIES, 'none'], 'must be general, serious or none')),
});

export interface CaseSummary {
  id: string;
  surveyId: string;
  surveyTitle: string;
  ruleName: string;
  responseId: number;
  owner: { id: string; name: string } | null;
  status: CaseStatus;
  priority: Priority;
  dueAt: number;
  openedAt: number;
  resolvedAt: number | null;
  updatedAt: number;
  complaintType: ComplaintType | null;
  severity: Severity | null;
  overdue: boolean;
  unread: boolean;
}
export interface CaseList {
  cases: CaseSummary[];
  counts: Record<CaseStatus, number> & { overdue: number };
  /** The people who own cases (for researchers, who may filter by any of them; else empty), by name. */
  owners: { id: string; name: string }[];
}

export interface CaseAnswer {
  questionId: string;
  question: string;
  code: unknown;
  label: string;
}
export interface CaseEvent {
  at: number;
  user: string | null;
  kind: 'opened' | 'note' | 'status' | 'owner' | 'priority' | 'escalated' | 'complaint-type' | 'severity';
  data: Record<string, unknown>;
}
export interface CaseDetail extends CaseSummary {
  surveySlug: string;
  response: { completedAt: number | null; lang: string | null; answers: CaseAnswer[]; hidden: Record<string, string> };
  /** Only when the respondent consented; a case is only shown to its owner, researchers and admins. */
  contact: { name?: string; email?: string; phone?: string } | null;
  events: CaseEvent[];
  /** Link to the follow-up survey for this case, when one is linked. */
  followUpLink: string | null;
  canEdit: boolean;
  users: { id: string; name: string }[];
}

/**
 * The name stored, where a rule's name would be, on a case opened by hand from the report's
 * high-value-at-risk list; the app and the owner's e-mail show it in the reader's language.
 */
export const AT_RISK_CASE = 'High value at risk';
