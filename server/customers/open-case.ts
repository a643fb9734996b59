/**
 * Opening a case on a response by hand, from the report's "high value at risk" list: owned by whoever
 * opens it, due by the survey's hours for its priority. One case per response this way: a second
 * click answers with the first case.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { alertSettings, caseEvents, cases, responses } from '../db/tables';
import { AppError } from '../http/errors';
import { surveyRow } from '../survey/service';
import { AT_RISK_CASE, DEFAULT_DUE_HOURS } from '../../shared/api/alerts';
import { readAlertSettings } from '../alerts/hook';
import { tierAtOpening } from './case-tier';

export function* openCaseOnResponse(
  tx: Sql,
  surveyId: string,
  responseId: number,
  ownerId: string,
  now: number,
): Work<{ id: string; created: boolean }> {
  yield* surveyRow(tx, surveyId);
  // The response's row is locked: of two clicks at once on two nodes, the second finds the first's case.
  const [response] = yield* q(
    forUpdate(
      tx
        .select({ id: responses.id })
        .from(responses)
        .where(
          and(
            eq(responses.id, responseId),
            eq(responses.surveyId, surveyId),
            eq(responses.status, 'complete'),
            eq(responses.isTest, false),
          ),
        ),
    ),
  );
  if (!response)
    throw new AppError(
      404,
      'not-found',
      `no completed response ${responseId} in this survey`,
      'responseId',
      undefined,
      {
        what: 'response',
      },
    );
  const [existing] = yield* q(
    tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.responseId, responseId), isNull(cases.ruleId))),
  );
  if (existing) return { id: existing.id, created: false };
  const priority = 'high' as const;
  const [settings] = yield* q(
    tx.select({ data: alertSettings.data }).from(alertSettings).where(eq(alertSettings.surveyId, surveyId)),
  );
  const hours = readAlertSettings(settings?.data).dueHours[priority] ?? DEFAULT_DUE_HOURS[priority];
  const id = randomBytes(12).toString('base64url');
  yield* q(
    tx.insert(cases).values({
      id,
      surveyId,
      ruleId: null,
      ruleName: AT_RISK_CASE,
      responseId,
      ownerId,
      status: 'open',
      priority,
      customerTier: tierAtOpening(responseId),
      dueAt: now + Math.round(hours * 3_600_000),
      openedAt: now,
      updatedAt: now,
    }),
  );
  yield* q(
    tx
      .insert(caseEvents)
      .values({ caseId: id, userId: ownerId, kind: 'opened', data: { rule: AT_RISK_CASE, ownerId }, at: now }),
  );
  return { id, created: true };
}
