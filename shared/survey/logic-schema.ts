/** The Valibot schemas of display logic; evaluation lives in logic.ts, free of Valibot, for the respondent bundle. */
import * as v from 'valibot';
import { ID_PATTERN, isReservedId, RESERVED_MESSAGE } from './ids';

/** A question id, `question.item` or a hidden field name, under the one rule for ids (./ids.ts). */
export const SourceSchema = v.pipe(
  v.string('must be a question id or hidden field'),
  v.regex(new RegExp(`^${ID_PATTERN}(\\.${ID_PATTERN})?$`), 'must be a question id, question.item or hidden field'),
  v.check((s) => !s.split('.').some(isReservedId), RESERVED_MESSAGE),
);

const Scalar = v.union([v.string(), v.number()]);

export const ConditionSchema = v.pipe(
  v.object({
    source: SourceSchema,
    op: v.picklist(
      ['equals', 'notEquals', 'in', 'notIn', 'between', 'answered', 'notAnswered'],
      'must be equals, notEquals, in, notIn, between, answered or notAnswered',
    ),
    value: v.optional(Scalar),
    values: v.optional(v.pipe(v.array(Scalar), v.minLength(1, 'needs at least one value'))),
    min: v.optional(v.number()),
    max: v.optional(v.number()),
  }),
  v.check((c) => !['equals', 'notEquals'].includes(c.op) || c.value !== undefined, 'equals and notEquals need a value'),
  v.check((c) => !['in', 'notIn'].includes(c.op) || c.values !== undefined, 'in and notIn need values'),
  v.check((c) => c.op !== 'between' || c.min !== undefined || c.max !== undefined, 'between needs min or max'),
);
export type Condition = v.InferOutput<typeof ConditionSchema>;

export const LogicSchema = v.object({
  match: v.optional(v.picklist(['all', 'any'], 'must be all or any'), 'all'),
  conditions: v.pipe(v.array(ConditionSchema), v.minLength(1, 'needs at least one condition'), v.maxLength(50)),
});
export type Logic = v.InferOutput<typeof LogicSchema>;
