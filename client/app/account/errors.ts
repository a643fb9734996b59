import type { AppKey, MessageParams } from '../../../shared/i18n';
import { ApiError } from '../lib/api';
import { errorText } from '../lib/errors';

// The codes of the password routes (server/auth/password-routes.ts, server/users/reset-routes.ts).
const BY_CODE: Readonly<Record<string, AppKey>> = {
  'wrong-password': 'account.password.wrong',
  'reset-invalid': 'reset.invalid',
  'no-mail': 'forgot.noMail',
  'mail-failed': 'errors.mailFailed',
};

/** What to say about a failed password or session request, in the user's language. */
export function accountErrorText(t: (key: AppKey, params?: MessageParams) => string, err: unknown): string {
  const key = err instanceof ApiError ? BY_CODE[err.code] : undefined;
  return key ? t(key) : errorText(t, err);
}
