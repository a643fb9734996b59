/** Completes per quota cell in a wave, against each cell's target. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { responses } from '../db/schema';
import { cellLabels, crossCells, type Quotas } from '../../shared/plan';
import type { CellProgress } from '../../shared/api/plan';

/** Responses of one wave, test responses left out. */
export const inWave = (surveyId: string, wave: number) =>
  and(eq(responses.surveyId, surveyId), eq(responses.wave, wave), eq(responses.isTest, false));

function completesByCell(db: Db, surveyId: string, wave: number): Map<string | null, number> {
  const rows = db
    .select({ cell: responses.quotaCell, n: sql<number>`count(*)` })
    .from(responses)
    .where(and(inWave(surveyId, wave), eq(responses.status, 'complete')))
    .groupBy(responses.quotaCell)
    .all();
  return new Map(rows.map((r) => [r.cell, r.n]));
}

/** Each quota cell's target and completes in the wave, in the design's order. */
export function cellProgress(db: Db, surveyId: string, quotas: Quotas, wave: number): CellProgress[] {
  const counts = completesByCell(db, surveyId, wave);
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
