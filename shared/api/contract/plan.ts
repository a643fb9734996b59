/** The research plan, its waves and the fieldwork it drives. */
import * as v from 'valibot';
import { SavePlanSchema, type FieldworkDto, type PlanDto } from '../plan';
import { json, routes } from './define';

export const planRoutes = routes({
  'GET /api/surveys/:id/plan': {
    summary: 'The research plan with its sample, quotas and budget figures',
    notes: [
      "Answers: `{ plan, figures, currentWave, cells, updatedAt }`: the research plan (null until saved), completes needed, invitations, margin at the planned n, budget totals per currency, and each quota cell's target and completes in the current wave",
    ],
    tag: 'Plan',
    access: 'viewer',
    answer: json<PlanDto>('PlanDto'),
  },
  'PUT /api/surveys/:id/plan': {
    summary: 'Save the research plan',
    notes: [
      'Takes: `{ plan }` (`shared/plan/schema.ts`)',
      'Answers: the same; quota cells omitted are allocated from `quotas.total` (default: completes needed) by `quotas.method`; 400 naming the path, e.g. `plan.quotas.variables[0].categories` "shares of Tier add up to 98.5%, not 100%"',
    ],
    tag: 'Plan',
    access: 'researcher',
    body: SavePlanSchema,
    answer: json<PlanDto>('PlanDto'),
  },
  'POST /api/surveys/:id/waves': {
    summary: 'Open the next wave of a repeated study',
    notes: ['Answers: 201 `{ wave }`: the next wave of a repeated study; 409 without a plan or for a one-off one'],
    tag: 'Plan',
    access: 'researcher',
    answer: json<{ wave: number }>('{ wave: number }', 201),
    errors: ['no-plan', 'one-off'],
  },
  'GET /api/surveys/:id/fieldwork': {
    summary: 'Fieldwork against the plan: completes, quota cells, response rate, margin of error',
    notes: [
      'Answers: completes vs target, partials, screened-out, over-quota, median time, drop-off by page, margin reached, quota cells filling, and `invitations` `{ invited, sent, bounced, started, completed, responseRate }` (completed ÷ (invited − bounced), all waves; null without invitations)',
    ],
    tag: 'Plan',
    access: 'viewer',
    query: v.object({ wave: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, 'must be a wave number'))) }),
    answer: json<FieldworkDto>('FieldworkDto'),
  },
});
