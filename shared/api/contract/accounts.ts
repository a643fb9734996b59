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

export interface Invite {
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
    description: 'Also says whether the server still needs its first administrator (`setupNeeded`).',
    tag: 'Accounts',
    access: 'public',
    answer: described(AuthStateSchema),
  },
  'POST /api/auth/setup': {
    summary: 'Create the first administrator and sign in',
    tag: 'Accounts',
    access: 'public',
    body: SetupSchema,
    answer: described(SignedInSchema, 201),
    errors: ['already-set-up', ...limited],
  },
  'POST /api/auth/login': {
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tag: 'Accounts',
    access: 'public',
    body: LoginSchema,
    answer: described(SignedInSchema),
    errors: ['bad-credentials', 'account-locked', ...limited],
  },
  'POST /api/auth/accept-invite': {
    summary: 'Accept an invitation: choose a name and password, and sign in',
    tag: 'Accounts',
    access: 'public',
    body: AcceptInviteSchema,
    answer: described(SignedInSchema, 201),
    errors: ['invite-invalid', ...limited],
  },
  'POST /api/auth/logout': { summary: 'Sign out', tag: 'Accounts', access: 'viewer', answer: empty() },
  'POST /api/auth/logout-everywhere': {
    summary: 'End every session of the signed-in user',
    tag: 'Accounts',
    access: 'viewer',
    answer: empty(),
  },
  'PATCH /api/auth/me': {
    summary: "Change the signed-in user's interface language",
    tag: 'Accounts',
    access: 'viewer',
    body: UpdateMeSchema,
    answer: described(UserSchema),
  },
  'POST /api/auth/password': {
    summary: 'Change the password; ends every other session',
    tag: 'Accounts',
    access: 'viewer',
    body: ChangePasswordSchema,
    answer: described(SignedInSchema),
    errors: ['wrong-password', ...limited],
  },
  'POST /api/auth/password-reset': {
    summary: 'Ask for a password-reset e-mail',
    description: 'Answers alike whether or not the address has an account.',
    tag: 'Accounts',
    access: 'public',
    body: ResetRequestSchema,
    answer: described(v.object({ sent: v.literal(true) }), 202),
    errors: ['no-mail', ...limited],
  },
  'POST /api/auth/password-reset/complete': {
    summary: 'Choose a new password with a reset link, and sign in',
    tag: 'Accounts',
    access: 'public',
    body: ResetCompleteSchema,
    answer: described(SignedInSchema),
    errors: ['reset-invalid', ...limited],
  },
  'GET /api/auth/tokens': {
    summary: "The signed-in user's personal API tokens",
    tag: 'Accounts',
    access: 'viewer',
    answer: described(v.array(ApiTokenSchema)),
  },
  'POST /api/auth/tokens': {
    summary: 'Make a personal API token (needs a browser session)',
    description: 'The secret is in this answer only; the server keeps its hash.',
    tag: 'Accounts',
    access: 'viewer',
    body: NewApiTokenSchema,
    answer: described(v.object({ ...ApiTokenSchema.entries, token: v.string() }), 201),
    errors: ['session-required'],
  },
  'DELETE /api/auth/tokens/:id': {
    summary: 'Revoke a personal API token',
    tag: 'Accounts',
    access: 'viewer',
    answer: empty(),
  },
  'GET /api/users': { summary: 'Every user', tag: 'Users', access: 'admin', answer: described(v.array(UserSchema)) },
  'POST /api/users': {
    summary: 'Create a user with a password',
    tag: 'Users',
    access: 'admin',
    body: NewUserSchema,
    answer: described(UserSchema, 201),
    errors: ['email-taken'],
  },
  'POST /api/users/invites': {
    summary: 'Invite someone by a link to make their own account',
    tag: 'Users',
    access: 'admin',
    body: InviteSchema,
    answer: json<Invite>('Invite', 201),
    errors: ['email-taken'],
  },
  'PATCH /api/users/:id': {
    summary: "Change a user's role",
    tag: 'Users',
    access: 'admin',
    body: UpdateUserSchema,
    answer: described(UserSchema),
    errors: ['last-admin'],
  },
  'DELETE /api/users/:id': {
    summary: 'Delete a user',
    tag: 'Users',
    access: 'admin',
    answer: empty(),
    errors: ['last-admin', 'self-delete'],
  },
  'POST /api/users/:id/password-reset': {
    summary: "Reset a user's password: ends their sessions and mails them a link (or answers it)",
    tag: 'Users',
    access: 'admin',
    answer: json<AdminResetResult>('AdminResetResult', 201),
    errors: ['mail-failed'],
  },
});
