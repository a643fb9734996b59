/** The case page's complaint card: its type and severity, set by whoever may work the case. */
import { For, Show } from 'solid-js';
import type { CaseChange, CaseDetail } from '../../../shared/api/alerts';
import { COMPLAINT_TYPES, SEVERITIES, type ComplaintType, type Severity } from '../../../shared/api/complaints';
import { useI18n } from '../lib/i18n';
import { COMPLAINT_TYPE_KEY, SEVERITY_KEY } from './keys';

export default function CaseComplaint(props: {
  case: CaseDetail;
  busy: boolean;
  onChange: (change: CaseChange) => void;
}) {
  const { t } = useI18n();
  return (
    <section class="card case-complaint" aria-labelledby="case-complaint">
      <h2 class="card-title" id="case-complaint">
        {t('cases.complaint.title')}
      </h2>
      <Show
        when={props.case.canEdit}
        fallback={
          <dl class="case-facts">
            <div>
              <dt>{t('cases.complaint.type')}</dt>
              <dd data-testid="case-complaint-type">{t(COMPLAINT_TYPE_KEY[props.case.complaintType ?? 'none'])}</dd>
            </div>
            <div>
              <dt>{t('cases.complaint.severity')}</dt>
              <dd data-testid="case-severity">{t(SEVERITY_KEY[props.case.severity ?? 'none'])}</dd>
            </div>
          </dl>
        }
      >
        <label class="field">
          <span class="field-label">{t('cases.complaint.type')}</span>
          <select
            class="select"
            value={props.case.complaintType ?? ''}
            disabled={props.busy}
            onChange={(e) => props.onChange({ complaintType: (e.currentTarget.value || null) as ComplaintType | null })}
            data-testid="case-complaint-type"
          >
            <option value="">{t(COMPLAINT_TYPE_KEY.none)}</option>
            <For each={COMPLAINT_TYPES}>{(x) => <option value={x}>{t(COMPLAINT_TYPE_KEY[x])}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t('cases.complaint.severity')}</span>
          <select
            class="select"
            value={props.case.severity ?? ''}
            disabled={props.busy}
            onChange={(e) => props.onChange({ severity: (e.currentTarget.value || null) as Severity | null })}
            data-testid="case-severity"
          >
            <option value="">{t(SEVERITY_KEY.none)}</option>
            <For each={SEVERITIES}>{(x) => <option value={x}>{t(SEVERITY_KEY[x])}</option>}</For>
          </select>
        </label>
      </Show>
    </section>
  );
}
