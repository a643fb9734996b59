/** A case's complaint type and severity as two selects ("not classified" first), for a case or a rule. */
import { For } from 'solid-js';
import { COMPLAINT_TYPES, SEVERITIES, type ComplaintType, type Severity } from '../../../shared/api/complaints';
import { useI18n } from '../lib/i18n';
import { COMPLAINT_TYPE_KEY, SEVERITY_KEY } from './keys';

export default function ComplaintSelects(props: {
  type: ComplaintType | null;
  severity: Severity | null;
  disabled?: boolean;
  /** Prefix of the selects' test ids: `<prefix>-complaint-type`, `<prefix>-severity`. */
  testId: string;
  onType: (type: ComplaintType | null) => void;
  onSeverity: (severity: Severity | null) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label class="field">
        <span class="field-label">{t('cases.complaint.type')}</span>
        <select
          class="select"
          value={props.type ?? ''}
          disabled={props.disabled}
          onChange={(e) => props.onType((e.currentTarget.value || null) as ComplaintType | null)}
          data-testid={`${props.testId}-complaint-type`}
        >
          <option value="">{t(COMPLAINT_TYPE_KEY.none)}</option>
          <For each={COMPLAINT_TYPES}>{(x) => <option value={x}>{t(COMPLAINT_TYPE_KEY[x])}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('cases.complaint.severity')}</span>
        <select
          class="select"
          value={props.severity ?? ''}
          disabled={props.disabled}
          onChange={(e) => props.onSeverity((e.currentTarget.value || null) as Severity | null)}
          data-testid={`${props.testId}-severity`}
        >
          <option value="">{t(SEVERITY_KEY.none)}</option>
          <For each={SEVERITIES}>{(x) => <option value={x}>{t(SEVERITY_KEY[x])}</option>}</For>
        </select>
      </label>
    </>
  );
}
