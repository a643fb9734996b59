/**
 * What every survey knows of an invited customer without declaring it: their pyramid tier and RFM
 * segment, filled from the register when the invitation is made (server/customers/links.ts). They
 * read like any hidden field: quota variables, report filters, cross-tab axes, comparison
 * segments, alert conditions and routing.
 */
export const CUSTOMER_FIELDS = ['customer_tier', 'customer_segment'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Hidden fields that name a customer of the register by the CRM's id. */
export const CUSTOMER_ID_FIELDS = ['customer_id', 'customerId'] as const;

export const isCustomerField = (name: string): name is CustomerField =>
  (CUSTOMER_FIELDS as readonly string[]).includes(name);

/** The survey's declared hidden fields and the customer fields every survey has. */
export function hiddenFieldsOf(def: { hiddenFields: readonly string[] }): string[] {
  return [...def.hiddenFields, ...CUSTOMER_FIELDS.filter((f) => !def.hiddenFields.includes(f))];
}

/** The CRM id a set of hidden fields names, if any. */
export function customerIdIn(hidden: Readonly<Record<string, string>>): string | null {
  for (const key of CUSTOMER_ID_FIELDS) {
    const value = Object.hasOwn(hidden, key) ? hidden[key]?.trim() : '';
    if (value) return value;
  }
  return null;
}
