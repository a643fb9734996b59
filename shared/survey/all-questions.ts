import type { Question, SurveyDefinition } from './schema';

/**
 * Every question of a survey, in page order. In a module of its own so that code which only walks
 * a definition, like the report's column workers, doesn't load and build the Valibot schemas.
 */
export function allQuestions(def: SurveyDefinition): Question[] {
  return def.pages.flatMap((p) => p.questions);
}
