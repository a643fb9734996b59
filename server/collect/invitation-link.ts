/**
 * What a personal invitation changes on the submission path: its hidden fields come from the
 * server (never the link), it allows one response, and its status follows that response.
 */
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import type { InvitationStatus } from '../../shared/api/collect';
import type { SubmissionResult } from '../../shared/api/surveys';
import { preparedStatements } from '../db/statements';

export interface InvitationRef {
  id: string;
  status: InvitationStatus;
  clientId: string | null;
  hidden: Record<string, string>;
  lang: string | null;
  /** The register's customer invited, if the invitation was linked to one. */
  customerId: string | null;
}

const statements = preparedStatements((c) => ({
  byToken: c.prepare(
    'select id, status, client_id as clientId, hidden, lang, customer_id as customerId from invitations where survey_id = ? and token = ?',
  ),
  follow: c.prepare('update invitations set status = ?, client_id = ?, updated_at = ? where id = ?'),
}));

export function invitationByToken(db: Db, surveyId: string, token: string): InvitationRef | null {
  const row = statements(db).byToken.get(surveyId, token) as
    | (Omit<InvitationRef, 'hidden'> & { hidden: string })
    | undefined;
  return row ? { ...row, hidden: JSON.parse(row.hidden) as Record<string, string> } : null;
}

export const invitationUsed = (inv: InvitationRef) => inv.status !== 'not-started' && inv.status !== 'started';

/**
 * The clientId the invitation's response is stored under. A second device (or a cleared browser)
 * continues the same response; once it is finished, only the browser that finished it gets the
 * idempotent answer, and anyone else is refused.
 */
export function invitationClientId(inv: InvitationRef, clientId: string): string {
  if (invitationUsed(inv) && inv.clientId !== clientId) {
    throw new AppError(409, 'invitation-used', 'this invitation has already been used to answer');
  }
  return inv.clientId ?? clientId;
}

const STATUS: Record<SubmissionResult['status'], InvitationStatus> = {
  partial: 'started',
  complete: 'completed',
  'over-quota': 'over-quota',
  'screened-out': 'screened-out',
};
/** Runs inside the submission's transaction, so the invitation and its response never disagree. */
export function followResponse(
  db: Db,
  inv: InvitationRef,
  clientId: string,
  status: SubmissionResult['status'],
  now: number,
) {
  statements(db).follow.run(STATUS[status], clientId, now, inv.id);
}
