/**
 * Display logic on a customer's tier or segment, without sending either to the respondent's page.
 * The page gets the survey with each condition on a customer field replaced by one on an opaque
 * flag (`customer_condition_1`…), and an invitation's page gets the flags of the conditions that
 * hold for its customer; the server validates submissions against the real conditions and the
 * invitation's fields, and both walk the survey alike:
 * - a condition that holds only on a value (equals, in, between, answered…) becomes "the flag is
 *   set", set when the condition holds;
 * - `notAnswered`, the one that holds without the field, becomes "the flag is not set", set when
 *   the field is there.
 * A respondent without an invitation has no customer fields on either side and no flags.
 */
import type { SurveyDefinition } from '../../shared/survey/schema';
import type { Condition, Logic } from '../../shared/survey/logic-schema';
import { evaluate } from '../../shared/survey/logic';
import { isCustomerField } from '../../shared/customers/fields';

const conditionId = (c: Condition) => JSON.stringify([c.source, c.op, c.value, c.values, c.min, c.max]);

/** Each distinct condition on a customer field, keyed by its flag's name, in the order of the survey. */
function customerConditions(def: SurveyDefinition): Map<string, { key: string; condition: Condition }> {
  const taken = new Set([...def.hiddenFields, ...def.pages.flatMap((p) => p.questions.map((q) => q.id))]);
  let base = 'customer_condition';
  while ([...taken].some((id) => id.startsWith(base))) base += '_';
  const out = new Map<string, { key: string; condition: Condition }>();
  const visit = (logic: Logic | undefined) => {
    for (const c of logic?.conditions ?? []) {
      if (!isCustomerField(c.source)) continue;
      const id = conditionId(c);
      if (!out.has(id)) out.set(id, { key: `${base}_${out.size + 1}`, condition: c });
    }
  };
  for (const page of def.pages) {
    visit(page.visibleIf);
    for (const q of page.questions) visit(q.visibleIf);
  }
  for (const s of def.screenOuts) visit(s.when);
  return out;
}

const masked = new WeakMap<SurveyDefinition, SurveyDefinition>();

/** The survey as the respondent's page receives it: no customer field in its logic. */
export function respondentDefinition(def: SurveyDefinition): SurveyDefinition {
  const hit = masked.get(def);
  if (hit) return hit;
  const conditions = customerConditions(def);
  let out = def;
  if (conditions.size) {
    const mask = <L extends Logic | undefined>(logic: L): L =>
      (logic && {
        ...logic,
        conditions: logic.conditions.map((c): Condition => {
          if (!isCustomerField(c.source)) return c;
          const { key } = conditions.get(conditionId(c))!;
          return { source: key, op: c.op === 'notAnswered' ? 'notAnswered' : 'answered' };
        }),
      }) as L;
    out = {
      ...def,
      pages: def.pages.map((p) => ({
        ...p,
        visibleIf: mask(p.visibleIf),
        questions: p.questions.map((q) => ({ ...q, visibleIf: mask(q.visibleIf) })),
      })),
      screenOuts: def.screenOuts.map((s) => ({ ...s, when: mask(s.when) })),
    };
  }
  masked.set(def, out);
  return out;
}

/** The flags an invitation's page gets, from the customer fields the invitation carries. */
export function customerFlags(def: SurveyDefinition, hidden: Readonly<Record<string, string>>): Record<string, string> {
  const facts = { answers: {}, hidden };
  const flags: Record<string, string> = {};
  for (const { key, condition } of customerConditions(def).values()) {
    const holds = evaluate({ match: 'all', conditions: [condition] }, facts);
    if (condition.op === 'notAnswered' ? !holds : holds) flags[key] = '1';
  }
  return flags;
}
