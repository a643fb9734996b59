import { allQuestions, type SurveyDefinition } from './schema';

/**
 * The currency the survey asks prices in (its first Van Westendorp or Gabor-Granger question's),
 * or null: money figures about the same customers should start in the same currency.
 */
export function priceCurrency(def: SurveyDefinition): string | null {
  for (const q of allQuestions(def)) if (q.type === 'vanWestendorp' || q.type === 'gaborGranger') return q.currency;
  return null;
}
