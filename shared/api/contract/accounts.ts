/** Signing in, the signed-in user's account and API tokens, and the administration of users. */
import * as v from 'valibot';
import {
  AcceptInviteSchema,
  InviteSchema,
  LoginSchema,
  NewUserSchema,
  ROLES,
  SetupSchema,
  UpdateMeSchema,
  UpdateUserSchema,
  type UserDto,
} from '../auth';
import { ChangePasswordSchema, ResetCompleteSchema, ResetRequestSchema, type AdminResetResult } from '../passwords';
import { ApiTokenRoleSchema, NewApiTokenSchema, type ApiTokenSummary } from '../api-tokens';
import { described, empty, json, routes } from './define';

export const UserSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  role: v.picklist(ROLES),
  locale: v.nullable(v.string()),
  createdAt: v.optional(v.number()),
}) satisfies v.GenericSchema<UserDto>;

/** The answer of every call that starts a session: the user and the CSRF token its writes need. */
export const SignedInSchema = v.object({ user: UserSchema, csrf: v.string() });

export const AuthStateSchema = v.object({
  setupNeeded: v.boolean(),
  user: v.nullable(UserSchema),
  csrf: v.nullable(v.string()),
});

export const ApiTokenSchema = v.object({
  id: v.string(),
  name: v.string(),
  role: ApiTokenRoleSchema,
  prefix: v.string(),
  createdAt: v.number(),
  lastUsedAt: v.nullable(v.number()),
  expiresAt: v.nullable(v.number()),
}) satisfies v.GenericSchema<ApiTokenSummary>;

export interface InviteLink {
  token: string;
  email: string;
  role: UserDto['role'];
  expiresAt: number;
  url: string;
}

const limited = ['rate-limited'] as const;

export const accountRoutes = routes({
  'GET /api/auth/state': {
    summary: 'Who is signed in, and the CSRF token for their writes',
    notes: ['Answers: `{ setupNeeded, user, csrf }`'],
    description: 'Also says whether the server still needs its first administrator (`setupNeeded`).',
    tag: 'Accounts',
    access: 'public',
    answer: described(AuthStateSchema),
  },
  'POST /api/auth/setup': {
    summary: 'Create the first administrator and sign in',
    notes: [
      'Who: anyone (only while no user exists)',
      'Takes: `{ name, email, password (≥10) }`',
      'Answers: 201 `{ user, csrf }`; 409 once set up',
    ],
    tag: 'Accounts',
    access: 'public',
    body: SetupSchema,
    answer: described(SignedInSchema, 201),
    errors: ['already-set-up', ...limited],
  },
  'POST /api/auth/login': {
    summary: 'Sign in with e-mail and password; sets the session cookie',
    notes: [
      'Who: anyone (10/min per IP; 10 per 15 min per account)',
      'Takes: `{ email, password }`',
      'Answers: `{ user, csrf }`; 401; 429 `rate-limited` (address) or `account-locked` (the account, even with the right password, until its window ends; a sign-in clears the count)',
    ],
    tag: 'Accounts',
    access: 'public',
    body: LoginSchema,
    answer: described(SignedInSchema),
    errors: ['bad-credentials', 'account-locked', ...limited],
  },
  'POST /api/auth/accept-invite': {
    summary: 'Accept an invitation: choose a name and password, and sign in',
    notes: ['Takes: `{ token, name, password }`', 'Answers: 201 `{ user, csrf }`; 410 used/expired'],
    tag: 'Accounts',
    access: 'public',
    body: AcceptInviteSchema,
    answer: described(SignedInSchema, 201),
    errors: ['invite-invalid', ...limited],
  },
  'POST /api/auth/logout': { summary: 'Sign out', tag: 'Accounts', access: 'viewer', answer: empty() },
  'POST /api/auth/logout-everywhere': {
    summary: 'End every session of the signed-in user',
    notes: ['Answers: 204: every session of the user ends, this one included'],
    tag: 'Accounts',
    access: 'viewer',
    answer: empty(),
  },
  'PATCH /api/auth/me': {
    summary: "Change the signed-in user's name or interface language",
    notes: ['Takes: `{ name?, locale? }`', 'Answers: the user'],
    tag: 'Accounts',
    access: 'viewer',
    body: UpdateMeSchema,
    answer: described(UserSchema),
  },
  'POST /api/auth/password': {
    summary: 'Change the password; ends every other session',
    notes: [
      'Who: viewer (10/min per IP)',
      'Takes: `{ currentPassword, newPassword (≥10) }`',
      'Answers: `{ user, csrf }`: every session of the user ends, this device gets a new one; 400 `wrong-password` on `currentPassword`',
    ],
    tag: 'Accounts',
    access: 'viewer',
    body: ChangePasswordSchema,
    answer: described(SignedInSchema),
    errors: ['wrong-password', ...limited],
  },
  'POST /api/auth/password-reset': {
    summary: 'Ask for a password-reset e-mail',
    notes: [
      'Who: anyone (10/min per IP)',
      'Takes: `{ email }`',
      'Answers: 202 `{ sent: true }` whether or not the address has an account (the link, valid 1 hour, goes by e-mail to `PUBLIC_URL/reset#<token>`; at most one a minute per account); 409 `no-mail` without `SMTP_URL`',
    ],
    description: 'Answers alike whether or not the address has an account.',
    tag: 'Accounts',
    access: 'public',
    body: ResetRequestSchema,
    answer: described(v.object({ sent: v.literal(true) }), 202),
    errors: ['no-mail', ...limited],
  },
  'POST /api/auth/password-reset/complete': {
    summary: 'Choose a new password with a reset link, and sign in',
    notes: [
      'Who: anyone (10/min per IP)',
      'Takes: `{ token, password }`',
      'Answers: `{ user, csrf }`: the new password is set, every session and reset link of the user ends, this device is signed in; 410 `reset-invalid` unknown, used or expired',
    ],
    tag: 'Accounts',
    access: 'public',
    body: ResetCompleteSchema,
    answer: described(SignedInSchema),
    errors: ['reset-invalid', ...limited],
  },
  'GET /api/auth/tokens': {
    summary: "The signed-in user's personal API tokens",
    notes: [
      'Answers: your API tokens: `{ id, name, role, prefix, createdAt, lastUsedAt, expiresAt }` (never the secret)',
    ],
    tag: 'Accounts',
    access: 'viewer',
    answer: described(v.array(ApiTokenSchema)),
  },
  'POST /api/auth/tokens': {
    summary: 'Make a personal API token (needs a browser session)',
    notes: [
      "Who: viewer, signed in with the app's session",
      'Takes: `{ name, role? (≤ yours), expiresInDays? }`',
      'Answers: 201 the token with its secret `token` (`ys_…`), shown this once',
    ],
    description: 'The secret is in this answer only; the server keeps its hash.',
    tag: 'Accounts',
    access: 'viewer',
    body: NewApiTokenSchema,
    answer: described(v.object({ ...ApiTokenSchema.entries, token: v.string() }), 201),
    errors: ['session-required'],
  },
  'DELETE /api/auth/tokens/:id': {
    summary: 'Revoke a personal API token',
    notes: ['Answers: 204; the token stops working at once'],
    tag: 'Accounts',
    access: 'viewer',
    answer: empty(),
  },
  'GET /api/users': { summary: 'Every user', tag: 'Users', access: 'admin', answer: described(v.array(UserSchema)) },
  'POST /api/users': {
    summary: 'Create a user with a password',
    notes: ['Takes: `{ name, email, role, password }`', 'Answers: 201 user; 409 e-mail taken'],
    tag: 'Users',
    access: 'admin',
    body: NewUserSchema,
    answer: described(UserSchema, 201),
    errors: ['email-taken'],
  },
  'POST /api/users/invites': {
    summary: 'Invite someone by a link to make their own account',
    notes: ['Takes: `{ email, role }`', 'Answers: 201 `{ token, url, expiresAt }` (single use, 7 days)'],
    tag: 'Users',
    access: 'admin',
    body: InviteSchema,
    answer: json<InviteLink>('InviteLink', 201),
    errors: ['email-taken'],
  },
  'PATCH /api/users/:id': {
    summary: "Change a user's role",
    notes: ['Takes: `{ role }`', 'Answers: user'],
    tag: 'Users',
    access: 'admin',
    body: UpdateUserSchema,
    answer: described(UserSchema),
    errors: ['last-admin'],
  },
  'DELETE /api/users/:id': {
    summary: 'Delete a user',
    notes: [
      "Answers: 204: the user's sessions end at once; what they wrote stays with no author; invitations they sent that nobody accepted are withdrawn; 409 yourself",
    ],
    tag: 'Users',
    access: 'admin',
    answer: empty(),
    errors: ['last-admin', 'self-delete'],
  },
  'POST /api/users/:id/password-reset': {
    summary: "Reset a user's password: ends their sessions and mails them a link (or answers it)",
    notes: [
      "Answers: 201 `{ mailed: true, expiresAt }` (link e-mailed to the user) or, without `SMTP_URL`, `{ mailed: false, url, expiresAt }` to hand over; single use, 24 hours; the user's sessions end at once",
    ],
    tag: 'Users',
    access: 'admin',
    answer: json<AdminResetResult>('AdminResetResult', 201),
    errors: ['mail-failed'],
  },
});
