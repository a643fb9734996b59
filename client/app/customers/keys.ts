/** Message keys of the register's fixed names, mapped so the compiler checks every case. */
import type { AppKey } from '../../../shared/i18n';
import type { Segment } from '../../../shared/customers/value';

export const SEGMENT_KEY: Record<Segment, AppKey> = {
  champions: 'customers.segment.champions',
  loyal: 'customers.segment.loyal',
  promising: 'customers.segment.promising',
  'needs-attention': 'customers.segment.needsAttention',
  'cant-lose': 'customers.segment.cantLose',
  'at-risk': 'customers.segment.atRisk',
  hibernating: 'customers.segment.hibernating',
  lost: 'customers.segment.lost',
};

const TIER_KEY: Record<string, AppKey> = {
  vip: 'customers.tier.vip',
  major: 'customers.tier.major',
  ordinary: 'customers.tier.ordinary',
  small: 'customers.tier.small',
  platinum: 'customers.tier.platinum',
  gold: 'customers.tier.gold',
  iron: 'customers.tier.iron',
  lead: 'customers.tier.lead',
};

/** The offered tier names in the reader's language; a name the research team typed, as typed. */
export function tierLabel(t: (key: AppKey) => string, name: string | null): string {
  if (name === null) return '—';
  const key = TIER_KEY[name];
  return key ? t(key) : name;
}
