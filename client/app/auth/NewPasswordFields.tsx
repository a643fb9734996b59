/** A new password typed twice, with the length rule as a hint: wherever a password is set. */
import { TextField } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { PASSWORD_MIN_LENGTH } from './validate';

export function NewPasswordFields(props: {
  password: string;
  onPassword: (value: string) => void;
  confirm: string;
  onConfirm: (value: string) => void;
  /** The messages to show under each field (null once valid or before the first try). */
  errors: { password: string | null; confirm: string | null };
  /** Labels for a change of password ("New password") rather than a first one ("Password"). */
  change?: boolean;
  testids: { password: string; confirm: string };
  autofocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t(props.change ? 'account.password.new' : 'setup.password')}
        type="password"
        value={props.password}
        onInput={(v) => props.onPassword(v)}
        error={props.errors.password}
        hint={t('form.passwordHint', { count: PASSWORD_MIN_LENGTH })}
        autocomplete="new-password"
        testid={props.testids.password}
        autofocus={props.autofocus}
      />
      <TextField
        label={t(props.change ? 'account.password.confirm' : 'setup.confirmPassword')}
        type="password"
        value={props.confirm}
        onInput={(v) => props.onConfirm(v)}
        error={props.errors.confirm}
        autocomplete="new-password"
        testid={props.testids.confirm}
      />
    </>
  );
}
