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
    notes: ['Answers: `{ slug, status, versionId, definition }` (definition null unless open)'],
    tag: 'Responses',
    access: 'public',
    answer: json<PublicSurvey>('PublicSurvey'),
    errors: ['rate-limited'],
  },
  'POST /api/public/s/:slug/responses': {
    summary: 'Save or complete a response (idempotent by clientId)',
    notes: [
      'Takes: `{ clientId, versionId, answers, complete, page?, pageTimes?, hidden?, lang? }`',
      'Answers: 201 new (with header `X-Resume-Key`) / 200 updated or duplicate `{ status }`; 400 `invalid-answers` with `path: answers.<id>`; 409 closed or paused',
    ],
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
    notes: [
      'Takes: header `X-Resume-Key`',
      'Answers: saved progress `{ versionId, status, page, answers }` of an unfinished response; 400 without the key, 404 for an unknown id or a wrong key alike, 409 `response-finished`',
    ],
    tag: 'Responses',
    access: 'public',
    headers: [{ name: 'X-Resume-Key', description: 'The key the first save answered.', required: true }],
    answer: json<SavedProgress>('SavedProgress'),
    errors: ['response-finished', 'rate-limited'],
  },
  'GET /api/surveys/:id/settings': {
    summary: 'Collection rules: dates, response cap, kiosk mode, mail texts',
    notes: ['Answers: collection rules `{ opensAt, closesAt, responseCap, kiosk, invitationMail, reminderMail }`'],
    tag: 'Distribution',
    access: 'viewer',
    answer: json<CollectionSettings>('CollectionSettings'),
  },
  'PATCH /api/surveys/:id/settings': {
    summary: 'Change collection rules',
    notes: [
      'Takes: any of `opensAt`, `closesAt`, `responseCap`, `kiosk`, `invitationMail`, `reminderMail` (times in UTC ms)',
      'Answers: the rules; 400 naming the field (e.g. `closesAt` before `opensAt`)',
    ],
    tag: 'Distribution',
    access: 'researcher',
    body: UpdateSettingsSchema,
    answer: json<CollectionSettings>('CollectionSettings'),
  },
  'GET /api/surveys/:id/qr.svg': {
    summary: "The open link's QR code (SVG)",
    notes: ["Answers: QR code of the open link (`PUBLIC_URL`, else the request's address)"],
    tag: 'Distribution',
    access: 'viewer',
    answer: file('image/svg+xml'),
  },
  'GET /api/surveys/:id/qr.png': {
    summary: "The open link's QR code (PNG, 1024 px)",
    notes: ["Answers: QR code of the open link (`PUBLIC_URL`, else the request's address)"],
    tag: 'Distribution',
    access: 'viewer',
    answer: file('image/png'),
  },
  'GET /api/surveys/:id/invitations': {
    summary: 'Invitations and their state (contacts and links for researchers only)',
    notes: [
      'Answers: personal invitations with status and counts; names, e-mails, hidden fields and personal links for researchers only (null for viewers)',
    ],
    tag: 'Distribution',
    access: 'viewer',
    query: v.object({ status: v.optional(v.picklist(INVITATION_STATUSES)) }),
    answer: json<InvitationList>('InvitationList'),
  },
  'POST /api/surveys/:id/invitations/import': {
    summary: 'Create personal invitations from a contact list (CSV); every row or none',
    notes: [
      'Takes: `{ csv }` (comma, semicolon or tab; BOM and quotes handled)',
      'Answers: 201 `{ imported, hiddenFields }`; 400 with every bad row by line number, and nothing imported',
    ],
    tag: 'Distribution',
    access: 'researcher',
    body: ImportContactsSchema,
    answer: json<ImportResult>('ImportResult', 201),
    errors: ['invalid-contacts'],
  },
  'POST /api/surveys/:id/invitations/bounces': {
    summary: 'Mark invitations whose e-mail bounced, from a list or bounce notifications',
    notes: [
      "Takes: `{ text }`: the mail provider's bounce list, a CSV of addresses (optional reason column) or delivery status notifications (RFC 3464; only `Action: failed`)",
      'Answers: `{ bounced }`: those invitations are marked bounced with the reason (kept in `lastError` as `bounced: …`) and get no reminders; 400 `invalid-bounces` with every bad line (not an address, not invited), and nothing recorded',
    ],
    tag: 'Distribution',
    access: 'researcher',
    body: RecordBouncesSchema,
    answer: json<BounceResult>('BounceResult'),
    errors: ['invalid-bounces'],
  },
  'GET /api/surveys/:id/invitations/:invitationId/qr.svg': {
    summary: "An invitation's personal link as a QR code",
    notes: ["Answers: QR code of the invitation's personal link"],
    tag: 'Distribution',
    access: 'researcher',
    answer: file('image/svg+xml'),
  },
  'GET /api/surveys/:id/invitations.csv': {
    summary: 'The mail-merge file: every contact with their personal link',
    notes: ['Answers: mail-merge CSV (name, e-mail, language, personal link), or who has not answered'],
    tag: 'Distribution',
    access: 'researcher',
    query: v.object({ pending: v.optional(v.picklist(['1', '0'])) }),
    answer: file('text/csv'),
  },
  'GET /api/surveys/:id/mail': {
    summary: 'Whether mail can be sent, and the mailings so far',
    notes: ["Answers: the e-mail job's progress"],
    tag: 'Distribution',
    access: 'viewer',
    answer: json<MailState>('MailState'),
  },
  'POST /api/surveys/:id/mail': {
    summary: 'Send the invitations, or a reminder to those who have not answered',
    notes: [
      'Takes: `{ kind: invitation|reminder }`',
      "Answers: 202: sends in the background (resumes after a restart); reminders only to those who haven't completed; 409 without `SMTP_URL`",
    ],
    tag: 'Distribution',
    access: 'researcher',
    body: SendMailSchema,
    answer: json<MailJob>('MailJob', 202),
    errors: ['no-smtp', 'mail-busy', 'nobody-to-mail'],
  },
});
