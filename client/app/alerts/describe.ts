/** A rule in short: its conditions as one line, e.g. `sat ≤ 2 · why contains "rude"`, and the complaint class its cases open with. */
import type { AlertRuleSpec } from '../../../shared/api/alerts';
import type { AppKey, MessageParams } from '../../../shared/i18n';
import { COMPLAINT_TYPE_KEY, SEVERITY_KEY } from './keys';

export function describeRule(
  rule: AlertRuleSpec,
  t: (k: AppKey, p?: MessageParams) => string,
  /** A code's name by id, for `matchesCode` (undefined while unknown). */
  codeName: (codeId: string) => string | undefined = () => undefined,
): string {
  const parts = rule.when.conditions.map((c) => {
    switch (c.op) {
      case 'between':
        return c.min !== undefined && c.max !== undefined
          ? `${c.min} ≤ ${c.source} ≤ ${c.max}`
          : c.max !== undefined
            ? `${c.source} ≤ ${c.max}`
            : `${c.source} ≥ ${c.min}`;
      case 'equals':
        return `${c.source} = ${c.value}`;
      case 'notEquals':
        return `${c.source} ≠ ${c.value}`;
      case 'in':
        return `${c.source} ∈ {${c.values!.join(', ')}}`;
      case 'notIn':
        return `${c.source} ∉ {${c.values!.join(', ')}}`;
      case 'contains':
        return `${c.source} ${t('alerts.op.contains')} ${c.words.map((w) => `"${w}"`).join(', ')}`;
      case 'matchesCode': {
        const name = codeName(c.code);
        return `${c.source} ${t('alerts.op.matchesCode')}${name === undefined ? '' : ` "${name}"`}`;
      }
      case 'answered':
        return `${c.source} ${t('alerts.op.answered')}`;
      case 'notAnswered':
        return `${c.source} ${t('alerts.op.notAnswered')}`;
      default:
        return c satisfies never;
    }
  });
  return parts.join(rule.when.match === 'any' ? ` ${t('alerts.or')} ` : ` ${t('alerts.and')} `);
}

/** The complaint class a rule's cases open with, e.g. `Service · Serious`; null when the rule sets neither. */
export function describeComplaintClass(
  rule: Pick<AlertRuleSpec, 'complaintType' | 'severity'>,
  t: (k: AppKey, p?: MessageParams) => string,
): string | null {
  if (!rule.complaintType && !rule.severity) return null;
  return t('alerts.opensAs', {
    type: t(COMPLAINT_TYPE_KEY[rule.complaintType ?? 'none']),
    severity: t(SEVERITY_KEY[rule.severity ?? 'none']),
  });
}
