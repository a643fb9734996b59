import type { SurveySummary } from '../../../shared/api/surveys';
import type { AppKey } from '../../../shared/i18n';
import { useI18n } from '../lib/i18n';

type Status = SurveySummary['status'];

export const STATUS_KEY: Readonly<Record<Status, AppKey>> = {
  draft: 'surveys.status.draft',
  open: 'surveys.status.open',
  paused: 'surveys.status.paused',
  closed: 'surveys.status.closed',
};

export function StatusBadge(props: { status: Status }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-${props.status}`} data-testid="survey-status">
      {t(STATUS_KEY[props.status])}
    </span>
  );
}

/** The respondent link as people will type or scan it. */
export const openLink = (slug: string) => `${location.origin}/s/${slug}`;
