/**
 * The report's hidden fields as the reader names them: the register's tier and segment fields
 * (customer_tier, customer_segment) and their values in the reader's language; a field the
 * research team declared keeps the label its plan gives it.
 */
import type { ReportDto } from '../../../shared/api/report';
import type { Segment } from '../../../shared/customers/value';
import type { AppKey } from '../../../shared/i18n';
import { SEGMENT_KEY, tierLabel } from '../customers/keys';

type Hidden = ReportDto['filterOptions']['hidden'];

export function readableHidden(hidden: Hidden, t: (key: AppKey) => string): Hidden {
  const out: Hidden = {};
  for (const [name, h] of Object.entries(hidden)) {
    if (name === 'customer_tier')
      out[name] = {
        label: t('customers.filter.tier'),
        values: h.values.map((x) => ({ value: x.value, label: tierLabel(t, x.value) })),
      };
    else if (name === 'customer_segment')
      out[name] = {
        label: t('customers.filter.segment'),
        values: h.values.map((x) => {
          const key = SEGMENT_KEY[x.value as Segment] as AppKey | undefined;
          return { value: x.value, label: key ? t(key) : x.value };
        }),
      };
    else out[name] = h;
  }
  return out;
}
