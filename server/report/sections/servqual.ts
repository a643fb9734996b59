import type { ServqualSection } from '../../../shared/api/report-research';
import { servqualColumns } from '../../../shared/stats';
import { SERVQUAL_DIMENSIONS } from '../../../shared/survey/research-types';
import { allQuestions, type Question } from '../../../shared/survey/schema';
import { itemKey } from '../dataset';
import type { SectionInput } from './input';
import { importanceColumnsOf, servqualColumnsOf } from './research-columns';

type Servqual = Extract<Question, { type: 'servqual' }>;
type Importance = Extract<Question, { type: 'importance' }>;

/**
 * The importance question that weights the dimensions: an importance question (constant sum or
 * rating) whose items are SERVQUAL dimensions present in the survey, preferring one with the
 * importance role.
 */
function importanceFor(input: SectionInput, dimensions: readonly string[]): Importance | null {
  const candidates = allQuestions(input.def).filter((q): q is Importance =>
    q.type === 'importance' && q.items.some((i) => dimensions.includes(i.id)) && q.items.every((i) => (SERVQUAL_DIMENSIONS as readonly string[]).includes(i.id)));
  return candidates.find((q) => q.role === 'importance') ?? candidates[0] ?? null;
}

/**
 * SERVQUAL gaps (perception − expectation) per item and dimension over every SERVQUAL question of
 * the survey together (the template asks one per dimension), on the respondents who rated every
 * item; weighted by dimension importance when an importance question names the dimensions, on the
 * respondents who answered it too. Importance answers become shares of 100 points: a constant sum
 * over another total, or ratings, are rescaled per respondent.
 */
export function servqualSection(input: SectionInput): ServqualSection | null {
  const questions = allQuestions(input.def).filter((q): q is Servqual => q.type === 'servqual');
  if (questions.length === 0) return null;
  const { cols, sel } = input;
  const items = questions.flatMap((q) => q.items.map((item) => ({ key: itemKey(q.id, item.id), dimension: item.dimension })));
  const dimensions = [...new Set(items.map((i) => i.dimension))];
  const decoded = questions.map((q) => servqualColumnsOf(cols, q)!);
  const expectations = decoded.flatMap((d) => d.e);
  const perceptions = decoded.flatMap((d) => d.p);
  const importance = importanceFor(input, dimensions);
  const stated = importance ? importanceColumnsOf(cols, importance)! : null;
  const statedOf = importance ? dimensions.map((d) => importance.items.findIndex((i) => i.id === d)) : [];
  const points = stated ? Object.fromEntries(dimensions.map((d) => [d, new Float64Array(cols.n)])) : undefined;
  const rows: number[] = [];
  next: for (let i = 0; i < cols.n; i++) {
    if (!sel.mask[i]) continue;
    for (let k = 0; k < expectations.length; k++) if (expectations[k][i] < 0 || perceptions[k][i] < 0) continue next;
    if (stated) {
      let total = 0;
      for (const k of statedOf) if (k >= 0 && !Number.isNaN(stated[k][i])) total += stated[k][i];
      if (!(total > 0)) continue;
      dimensions.forEach((d, j) => {
        const k = statedOf[j];
        points![d][i] = k >= 0 && !Number.isNaN(stated[k][i]) ? (100 * stated[k][i]) / total : 0;
      });
    }
    rows.push(i);
  }
  const importanceQuestion = importance?.id ?? null;
  if (rows.length === 0) return { n: 0, items: [], dimensions: [], unweighted: 0, weighted: null, importanceQuestion };
  const r = servqualColumns(items.map((i) => ({ id: i.key, dimension: i.dimension })), { expectations, perceptions, importance: points, rows });
  return {
    n: r.n,
    items: r.items.map((i) => ({ key: i.id, dimension: i.dimension, expectation: i.expectation, perception: i.perception, gap: i.gap })),
    dimensions: r.dimensions,
    unweighted: r.unweighted,
    weighted: r.weighted,
    importanceQuestion,
  };
}
