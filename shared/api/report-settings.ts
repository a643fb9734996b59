/**
 * What the research team saves with a survey's report for every reader: the figures of the
 * loyalty-value estimate ("what more loyalty is worth"), so a manager opening a share link or the
 * printed report starts from the business's own numbers rather than placeholders. Each reader can
 * still change them in their browser.
 */
import * as v from 'valibot';
import { CurrencySchema } from '../survey/research-types';

const number = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));

/** Each figure within what the estimate's boxes accept; whether they work together is the estimate's to say. */
export const LoyaltyValueInputsSchema = v.strictObject({
  /** Customers the estimate is for. */
  customers: v.pipe(
    number,
    v.integer('must be a whole number'),
    v.minValue(0, 'must be at least 0'),
    v.maxValue(1e12, 'must be at most 10¹²'),
  ),
  /** Margin per customer per year in `currency`, as a decimal string: money is never a float here. */
  margin: v.pipe(
    v.string('must be a decimal amount as a string, such as "500" or "12.50"'),
    v.regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a decimal amount such as 500 or 12.50'),
  ),
  currency: CurrencySchema,
  /** Share of customers kept from one year to the next, in percent. */
  retention: v.pipe(number, v.minValue(0, 'must be at least 0'), v.ltValue(100, 'must be below 100')),
  /** Discount rate per year, in percent. */
  discount: v.pipe(number, v.gtValue(-100, 'must be above −100'), v.maxValue(100, 'must be at most 100')),
  /** Retention uplift in percentage points (negative for a loss); null to follow the one the survey's own curve proposes. */
  uplift: v.nullable(v.pipe(number, v.minValue(-100, 'must be at least −100'), v.maxValue(100, 'must be at most 100'))),
  /** Years of customer life counted; null for no limit. */
  years: v.nullable(
    v.pipe(
      number,
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(1000, 'must be at most 1,000'),
    ),
  ),
});
export type LoyaltyValueInputs = v.InferOutput<typeof LoyaltyValueInputsSchema>;
