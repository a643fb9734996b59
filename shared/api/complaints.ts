/**
 * Complaints as the customer-relationship texts classify them: a case's complaint type and
 * severity, stored as these stable ids and worded by the app in the reader's language.
 */
import * as v from 'valibot';

export const COMPLAINT_TYPES = ['product-quality', 'service', 'price', 'honesty'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];
export const SEVERITIES = ['general', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ComplaintTypeSchema = v.picklist(COMPLAINT_TYPES, 'must be product-quality, service, price or honesty');
export const SeveritySchema = v.picklist(SEVERITIES, 'must be general or serious');
