/** Who did what to a case, oldest first: opening, notes, status, owner, priority and complaint changes. */
import { For, Match, Switch } from 'solid-js';
import type { CaseDetail, CaseEvent, CaseStatus, Priority } from '../../../shared/api/alerts';
import type { ComplaintType, Severity } from '../../../shared/api/complaints';
import { useI18n } from '../lib/i18n';
import { COMPLAINT_TYPE_KEY, PRIORITY_KEY, SEVERITY_KEY, STATUS_KEY } from './keys';

export default function CaseHistory(props: { case: CaseDetail }) {
  const { t, date } = useI18n();
  const who = (e: CaseEvent) => e.user ?? t('cases.system');
  return (
    <ol class="timeline" data-testid="case-events">
      <For each={props.case.events}>
        {(e) => (
          <li class={`timeline-item timeline-${e.kind}`}>
            <div class="timeline-head">
              <strong>{who(e)}</strong>
              <time class="muted" datetime={new Date(e.at).toISOString()}>
                {date(e.at, 'datetime')}
              </time>
            </div>
            <Switch>
              <Match when={e.kind === 'escalated'}>
                <p class="overdue">{t('cases.event.escalated')}</p>
              </Match>
              <Match when={e.kind === 'opened'}>
                <p>{t('cases.event.opened', { rule: String(e.data.rule ?? '') })}</p>
              </Match>
              <Match when={e.kind === 'note'}>
                <p class="note-text">{String(e.data.text ?? '')}</p>
              </Match>
              <Match when={e.kind === 'status'}>
                <p>
                  {t('cases.event.status', {
                    from: t(STATUS_KEY[e.data.from as CaseStatus]),
                    to: t(STATUS_KEY[e.data.to as CaseStatus]),
                  })}
                </p>
              </Match>
              <Match when={e.kind === 'priority'}>
                <p>
                  {t('cases.event.priority', {
                    from: t(PRIORITY_KEY[e.data.from as Priority]),
                    to: t(PRIORITY_KEY[e.data.to as Priority]),
                  })}
                </p>
              </Match>
              <Match when={e.kind === 'complaint-type'}>
                <p>
                  {t('cases.event.complaintType', {
                    from: t(COMPLAINT_TYPE_KEY[(e.data.from as ComplaintType | null) ?? 'none']),
                    to: t(COMPLAINT_TYPE_KEY[(e.data.to as ComplaintType | null) ?? 'none']),
                  })}
                </p>
              </Match>
              <Match when={e.kind === 'severity'}>
                <p>
                  {t('cases.event.severity', {
                    from: t(SEVERITY_KEY[(e.data.from as Severity | null) ?? 'none']),
                    to: t(SEVERITY_KEY[(e.data.to as Severity | null) ?? 'none']),
                  })}
                </p>
              </Match>
              <Match when={e.kind === 'owner'}>
                <p>
                  {e.data.toName ? t('cases.event.owner', { to: String(e.data.toName) }) : t('cases.event.unassigned')}
                </p>
              </Match>
            </Switch>
          </li>
        )}
      </For>
    </ol>
  );
}
