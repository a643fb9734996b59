import { locale } from '../i18n';

/** A price in the respondent's language and the question's currency: "€ 12,50", "NT$300". */
export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
