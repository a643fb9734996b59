import type { AppKey, MessageParams } from '../../../shared/i18n';
import { ApiError } from './api';

// Server messages are English for API users; the app shows its own words for the codes a person
// can run into, and keeps the server's text only as the detail of a refused input.
const BY_CODE: Readonly<Record<string, AppKey>> = {
  network: 'errors.network',
  unauthenticated: 'errors.sessionExpired',
  csrf: 'errors.sessionExpired',
  forbidden: 'errors.forbidden',
  'not-found': 'errors.notFound',
  'rate-limited': 'signIn.tooMany',
  'account-locked': 'signIn.accountLocked',
  'bad-credentials': 'signIn.failed',
  'email-taken': 'errors.emailTaken',
  'invite-invalid': 'errors.inviteInvalid',
  'last-admin': 'errors.ownRole',
  'self-delete': 'errors.selfDelete',
  'demo-exists': 'errors.demoExists',
  'already-set-up': 'errors.alreadySetUp',
  'not-published': 'errors.notPublished',
  'too-large': 'errors.tooLarge',
  'slug-taken': 'errors.slugTaken',
};

/** What to tell the user about a failed request, in their language. */
export function errorText(t: (key: AppKey, params?: MessageParams) => string, err: unknown): string {
  if (err instanceof ApiError) {
    const key = BY_CODE[err.code];
    if (key) return t(key);
    if (err.status === 400) return t('errors.invalid', { detail: err.message });
  }
  return t('common.error');
}
