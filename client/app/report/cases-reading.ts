/** The "closing the loop" section's one-sentence reading and its durations, kept apart from the view so each wording can be checked. */
import type { CasesSection } from '../../../shared/api/report-sections';
import type { AppKey, MessageParams } from '../../../shared/i18n';

export interface ReadingFormat {
  t: (key: AppKey, params?: MessageParams) => string;
  num: (n: number, maxFractionDigits?: number) => string;
  pct: (share0to1: number, digits?: number) => string;
}

/** Hours under two days, days from there. */
export function resolutionTime(hours: number, f: ReadingFormat): string {
  return hours < 48
    ? f.t('report.cases.hours', { n: f.num(hours, 1) })
    : f.t('report.cases.days', { n: f.num(hours / 24, 1) });
}

export function casesReading(
  s: Pick<CasesSection, 'opened' | 'shareResolved' | 'medianHoursToResolution'>,
  f: ReadingFormat,
): string {
  if (s.opened === 0) return f.t('report.cases.none');
  // With nothing resolved there is no time to resolution to speak of.
  if (s.medianHoursToResolution === null) return f.t('report.cases.readingNoneResolved', { count: s.opened });
  return f.t('report.cases.reading', {
    count: s.opened,
    share: f.pct(s.shareResolved ?? 0),
    median: resolutionTime(s.medianHoursToResolution, f),
  });
}
