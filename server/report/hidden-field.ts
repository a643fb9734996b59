import type { Quotas } from '../../shared/plan';

/**
 * How a hidden field reads in the report: a quota variable of the plan on the field knows its
 * label ("Loyalty tier") and its categories' order and labels (Platinum before Gold); without
 * one, the field's name and its values as stored, in alphabetical order.
 */
export function hiddenField(quotas: Quotas | null, field: string) {
  const quota = quotas?.variables.find((x) => x.source === field);
  const rank = (value: string) => {
    const k = quota?.categories.findIndex((c) => c.value === value) ?? -1;
    return k < 0 ? Infinity : k;
  };
  return {
    label: quota?.label?.trim() || field,
    valueLabel: (value: string) => quota?.categories.find((c) => c.value === value)?.label?.trim() || value,
    compare: (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b),
  };
}
