import type { ReportDto } from '../../../shared/api/report';

type Add = (section: string, key: string, measure: string, value: number | string | null | undefined) => void;

/**
 * The per-question figures of yes/no, date, fields and several-scales questions as rows of the
 * tables export (section "questions"): their figures live in no report section.
 */
export function addMoreTypeTables(report: ReportDto, add: Add) {
  for (const q of report.questions) {
    switch (q.type) {
      case 'yesno':
        add('questions', q.id, 'n', q.n);
        add('questions', q.id, 'share_yes', q.counts.find((c) => c.value === 'yes')?.share);
        break;
      case 'date':
        add('questions', q.id, 'n', q.n);
        add('questions', q.id, 'earliest', q.earliest);
        add('questions', q.id, 'median', q.median);
        add('questions', q.id, 'latest', q.latest);
        break;
      case 'fields':
        for (const item of q.items) {
          add('questions', `${q.id}.${item.id}`, 'n', item.n);
          if (!item.mean) continue;
          add('questions', `${q.id}.${item.id}`, 'mean', item.mean.mean);
          add('questions', `${q.id}.${item.id}`, 'mean_lower_95', item.mean.lower);
          add('questions', `${q.id}.${item.id}`, 'mean_upper_95', item.mean.upper);
        }
        break;
      case 'matrixScales':
        for (const item of q.items) {
          for (const s of item.scales) {
            add('questions', `${q.id}.${item.id}`, `${s.id}_n`, s.n);
            add('questions', `${q.id}.${item.id}`, `${s.id}_mean`, s.mean?.mean);
            add('questions', `${q.id}.${item.id}`, `${s.id}_top_two_box`, s.topTwoBox?.p);
          }
        }
        break;
      default:
        break;
    }
  }
}
