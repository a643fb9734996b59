import { desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { surveyVersions } from '../db/schema';
import { AppError } from '../http/errors';
import { getRow } from '../survey/service';
import { SurveyDefinitionSchema, allQuestions, type Question } from '../../shared/survey/schema';
import type { Count, Interval, MeanSummary, QuestionReport, ReportDto } from '../../shared/api/report';
import { marginOfError, meanCI, nps, wilson } from '../../shared/stats';
import { completedRows, partialCount, type Row } from './dataset';

const mean = (xs: number[]): MeanSummary | null => (xs.length >= 2 ? meanCI(xs, 0.95) : null);

function tally(values: readonly (string | number)[], order: readonly (string | number)[], base: number): Count[] {
  const counts = new Map<string | number, number>(order.map((k) => [k, 0]));
  for (const x of values) counts.set(x, (counts.get(x) ?? 0) + 1);
  return order.map((value) => ({ value, count: counts.get(value)!, share: base > 0 ? counts.get(value)! / base : 0 }));
}

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

function share(successes: number, n: number): Interval | null {
  return n > 0 ? wilson(successes, n, 0.95) : null;
}

function scaleSummary(xs: number[], min: number, max: number) {
  return {
    counts: tally(xs, range(min, max), xs.length),
    mean: mean(xs),
    topBox: share(xs.filter((x) => x === max).length, xs.length),
    topTwoBox: share(xs.filter((x) => x >= max - 1).length, xs.length),
  };
}

function questionReport(q: Question, rows: readonly Row[]): QuestionReport {
  const answers = rows.map((r) => r.answers[q.id]).filter((a) => a !== undefined);
  switch (q.type) {
    case 'single':
      return { id: q.id, type: q.type, n: answers.length, counts: tally(answers as string[], q.options.map((o) => o.id), answers.length) };
    case 'multiple':
      return { id: q.id, type: q.type, n: answers.length, counts: tally((answers as string[][]).flat(), q.options.map((o) => o.id), answers.length) };
    case 'rating': {
      const xs = answers.filter((a): a is number => typeof a === 'number');
      const { counts, mean: m, topBox, topTwoBox } = scaleSummary(xs, q.scale.min, q.scale.max);
      return { id: q.id, type: 'rating', n: xs.length, notApplicable: answers.length - xs.length, counts, mean: m, topBox, topTwoBox };
    }
    case 'nps': {
      const xs = answers as number[];
      return { id: q.id, type: 'nps', n: xs.length, counts: tally(xs, range(0, 10), xs.length), nps: xs.length > 0 ? nps(xs, 0.95) : null };
    }
    case 'matrix': {
      const items = q.items.map((item) => {
        const xs = (answers as Record<string, unknown>[]).map((a) => a[item.id]).filter((x): x is number => typeof x === 'number');
        const s = scaleSummary(xs, q.scale.min, q.scale.max);
        return { id: item.id, n: xs.length, counts: s.counts, mean: s.mean, topTwoBox: s.topTwoBox };
      });
      return { id: q.id, type: 'matrix', n: answers.length, items };
    }
    case 'number': {
      const xs = answers as number[];
      return { id: q.id, type: 'number', n: xs.length, mean: mean(xs), min: xs.length ? Math.min(...xs) : null, max: xs.length ? Math.max(...xs) : null };
    }
    case 'text': {
      const withText = rows.filter((r) => typeof r.answers[q.id] === 'string');
      const latest = withText.slice(-50).reverse().map((r) => ({ text: r.answers[q.id] as string, at: r.completedAt }));
      return { id: q.id, type: 'text', n: withText.length, latest };
    }
  }
}

/** The first report: counts, distributions, means and shares, across all versions by question id. */
export function buildReport(db: Db, surveyId: string): ReportDto {
  getRow(db, surveyId);
  const latest = db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version)).get();
  if (!latest) throw new AppError(409, 'not-published', 'the survey has no published version yet');
  const definition = v.parse(SurveyDefinitionSchema, latest.definition);
  const rows = completedRows(db, surveyId);
  const partials = partialCount(db, surveyId);
  const completes = rows.length;
  return {
    surveyId,
    definition,
    completes,
    partials,
    completionRate: completes + partials > 0 ? completes / (completes + partials) : null,
    marginOfError: completes > 0 ? marginOfError({ n: completes, confidence: 0.95 }) : null,
    questions: allQuestions(definition).map((q) => questionReport(q, rows)),
  };
}
