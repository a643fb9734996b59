/** Collecting answers: the respondent page's public API, and a survey's distribution. */
import * as v from 'valibot';
import {
  ImportContactsSchema,
  INVITATION_STATUSES,
  RecordBouncesSchema,
  SendMailSchema,
  UpdateSettingsSchema,
  type BounceResult,
  type CollectionSettings,
  type ImportResult,
  type InvitationList,
  type MailJob,
  type MailState,
} from '../collect';
import { SubmissionSchema, type PublicSurvey, type SubmissionResult } from '../surveys';
import { file, json, routes } from './define';

/** An unfinished response, read back by the respondent page that started it. */
export interface SavedProgress {
  versionId: number;
  status: 'partial';
  page: number;
  answers: Record<string, unknown>;
}

export const collectRoutes = routes({
  'GET /api/public/s/:slug': {
    summary: 'The published questionnaire behind an open link',
    tag: 'Responses',
    access: 'public',
    answer: json<PublicSurvey>('PublicSurvey'),
    errors: ['rate-limited'],
  },
  'POST /api/public/s/:slug/responses': {
    summary: 'Save or complete a response (idempotent by clientId)',
    description:
      'The first save of a response answers an `X-Resume-Key` header: the key that reads it back. A retried completion is stored once.',
    tag: 'Responses',
    access: 'public',
    body: SubmissionSchema,
    answer: json<SubmissionResult>('SubmissionResult', 201),
    errors: [
      'invalid-answers',
      'survey-closed',
      'survey-paused',
      'survey-draft',
      'survey-not-yet-open',
      'survey-full',
      'invitation-used',
      'invitation-unknown',
      'rate-limited',
    ],
  },
  'GET /api/public/s/:slug/responses/:clientId': {
    summary: 'Read back an unfinished response',
    tag: 'Responses',
    access: 'public',
    headers: [{ name: 'X-Resume-Key', description: 'The key the first save answered.', required: true }],
    answer: json<SavedProgress>('SavedProgress'),
    errors: ['response-finished', 'rate-limited'],
  },
  'GET /api/surveys/:id/settings': {
    summary: 'Collection rules: dates, response cap, languages, mail texts',
    tag: 'Distribution',
    access: 'viewer',
    answer: json<CollectionSettings>('CollectionSettings'),
  },
  'PATCH /api/surveys/:id/settings': {
    summary: 'Change collection rules',
    tag: 'Distribution',
    access: 'researcher',
    body: UpdateSettingsSchema,
    answer: json<CollectionSettings>('CollectionSettings'),
  },
  'GET /api/surveys/:id/qr.svg': {
    summary: "The open link's QR code (SVG)",
    tag: 'Distribution',
    access: 'viewer',
    answer: file('image/svg+xml'),
  },
  'GET /api/surveys/:id/qr.png': {
    summary: "The open link's QR code (PNG, 1024 px)",
    tag: 'Distribution',
    access: 'viewer',
    answer: file('image/png'),
  },
  'GET /api/surveys/:id/invitations': {
    summary: 'Invitations and their state (contacts and links for researchers only)',
    tag: 'Distribution',
    access: 'viewer',
    query: v.object({ status: v.optional(v.picklist(INVITATION_STATUSES)) }),
    answer: json<InvitationList>('InvitationList'),
  },
  'POST /api/surveys/:id/invitations/import': {
    summary: 'Create personal invitations from a contact list (CSV); every row or none',
    tag: 'Distribution',
    access: 'researcher',
    body: ImportContactsSchema,
    answer: json<ImportResult>('ImportResult', 201),
    errors: ['invalid-contacts'],
  },
  'POST /api/surveys/:id/invitations/bounces': {
    summary: 'Mark invitations whose e-mail bounced, from a list or bounce notifications',
    tag: 'Distribution',
    access: 'researcher',
    body: RecordBouncesSchema,
    answer: json<BounceResult>('BounceResult'),
    errors: ['invalid-bounces'],
  },
  'GET /api/surveys/:id/invitations/:invitationId/qr.svg': {
    summary: "An invitation's personal link as a QR code",
    tag: 'Distribution',
    access: 'researcher',
    answer: file('image/svg+xml'),
  },
  'GET /api/surveys/:id/invitations.csv': {
    summary: 'The mail-merge file: every contact with their personal link',
    tag: 'Distribution',
    access: 'researcher',
    query: v.object({ pending: v.optional(v.picklist(['1', '0'])) }),
    answer: file('text/csv'),
  },
  'GET /api/surveys/:id/mail': {
    summary: 'Whether mail can be sent, and the mailings so far',
    tag: 'Distribution',
    access: 'viewer',
    answer: json<MailState>('MailState'),
  },
  'POST /api/surveys/:id/mail': {
    summary: 'Send the invitations, or a reminder to those who have not answered',
    tag: 'Distribution',
    access: 'researcher',
    body: SendMailSchema,
    answer: json<MailJob>('MailJob', 202),
    errors: ['no-smtp', 'mail-busy', 'nobody-to-mail'],
  },
});
