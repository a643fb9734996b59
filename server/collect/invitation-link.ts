/**
 * What a personal invitation changes on the submission path: its hidden fields come from the
 * server (never the link), it allows one response, and its status follows that response.
 */
import { AppError } from '../http/errors';
import type { InvitationStatus } from '../../shared/api/collect';
import type { SubmissionResult } from '../../shared/api/surveys';
import type { Work } from '../db/store';
import type { InvitationRow, SubmitStatements } from './statements';

/** The invitation's row; `customerId` is the register's customer invited, if it was linked to one. */
export type InvitationRef = InvitationRow;

/** The invitation of a token; on PostgreSQL locked until the unit of work ends. */
export function* invitationByToken(ops: SubmitStatements, surveyId: string, token: string): Work<InvitationRef | null> {
  return (yield* ops.invitation(surveyId, token)) ?? null;
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
/** Part of the submission's unit of work, so the invitation and its response never disagree. */
export function followResponse(
  ops: SubmitStatements,
  inv: InvitationRef,
  clientId: string,
  status: SubmissionResult['status'],
  now: number,
): Work<void> {
  return ops.followInvitation(inv.id, STATUS[status], clientId, now);
}
