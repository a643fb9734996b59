/** How collection stands in one wave: counts by status, quota cells filling, drop-off, time, margin reached. */
import * as v from 'valibot';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { responses, surveyVersions } from '../db/schema';
import { badRequest } from '../http/errors';
import { getRow } from '../survey/service';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { marginAt, plannedCompletes } from '../../shared/plan';
import { median } from '../../shared/stats';
import type { FieldworkDto, InvitationFigures } from '../../shared/api/plan';
import { invitations } from '../db/schema';
import { BOUNCED } from '../collect/invitations';
import { cellProgress, inWave } from './cells';
import { storedPlan } from './service';

/** Median time completers took (their `duration`: page times, else first save to completion), the durations read off the counts index. */
function medianSeconds(db: Db, surveyId: string, wave: number, n: number): number | null {
  if (n === 0) return null;
  const durations = db.$client
    .prepare(`select duration from responses
    where survey_id = ? and status = 'complete' and is_test = 0 and wave = ? and duration is not null`)
    .pluck()
    .all(surveyId, wave) as number[];
  return durations.length > 0 ? median(durations) / 1000 : null;
}

function dropOff(db: Db, surveyId: string, wave: number, versionId: number | null): FieldworkDto['dropOff'] {
  const rows = db
    .select({ page: responses.page, n: sql<number>`count(*)` })
    .from(responses)
    .where(and(inWave(surveyId, wave), eq(responses.status, 'partial')))
    .groupBy(responses.page)
    .all();
  const version =
    versionId === null
      ? undefined
      : db
          .select({ definition: surveyVersions.definition })
          .from(surveyVersions)
          .where(eq(surveyVersions.id, versionId))
          .get();
  const pageIds = version ? v.parse(SurveyDefinitionSchema, version.definition).pages.map((p) => p.id) : [];
  const counts = new Map(rows.map((r) => [r.page, r.n]));
  const pages = new Set([...pageIds.keys(), ...counts.keys()]);
  return [...pages]
    .sort((a, b) => a - b)
    .map((page) => ({ page, pageId: pageIds[page] ?? null, partials: counts.get(page) ?? 0 }));
}

function invitationFigures(db: Db, surveyId: string): InvitationFigures | null {
  const r = db
    .select({
      invited: sql<number>`count(*)`,
      sent: sql<number>`coalesce(sum(${invitations.sentAt} is not null), 0)`,
      bounced: sql<number>`coalesce(sum(${BOUNCED}), 0)`,
      started: sql<number>`coalesce(sum(${invitations.status} <> 'not-started'), 0)`,
      completed: sql<number>`coalesce(sum(${invitations.status} = 'completed'), 0)`,
    })
    .from(invitations)
    .where(eq(invitations.surveyId, surveyId))
    .get()!;
  if (r.invited === 0) return null;
  const reached = r.invited - r.bounced;
  return { ...r, responseRate: reached > 0 ? r.completed / reached : null };
}

/** Fieldwork figures for `wave` (default: the current one). */
export function fieldwork(db: Db, surveyId: string, wave?: number): FieldworkDto {
  const survey = getRow(db, surveyId);
  const w = wave ?? survey.currentWave;
  if (!(Number.isInteger(w) && w >= 1 && w <= survey.currentWave)) {
    throw badRequest(`wave: must be a wave from 1 to ${survey.currentWave}`, 'wave');
  }
  const byStatus = new Map(
    db
      .select({ status: responses.status, n: sql<number>`count(*)` })
      .from(responses)
      .where(inWave(surveyId, w))
      .groupBy(responses.status)
      .all()
      .map((r) => [r.status, r.n]),
  );
  const completes = byStatus.get('complete') ?? 0;
  const plan = storedPlan(db, surveyId)?.plan ?? null;
  const cells = plan?.quotas ? cellProgress(db, surveyId, plan.quotas, w) : [];
  const sample = plan?.sample ?? {
    kind: 'proportion' as const,
    confidence: 0.95,
    margin: 0.05,
    designEffect: 1,
    responseRate: 1,
    incidence: 1,
  };
  return {
    wave: w,
    currentWave: survey.currentWave,
    target: plan ? plannedCompletes(plan) : null,
    completes,
    partials: byStatus.get('partial') ?? 0,
    screenedOut: byStatus.get('screened-out') ?? 0,
    overQuota: byStatus.get('over-quota') ?? 0,
    medianSeconds: medianSeconds(db, surveyId, w, completes),
    dropOff: dropOff(db, surveyId, w, survey.currentVersionId),
    margin: { confidence: sample.confidence, value: marginAt(sample, completes) },
    cells,
    outsideCells: plan?.quotas ? completes - cells.reduce((a, c) => a + c.completes, 0) : 0,
    invitations: invitationFigures(db, surveyId),
  };
}
