/** Completes per quota cell in a wave, against each cell's target. */
import { and, count, eq } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { responses } from '../db/tables';
import { cellLabels, crossCells, type Quotas } from '../../shared/plan';
import type { CellProgress } from '../../shared/api/plan';

/** Responses of one wave, test responses left out. */
export const inWave = (surveyId: string, wave: number) =>
  and(eq(responses.surveyId, surveyId), eq(responses.wave, wave), eq(responses.isTest, false));

function* completesByCell(db: Sql, surveyId: string, wave: number): Work<Map<string | null, number>> {
  const rows = yield* q(
    db
      .select({ cell: responses.quotaCell, n: count() })
      .from(responses)
      .where(and(inWave(surveyId, wave), eq(responses.status, 'complete')))
      .groupBy(responses.quotaCell),
  );
  return new Map(rows.map((r) => [r.cell, r.n]));
}

/** Each quota cell's target and completes in the wave, in the design's order. */
export function* cellProgress(db: Sql, surveyId: string, quotas: Quotas, wave: number): Work<CellProgress[]> {
  const counts = yield* completesByCell(db, surveyId, wave);
  const shares = new Map(crossCells(quotas).map((c) => [c.key, c.share]));
  return (quotas.cells ?? []).map((c) => ({
    key: c.key,
    values: c.values,
    labels: cellLabels(quotas, c.values),
    share: shares.get(c.key) ?? 0,
    target: c.target,
    completes: counts.get(c.key) ?? 0,
  }));
}
