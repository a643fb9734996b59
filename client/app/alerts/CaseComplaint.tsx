/** The case page's complaint card: its type and severity, set by whoever may work the case. */
import { Show } from 'solid-js';
import type { CaseChange, CaseDetail } from '../../../shared/api/alerts';
import { useI18n } from '../lib/i18n';
import ComplaintSelects from './ComplaintSelects';
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
        <ComplaintSelects
          type={props.case.complaintType}
          severity={props.case.severity}
          disabled={props.busy}
          testId="case"
          onType={(complaintType) => props.onChange({ complaintType })}
          onSeverity={(severity) => props.onChange({ severity })}
        />
      </Show>
    </section>
  );
}
