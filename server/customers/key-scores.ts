/**
 * A response's key scores for the customer page: the survey's headline questions found as the
 * report's sections find them (server/report/sections/satisfaction.ts, loyalty.ts), read from one
 * response's answers.
 */
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import type { KeyScores } from '../../shared/customers/schema';
import { withRole } from '../report/sections/input';

export interface KeyQuestions {
  /** The overall-satisfaction rating (not a matrix item), on its scale. */
  satisfaction: { id: string; min: number; max: number } | null;
  /** The recommendation question, else the first NPS question. */
  nps: string | null;
  /** The loyalty question: a single choice whose first option is the most loyal, or a rating. */
  loyalty: { id: string; firstOption: string } | { id: string; top: number } | null;
}

export function keyQuestions(def: SurveyDefinition): KeyQuestions {
  const sat = withRole(def, 'overall-satisfaction').find((q) => q.type === 'rating');
  const nps =
    withRole(def, 'recommend').find((q) => q.type === 'nps') ?? allQuestions(def).find((q) => q.type === 'nps');
  const loyal = withRole(def, 'loyalty').find((q) => q.type === 'single' || q.type === 'rating');
  return {
    satisfaction: sat?.type === 'rating' ? { id: sat.id, min: sat.scale.min, max: sat.scale.max } : null,
    nps: nps?.id ?? null,
    loyalty:
      loyal?.type === 'single'
        ? { id: loyal.id, firstOption: loyal.options[0].id }
        : loyal?.type === 'rating'
          ? { id: loyal.id, top: loyal.scale.max }
          : null,
  };
}

export function keyScores(keys: KeyQuestions, answers: Record<string, unknown>): KeyScores {
  const num = (id: string) => (typeof answers[id] === 'number' ? (answers[id] as number) : null);
  const sat = keys.satisfaction && num(keys.satisfaction.id);
  let loyal: boolean | null = null;
  if (keys.loyalty && answers[keys.loyalty.id] !== undefined && answers[keys.loyalty.id] !== null) {
    const a = answers[keys.loyalty.id];
    // An "other" text answer (an object) is not the most loyal option.
    if ('firstOption' in keys.loyalty) loyal = a === keys.loyalty.firstOption;
    else if (typeof a === 'number') loyal = a >= keys.loyalty.top - 1;
  }
  return {
    satisfaction:
      keys.satisfaction && sat !== null ? { value: sat, min: keys.satisfaction.min, max: keys.satisfaction.max } : null,
    nps: keys.nps === null ? null : num(keys.nps),
    loyal,
  };
}
