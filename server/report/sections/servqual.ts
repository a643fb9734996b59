import type { ServqualSection } from '../../../shared/api/report-research';
import { servqualColumns } from '../../../shared/stats';
import { SERVQUAL_DIMENSIONS } from '../../../shared/survey/research-types';
import { allQuestions, type Question } from '../../../shared/survey/schema';
import { itemKey } from '../columns';
import type { SectionInput } from './input';
import { importanceColumnsOf, servqualColumnsOf } from './research-columns';

type Servqual = Extract<Question, { type: 'servqual' }>;

const isDimension = (id: string) => (SERVQUAL_DIMENSIONS as readonly string[]).includes(id);

/**
 * The stated importance of each dimension (in `dimensions` order; null where not asked) and the
 * question it comes from: an importance question (constant sum or rating) whose items are SERVQUAL
 * dimensions, else a matrix with the importance role whose items are, preferring one with the
 * importance role. A value below 0 or NaN is a missing answer.
 */
function importanceFor(
  input: SectionInput,
  dimensions: readonly string[],
): { id: string; columns: (ArrayLike<number> | null)[] } | null {
  const questions = allQuestions(input.def);
  const named = (items: readonly { id: string }[]) =>
    items.some((i) => dimensions.includes(i.id)) && items.every((i) => isDimension(i.id));
  const asked = questions.filter((q) => q.type === 'importance' && named(q.items));
  const q = asked.find((x) => x.role === 'importance') ?? asked[0];
  if (q?.type === 'importance') {
    const columns = importanceColumnsOf(input.cols, q)!;
    return { id: q.id, columns: dimensions.map((d) => columns[q.items.findIndex((i) => i.id === d)] ?? null) };
  }
  const matrix = questions.find((x) => x.type === 'matrix' && x.role === 'importance' && named(x.items));
  if (matrix?.type !== 'matrix') return null;
  return {
    id: matrix.id,
    columns: dimensions.map((d) =>
      matrix.items.some((i) => i.id === d) ? (input.cols.ints.get(itemKey(matrix.id, d)) ?? null) : null,
    ),
  };
}

/**
 * SERVQUAL gaps (perception − expectation) per item and dimension over every SERVQUAL question of
 * the survey together (the template asks one per dimension), on the respondents who rated every
 * item; weighted by dimension importance when an importance question names the dimensions, on the
 * respondents who answered it too. Importance answers become shares of 100 points: a constant sum
 * over another total, or ratings, are rescaled per respondent. Weighted reports weight every mean.
 */
export function servqualSection(input: SectionInput): ServqualSection | null {
  const questions = allQuestions(input.def).filter((q): q is Servqual => q.type === 'servqual');
  if (questions.length === 0) return null;
  const { cols, sel } = input;
  const items = questions.flatMap((q) =>
    q.items.map((item) => ({ key: itemKey(q.id, item.id), dimension: item.dimension })),
  );
  const dimensions = [...new Set(items.map((i) => i.dimension))];
  const decoded = questions.map((q) => servqualColumnsOf(cols, q)!);
  const expectations = decoded.flatMap((d) => d.e);
  const perceptions = decoded.flatMap((d) => d.p);
  const importance = importanceFor(input, dimensions);
  const stated = importance?.columns ?? null;
  const points = stated ? Object.fromEntries(dimensions.map((d) => [d, new Float64Array(cols.n)])) : undefined;
  const rows: number[] = [];
  next: for (let i = 0; i < cols.n; i++) {
    if (!sel.mask[i]) continue;
    for (let k = 0; k < expectations.length; k++) if (expectations[k][i] < 0 || perceptions[k][i] < 0) continue next;
    if (stated) {
      let total = 0;
      for (const c of stated) if (c && c[i] >= 0) total += c[i];
      if (!(total > 0)) continue;
      dimensions.forEach((d, j) => {
        const c = stated[j];
        points![d][i] = c && c[i] >= 0 ? (100 * c[i]) / total : 0;
      });
    }
    rows.push(i);
  }
  const importanceQuestion = importance?.id ?? null;
  if (rows.length === 0) return { n: 0, items: [], dimensions: [], unweighted: 0, weighted: null, importanceQuestion };
  const r = servqualColumns(
    items.map((i) => ({ id: i.key, dimension: i.dimension })),
    { expectations, perceptions, importance: points, rows, weights: sel.weights ?? undefined },
  );
  return {
    n: r.n,
    items: r.items.map((i) => ({
      key: i.id,
      dimension: i.dimension,
      expectation: i.expectation,
      perception: i.perception,
      gap: i.gap,
    })),
    dimensions: r.dimensions,
    unweighted: r.unweighted,
    weighted: r.weighted,
    importanceQuestion,
  };
}
