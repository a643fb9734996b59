/**
 * Distributions of the research question types for the per-question summary; their analyses
 * (SERVQUAL gaps, price curves) are the report sections' work. Each count's share is of the
 * respondents who answered the question.
 */
import type { Count } from '../../shared/api/report';
import type { Question } from '../../shared/survey/schema';

const NONE = 'none';

function counted(keys: readonly (string | number)[], hits: readonly (string | number)[], base: number): Count[] {
  const n = new Map<string | number, number>(keys.map((k) => [k, 0]));
  for (const h of hits) if (n.has(h)) n.set(h, n.get(h)! + 1);
  return keys.map((value) => ({ value, count: n.get(value)!, share: base > 0 ? n.get(value)! / base : 0 }));
}

/**
 * Gabor-Granger: respondents by highest price accepted ("none" for no price); ranking: by the
 * option put first; competitor grid: brand awareness. Contact details never reach the report.
 */
export function researchCounts(q: Question, answers: readonly unknown[]): Count[] | undefined {
  const base = answers.length;
  switch (q.type) {
    case 'gaborGranger':
      return counted(
        [...q.prices, NONE],
        answers.map((a) => (a as { highest?: number | null }).highest ?? NONE),
        base,
      );
    case 'ranking':
      return counted(
        q.options.map((o) => o.id),
        answers.map((a) => (Array.isArray(a) ? a[0] : '')),
        base,
      );
    case 'competitor':
      return counted(
        q.brands.map((b) => b.id),
        answers.flatMap((a) => (a as { known?: string[] }).known ?? []),
        base,
      );
    default:
      return undefined;
  }
}
