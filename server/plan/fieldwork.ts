/** How collection stands in one wave: counts by status, quota cells filling, drop-off, time, margin reached. */
import * as v from 'valibot';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { invitations, responses, surveyVersions } from '../db/tables';
import { badRequest } from '../http/errors';
import { surveyRow } from '../survey/service';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { marginAt, plannedCompletes } from '../../shared/plan';
import { median } from '../../shared/stats';
import type { FieldworkDto, InvitationFigures } from '../../shared/api/plan';
import { BOUNCE_PREFIX } from '../../shared/api/collect';
import { cellProgress, inWave } from './cells';
import { planOf } from './service';

/** Median time completers took (their `duration`: page times, else first save to completion), the durations read off the counts index. */
function* medianSeconds(db: Sql, surveyId: string, wave: number, n: number): Work<number | null> {
  if (n === 0) return null;
  const rows = yield* q(
    db
      .select({ duration: responses.duration })
      .from(responses)
      .where(and(inWave(surveyId, wave), eq(responses.status, 'complete'), isNotNull(responses.duration))),
  );
  return rows.length > 0 ? median(rows.map((r) => r.duration!)) / 1000 : null;
}

function* dropOff(db: Sql, surveyId: string, wave: number, versionId: number | null): Work<FieldworkDto['dropOff']> {
  const rows = yield* q(
    db
      .select({ page: responses.page, n: count() })
      .from(responses)
      .where(and(inWave(surveyId, wave), eq(responses.status, 'partial')))
      .groupBy(responses.page),
  );
  const [version] =
    versionId === null
      ? []
      : yield* q(
          db
            .select({ definition: surveyVersions.definition })
            .from(surveyVersions)
            .where(eq(surveyVersions.id, versionId)),
        );
  const pageIds = version ? v.parse(SurveyDefinitionSchema, version.definition).pages.map((p) => p.id) : [];
  const counts = new Map(rows.map((r) => [r.page, r.n]));
  const pages = new Set([...pageIds.keys(), ...counts.keys()]);
  return [...pages]
    .sort((a, b) => a - b)
    .map((page) => ({ page, pageId: pageIds[page] ?? null, partials: counts.get(page) ?? 0 }));
}

/** How many invitations meet `condition`, in SQL both dialects read. */
const tally = (condition: ReturnType<typeof sql>) =>
  // Drizzle reads a sum through the driver's own parsers, which give PostgreSQL's bigint as text.
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);

function* invitationFigures(db: Sql, surveyId: string): Work<InvitationFigures | null> {
  const bounced = sql`substr(${invitations.lastError}, 1, ${sql.raw(String(BOUNCE_PREFIX.length))}) = ${BOUNCE_PREFIX}`;
  const [r] = yield* q(
    db
      .select({
        invited: count(),
        sent: tally(sql`${invitations.sentAt} is not null`),
        bounced: tally(bounced),
        started: tally(sql`${invitations.status} <> 'not-started'`),
        completed: tally(sql`${invitations.status} = 'completed'`),
      })
      .from(invitations)
      .where(eq(invitations.surveyId, surveyId)),
  );
  if (r.invited === 0) return null;
  const reached = r.invited - r.bounced;
  return { ...r, responseRate: reached > 0 ? r.completed / reached : null };
}

/** Fieldwork figures for `wave` (default: the current one). */
export function* fieldwork(db: Sql, surveyId: string, wave?: number): Work<FieldworkDto> {
  const survey = yield* surveyRow(db, surveyId);
  const w = wave ?? survey.currentWave;
  if (!(Number.isInteger(w) && w >= 1 && w <= survey.currentWave)) {
    throw badRequest(`wave: must be a wave from 1 to ${survey.currentWave}`, 'wave');
  }
  const statuses = yield* q(
    db
      .select({ status: responses.status, n: count() })
      .from(responses)
      .where(inWave(surveyId, w))
      .groupBy(responses.status),
  );
  const byStatus = new Map(statuses.map((r) => [r.status, r.n]));
  const completes = byStatus.get('complete') ?? 0;
  const plan = (yield* planOf(db, surveyId))?.plan ?? null;
  const cells = plan?.quotas ? yield* cellProgress(db, surveyId, plan.quotas, w) : [];
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
    medianSeconds: yield* medianSeconds(db, surveyId, w, completes),
    dropOff: yield* dropOff(db, surveyId, w, survey.currentVersionId),
    margin: { confidence: sample.confidence, value: marginAt(sample, completes) },
    cells,
    outsideCells: plan?.quotas ? completes - cells.reduce((a, c) => a + c.completes, 0) : 0,
    invitations: yield* invitationFigures(db, surveyId),
  };
}
