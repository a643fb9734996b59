import * as v from 'valibot';
import { EmailSchema, PasswordSchema } from '../../../shared/api/auth';
import type { AppKey, MessageParams } from '../../../shared/i18n';

type T = (key: AppKey, params?: MessageParams) => string;

// The same schemas the server applies, so a form never passes here and fails there.
const MIN_PASSWORD = 10;

export function requiredError(t: T, value: string): string | null {
  return value.trim() === '' ? t('form.required') : null;
}

export function emailError(t: T, value: string): string | null {
  if (value.trim() === '') return t('form.required');
  return v.is(EmailSchema, value) ? null : t('form.invalidEmail');
}

export function passwordError(t: T, value: string): string | null {
  if (value === '') return t('form.required');
  return v.is(PasswordSchema, value) ? null : t('form.passwordTooShort', { count: MIN_PASSWORD });
}

export function confirmError(t: T, password: string, confirm: string): string | null {
  if (confirm === '') return t('form.required');
  return password === confirm ? null : t('form.passwordsDiffer');
}
