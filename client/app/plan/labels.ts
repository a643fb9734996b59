/** Catalogue keys for the plan's choices, typed so every value has its label. */
import type { AppKey } from '../../../shared/i18n';
import type { ALLOCATION_METHODS, BUDGET_KINDS, FREQUENCIES, METHODS, TARGET_POPULATIONS } from '../../../shared/plan';

export const TARGET_KEY: Readonly<Record<(typeof TARGET_POPULATIONS)[number], AppKey>> = {
  'current-customers': 'plan.target.currentCustomers',
  'users-buyers': 'plan.target.usersBuyers',
  intermediaries: 'plan.target.intermediaries',
  other: 'plan.target.other',
};

export const METHOD_KEY: Readonly<Record<(typeof METHODS)[number], AppKey>> = {
  'online-link': 'plan.method.onlineLink',
  kiosk: 'plan.method.kiosk',
  phone: 'plan.method.phone',
  mail: 'plan.method.mail',
};

export const FREQUENCY_KEY: Readonly<Record<(typeof FREQUENCIES)[number], AppKey>> = {
  'one-off': 'plan.frequency.oneOff',
  monthly: 'plan.frequency.monthly',
  quarterly: 'plan.frequency.quarterly',
  'half-yearly': 'plan.frequency.halfYearly',
  yearly: 'plan.frequency.yearly',
};

export const BUDGET_KIND_KEY: Readonly<Record<(typeof BUDGET_KINDS)[number], AppKey>> = {
  'per-complete': 'plan.budget.perComplete',
  'incentive-per-complete': 'plan.budget.incentive',
  fixed: 'plan.budget.fixed',
};

export const ALLOCATION_KEY: Readonly<Record<(typeof ALLOCATION_METHODS)[number], AppKey>> = {
  proportional: 'plan.quotas.proportional',
  neyman: 'plan.quotas.neyman',
  minimum: 'plan.quotas.minimum',
};
