import type { AppKey, MessageParams } from '../../../shared/i18n';
import { errorText } from '../lib/errors';

/** What to say about a failed password or session request, in the user's language (the codes are in the shared list). */
export function accountErrorText(t: (key: AppKey, params?: MessageParams) => string, err: unknown): string {
  return errorText(t, err);
}
