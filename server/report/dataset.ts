import type { Db } from '../db/client';

export interface Row { id: number; completedAt: number; versionId: number; answers: Record<string, unknown>; hidden: Record<string, string> }

interface Dataset { watermark: number; ids: Set<number>; rows: Row[] }

const caches = new WeakMap<Db, Map<string, Dataset>>();

/**
 * Completed, non-test responses of a survey, parsed once and then kept up to date incrementally:
 * each call reads only rows completed since the last one (by completed_at, on an index), so a
 * report never re-parses the JSON of answers it has already seen.
 */
export function completedRows(db: Db, surveyId: string): Row[] {
  let bySurvey = caches.get(db);
  if (!bySurvey) caches.set(db, (bySurvey = new Map()));
  let ds = bySurvey.get(surveyId);
  if (!ds) bySurvey.set(surveyId, (ds = { watermark: 0, ids: new Set(), rows: [] }));
  const fresh = db.$client
    .prepare(
      `select id, completed_at as completedAt, version_id as versionId, answers, hidden from responses
       where survey_id = ? and status = 'complete' and is_test = 0 and completed_at >= ? order by completed_at`,
    )
    .all(surveyId, ds.watermark) as { id: number; completedAt: number; versionId: number; answers: string; hidden: string | null }[];
  for (const r of fresh) {
    if (ds.ids.has(r.id)) continue;
    ds.ids.add(r.id);
    ds.rows.push({ id: r.id, completedAt: r.completedAt, versionId: r.versionId, answers: JSON.parse(r.answers), hidden: r.hidden ? JSON.parse(r.hidden) : {} });
    if (r.completedAt > ds.watermark) ds.watermark = r.completedAt;
  }
  return ds.rows;
}

/** Forget a survey's cached rows (after responses are deleted). */
export function invalidate(db: Db, surveyId: string) {
  caches.get(db)?.delete(surveyId);
}

export function partialCount(db: Db, surveyId: string): number {
  return (db.$client.prepare(`select count(*) as n from responses where survey_id = ? and status = 'partial' and is_test = 0`)
    .get(surveyId) as { n: number }).n;
}
