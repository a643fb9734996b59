/** Translation keys of case statuses, priorities and events, shared by the inbox, the case page and the rules editor. */
import type { AppKey } from '../../../shared/i18n';
import type { CaseStatus, Priority, WebhookEvent } from '../../../shared/api/alerts';

export const STATUS_KEY: Readonly<Record<CaseStatus, AppKey>> = {
  open: 'cases.status.open',
  'in-progress': 'cases.status.in-progress',
  resolved: 'cases.status.resolved',
  closed: 'cases.status.closed',
};
export const PRIORITY_KEY: Readonly<Record<Priority, AppKey>> = {
  low: 'cases.priority.low',
  normal: 'cases.priority.normal',
  high: 'cases.priority.high',
  urgent: 'cases.priority.urgent',
};
export const EVENT_KEY: Readonly<Record<WebhookEvent, AppKey>> = {
  'case.opened': 'alerts.event.caseOpened',
  'case.updated': 'alerts.event.caseUpdated',
  'case.overdue': 'alerts.event.caseOverdue',
  'response.completed': 'alerts.event.responseCompleted',
};

/** Tells the unread badge in the top bar to count again (a case was opened or reassigned). */
export const CASES_CHANGED = 'yardstick:cases-changed';
export const casesChanged = () => window.dispatchEvent(new Event(CASES_CHANGED));
