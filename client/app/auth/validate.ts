import * as v from 'valibot';
import { EmailSchema, PASSWORD_MIN_LENGTH } from '../../../shared/api/auth';
import type { I18n } from '../lib/i18n';

type T = I18n['t'];

export { PASSWORD_MIN_LENGTH };

export function requiredError(t: T, value: string): string | null {
  return value.trim() === '' ? t('form.required') : null;
}

export function emailError(t: T, value: string): string | null {
  if (value.trim() === '') return t('form.required');
  // The server's own schema, so an address accepted here is never refused there.
  return v.is(EmailSchema, value) ? null : t('form.invalidEmail');
}

export function passwordError(t: T, value: string): string | null {
  if (value === '') return t('form.required');
  return value.length < PASSWORD_MIN_LENGTH ? t('form.passwordTooShort', { count: PASSWORD_MIN_LENGTH }) : null;
}

export function confirmError(t: T, password: string, confirm: string): string | null {
  if (confirm === '') return t('form.required');
  return password === confirm ? null : t('form.passwordsDiffer');
}
