/** Request bodies of password change and reset (server/auth/password-routes.ts, server/users/reset-routes.ts). */
import * as v from 'valibot';
import { EmailSchema, PasswordSchema, type UserDto } from './auth';
import { TOKEN_32 } from './tokens';

export const ChangePasswordSchema = v.object({
  currentPassword: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long')),
  newPassword: PasswordSchema,
});
export const ResetRequestSchema = v.object({ email: EmailSchema });
export const ResetCompleteSchema = v.object({
  token: v.pipe(v.string('must be a string'), v.regex(TOKEN_32, 'must be the code from the reset link')),
  password: PasswordSchema,
});

/** What an admin gets from POST /api/users/:id/password-reset: the link itself only when no mail can carry it. */
export type AdminResetResult = { mailed: true; expiresAt: number } | { mailed: false; url: string; expiresAt: number };

export interface SignedIn {
  user: UserDto;
  csrf: string;
}
