/**
 * Every error code the API answers, with the parameters each carries: one list for the server,
 * which throws them, and the app, which says each in the user's language. The server's `message`
 * stays English, for API users; screens read `code` and `params` and never show `message`.
 */
import type { ChangeWarning } from '../survey/versioning';
import type { AnswerIssue } from '../survey/answers';
import type { ImportRowError } from './collect';
import type { CustomerImportError } from '../customers/schema';

import type { ImportNote } from '../survey/import/notes';

/** What a refused field's value breaks, from the validator's kind of check. */
export const FIELD_RULES = [
  'type', // the wrong kind of value (a number where a text belongs)
  'too-short', // fewer items or characters than needed; `limit` says how many
  'too-long', // more than allowed; `limit` says how many
  'too-small', // a number below `limit`
  'too-large', // a number above `limit`
  'not-integer',
  'format', // not in the expected form (an id, a code, an address)
  'choice', // not one of the allowed values
  'rule', // breaks a rule of its own (min above max, a reference to a later question)
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** Texts still missing in one of a survey's languages, by their place in the definition. */
export interface MissingTexts {
  language: string;
  paths: string[];
}

/** A problem that keeps a draft from being published: where, and what. */
export interface DraftProblem {
  path: string;
  rule: FieldRule;
  limit?: number;
  message: string;
}

export const NOT_FOUND_THINGS = [
  'survey',
  'user',
  'response',
  'case',
  'alert rule',
  'webhook',
  'delivery',
  'share link',
  'report link',
  'invitation',
  'route',
  'token',
  'customer',
  'open question',
  'code',
] as const;
export type NotFoundThing = (typeof NOT_FOUND_THINGS)[number];

/** Why a webhook address is refused: not an address at all, or one inside the server's own network. */
export type WebhookAddressReason = 'not-a-url' | 'internal';

export interface ApiErrorParams {
  // Requests
  invalid: { field: string; rule: FieldRule; limit?: number };
  'invalid-json': Record<string, never>;
  'unsupported-media-type': Record<string, never>;
  'too-large': { limit?: number };
  'rate-limited': Record<string, never>;
  'cross-origin': Record<string, never>;
  'not-found': { what: NotFoundThing };
  'not-built': Record<string, never>;
  'http-error': Record<string, never>;
  internal: Record<string, never>;
  // Accounts
  unauthenticated: Record<string, never>;
  csrf: Record<string, never>;
  forbidden: Record<string, never>;
  'bad-credentials': Record<string, never>;
  'already-set-up': Record<string, never>;
  'email-taken': Record<string, never>;
  'invite-invalid': Record<string, never>;
  'last-admin': Record<string, never>;
  'self-delete': Record<string, never>;
  'account-locked': Record<string, never>;
  'wrong-password': Record<string, never>;
  'reset-invalid': Record<string, never>;
  'no-mail': Record<string, never>;
  'mail-failed': Record<string, never>;
  /** API tokens are made in the app, with a session, not with another token. */
  'session-required': Record<string, never>;
  // Surveys
  'slug-taken': { slug: string };
  'not-published': Record<string, never>;
  'already-published': Record<string, never>;
  'no-questions': Record<string, never>;
  'draft-has-problems': { problems: DraftProblem[] };
  'confirm-changes': { missing: MissingTexts[] };
  'missing-translations': { missing: MissingTexts[] };
  /** What the importer found; for a file in our own format, also the field and the rule it breaks. */
  /** `rows`: how many rows of a customer file were faulty (its details list the first 1,000). */
  'invalid-import': {
    detail: string;
    note?: ImportNote;
    field?: string;
    rule?: FieldRule;
    limit?: number;
    rows?: number;
  };
  'demo-exists': Record<string, never>;
  // Plan
  'no-plan': Record<string, never>;
  'one-off': Record<string, never>;
  // Collection
  'survey-closed': Record<string, never>;
  'survey-paused': Record<string, never>;
  'survey-draft': Record<string, never>;
  'survey-not-yet-open': Record<string, never>;
  'survey-full': Record<string, never>;
  'survey-not-open': Record<string, never>;
  'invalid-answers': Record<string, never>;
  'not-a-test': Record<string, never>;
  'invitation-used': Record<string, never>;
  'invitation-unknown': Record<string, never>;
  /** A finished response is never read back through the resume route. */
  'response-finished': Record<string, never>;
  'invalid-contacts': { line: number };
  'invalid-bounces': { line: number };
  'no-smtp': Record<string, never>;
  'mail-busy': Record<string, never>;
  'nobody-to-mail': Record<string, never>;
  // Customers
  /** A register holds one currency; a transactions file in another is refused. */
  'mixed-currency': Record<string, never>;
  /** A CRM upsert of a customer erased on request (by their CRM id or e-mail). */
  'erased-customer': Record<string, never>;
  // Closing the loop
  'webhook-address': { reason: WebhookAddressReason; host: string };
  // Coding open answers
  'nothing-to-undo': Record<string, never>;
  /** A question's own codes or coded answers keep it from sharing another's codeframe. */
  'frame-in-use': Record<string, never>;
}
export type ApiErrorCode = keyof ApiErrorParams;

/** The codes whose answer lists every fault in `details`, with the type of that list. */
export interface ApiErrorDetails {
  'draft-has-problems': DraftProblem[];
  'confirm-changes': ChangeWarning[];
  'missing-translations': MissingTexts[];
  'invalid-answers': AnswerIssue[];
  'invalid-contacts': ImportRowError[];
  'invalid-bounces': ImportRowError[];
  /** A customer register import's faulty rows; a questionnaire import sends none. */
  'invalid-import': CustomerImportError[];
}
/** What `details` holds for code `C`: nothing for a code without a list. */
export type DetailsOf<C extends ApiErrorCode> = C extends keyof ApiErrorDetails ? ApiErrorDetails[C] : undefined;

/** The body of every error answer. */
export type ApiErrorBody = {
  [C in ApiErrorCode]: { code: C; params: ApiErrorParams[C]; message: string; path?: string; details?: DetailsOf<C> };
}[ApiErrorCode];
