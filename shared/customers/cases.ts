/** A customer's follow-up cases as the customer page shows them (server/customers/customer-cases.ts). */
import type { CaseStatus, Priority } from '../api/alerts';
import type { ComplaintType, Severity } from '../api/complaints';

export interface CustomerCase {
  id: string;
  surveyId: string;
  surveyTitle: string;
  ruleName: string;
  status: CaseStatus;
  priority: Priority;
  complaintType: ComplaintType | null;
  severity: Severity | null;
  openedAt: number;
  resolvedAt: number | null;
  owner: { id: string; name: string } | null;
  /** Whether the reader may open the case's page (its owner, researchers and admins). */
  canOpen: boolean;
  /**
   * Notes oldest first. Notes may hold contact details, so only those who may open the case read
   * them; for anyone else this is null.
   */
  notes: { at: number; user: string | null; text: string }[] | null;
}

export interface CustomerCases {
  /** Newest first. */
  cases: CustomerCase[];
  /** Complaints counted by type; `none`: cases not classified yet. */
  byType: Record<ComplaintType | 'none', number>;
}
