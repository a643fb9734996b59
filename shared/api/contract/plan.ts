/** The research plan, its waves and the fieldwork it drives. */
import * as v from 'valibot';
import { SavePlanSchema, type FieldworkDto, type PlanDto } from '../plan';
import { json, routes } from './define';

export const planRoutes = routes({
  'GET /api/surveys/:id/plan': {
    summary: 'The research plan with its sample, quotas and budget figures',
    tag: 'Plan',
    access: 'viewer',
    answer: json<PlanDto>('PlanDto'),
  },
  'PUT /api/surveys/:id/plan': {
    summary: 'Save the research plan',
    tag: 'Plan',
    access: 'researcher',
    body: SavePlanSchema,
    answer: json<PlanDto>('PlanDto'),
  },
  'POST /api/surveys/:id/waves': {
    summary: 'Open the next wave of a repeated study',
    tag: 'Plan',
    access: 'researcher',
    answer: json<{ wave: number }>('{ wave: number }', 201),
    errors: ['no-plan', 'one-off'],
  },
  'GET /api/surveys/:id/fieldwork': {
    summary: 'Fieldwork against the plan: completes, quota cells, response rate, margin of error',
    tag: 'Plan',
    access: 'viewer',
    query: v.object({ wave: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, 'must be a wave number'))) }),
    answer: json<FieldworkDto>('FieldworkDto'),
  },
});
