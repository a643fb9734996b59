/**
 * The customer's tier as a case opens, recorded on the case (`cases.customer_tier`) so that
 * complaints counted by tier keep the tier the customer had then, not the one they have now.
 */
import { type Column, sql } from 'drizzle-orm';
import { customers, responses } from '../db/tables';

/**
 * The tier of the response's customer, read in the statement that opens the case (or, given the
 * cases' response column, in one that records it on cases already open): null without one.
 */
export const tierAtOpening = (responseId: number | Column) =>
  sql<
    number | null
  >`(select ${customers.tier} from ${customers} inner join ${responses} on ${responses.customerId} = ${customers.id} where ${responses.id} = ${responseId})`;

/** The same on the SQLite statements prepared by hand (server/collect/statements.sqlite.ts). */
export const TIER_AT_OPENING_SQL =
  '(select customers.tier from customers inner join responses on responses.customer_id = customers.id where responses.id = @responseId)';
