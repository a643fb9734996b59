/** Translation keys of case statuses, priorities and events, shared by the inbox, the case page and the rules editor. */
import type { AppKey } from '../../../shared/i18n';
import type { CaseStatus, Priority, WebhookEvent } from '../../../shared/api/alerts';
import type { ComplaintType, Severity } from '../../../shared/api/complaints';

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
/** Complaint types and severities; `none`: not classified yet. */
export const COMPLAINT_TYPE_KEY: Readonly<Record<ComplaintType | 'none', AppKey>> = {
  'product-quality': 'complaint.type.product-quality',
  service: 'complaint.type.service',
  price: 'complaint.type.price',
  honesty: 'complaint.type.honesty',
  none: 'complaint.type.none',
};
export const SEVERITY_KEY: Readonly<Record<Severity | 'none', AppKey>> = {
  general: 'complaint.severity.general',
  serious: 'complaint.severity.serious',
  none: 'complaint.severity.none',
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
