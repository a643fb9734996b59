/**
 * Opening a case on a response by hand, from the report's "high value at risk" list: owned by whoever
 * opens it, due by the survey's hours for its priority. One case per response this way: a second
 * click answers with the first case.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { getRow } from '../survey/service';
import { AT_RISK_CASE, DEFAULT_DUE_HOURS } from '../../shared/api/alerts';
import { readAlertSettings } from '../alerts/hook';

export async function openCaseOnResponse(
  db: Db,
  surveyId: string,
  responseId: number,
  ownerId: string,
  now: number,
): Promise<{ id: string; created: boolean }> {
  getRow(db, surveyId);
  const sqlite = db.$client;
  const response = sqlite
    .prepare(`select id from responses where id = ? and survey_id = ? and status = 'complete' and is_test = 0`)
    .get(responseId, surveyId);
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
  const priority = 'high' as const;
  const settings = sqlite.prepare('select data from alert_settings where survey_id = ?').pluck().get(surveyId);
  const hours = readAlertSettings(settings).dueHours[priority] ?? DEFAULT_DUE_HOURS[priority];
  return db.transaction(() => {
    const existing = sqlite.prepare('select id from cases where response_id = ? and rule_id is null').get(responseId) as
      | { id: string }
      | undefined;
    if (existing) return { id: existing.id, created: false };
    const id = randomBytes(12).toString('base64url');
    sqlite
      .prepare(`insert into cases (id, survey_id, rule_id, rule_name, response_id, owner_id, status, priority, due_at, opened_at, updated_at)
        values (?, ?, null, ?, ?, ?, 'open', ?, ?, ?, ?)`)
      .run(id, surveyId, AT_RISK_CASE, responseId, ownerId, priority, now + Math.round(hours * 3_600_000), now, now);
    sqlite
      .prepare('insert into case_events (case_id, user_id, kind, data, at) values (?, ?, ?, ?, ?)')
      .run(id, ownerId, 'opened', JSON.stringify({ rule: AT_RISK_CASE, ownerId }), now);
    return { id, created: true };
  });
}
