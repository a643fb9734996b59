/** Request bodies and answers of the plan, waves and fieldwork routes. */
import * as v from 'valibot';
import { PlanSchema, type Plan, type PlanFigures } from '../plan';

export const SavePlanSchema = v.object({ plan: PlanSchema });

/** A quota cell as the plan and fieldwork pages show it: its target and the completes so far in the wave. */
export interface CellProgress {
  key: string;
  values: string[];
  labels: string[];
  /** Population share of the cell, from 0 to 1: what reports weight back to. */
  share: number;
  target: number;
  completes: number;
}

/** GET/PUT /api/surveys/:id/plan. `plan` is null until one is saved. */
export interface PlanDto {
  surveyId: string;
  plan: Plan | null;
  figures: PlanFigures | null;
  currentWave: number;
  cells: CellProgress[];
  updatedAt: number | null;
}

/** GET /api/surveys/:id/fieldwork: how collection stands in one wave. */
export interface FieldworkDto {
  wave: number;
  currentWave: number;
  /** Planned completes; null without a plan. */
  target: number | null;
  completes: number;
  partials: number;
  screenedOut: number;
  overQuota: number;
  /** Median time spent by those who completed (the sum of their page times), in seconds; null before the first. */
  medianSeconds: number | null;
  /** Partials by the last page they reached, in page order of the current version. */
  dropOff: { page: number; pageId: string | null; partials: number }[];
  /** Margin of error of a proportion (or a mean, as the plan says) reached with the completes so far. */
  margin: { confidence: number; value: number | null };
  cells: CellProgress[];
  /** Completes whose quota variables were unknown or outside the categories. */
  outsideCells: number;
  /** Personal invitations of the survey (all waves); null when there are none. */
  invitations: InvitationFigures | null;
}

/**
 * How personal invitations were answered. `responseRate` is completed ÷ (invited − bounced): a
 * contact whose invitation bounced was never reached, while one given a link by mail merge was.
 */
export interface InvitationFigures {
  invited: number;
  /** Sent by e-mail (the rest went out by mail merge, or not yet). */
  sent: number;
  bounced: number;
  /** Opened the link and saved at least one page, finished or not. */
  started: number;
  completed: number;
  /** Null while every invitation bounced. */
  responseRate: number | null;
}
