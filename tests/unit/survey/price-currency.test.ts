import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { priceCurrency } from '../../../shared/survey/price-currency';
import { SurveyDefinitionSchema } from '../../../shared/survey/schema';

const survey = (questions: unknown[]) =>
  v.parse(SurveyDefinitionSchema, { title: { en: 'T' }, pages: [{ id: 'p1', questions }] });

describe('priceCurrency', () => {
  it("is the first price question's currency, whichever kind it is, and null without one", () => {
    const osat = { id: 'osat', type: 'rating', scale: { min: 1, max: 5 }, text: { en: 'Overall' } };
    const gg = { id: 'gg', type: 'gaborGranger', currency: 'USD', prices: [10, 20], text: { en: 'Buy?' } };
    const vw = { id: 'vw', type: 'vanWestendorp', currency: 'GBP', text: { en: 'Price' } };
    expect(priceCurrency(survey([osat]))).toBeNull();
    expect(priceCurrency(survey([osat, gg, vw]))).toBe('USD');
    expect(priceCurrency(survey([vw, gg]))).toBe('GBP');
  });
});
