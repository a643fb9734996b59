import type { Plan } from '../../shared/plan';
import { priceCurrency } from '../../shared/survey/price-currency';
import type { SurveyDefinition } from '../../shared/survey/schema';

/**
 * The study's own currency, the same for every reader whatever their language: the one its
 * questions ask prices in, else the one its plan budgets in; null when the study names none
 * (the reader then picks one before any money is shown).
 */
export function studyCurrency(def: SurveyDefinition, plan: Plan | null): string | null {
  return priceCurrency(def) ?? plan?.budget?.[0]?.currency ?? null;
}
