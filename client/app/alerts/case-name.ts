/** A case's title: its rule's name, or for a case opened by hand from the at-risk list, that list's name. */
import { AT_RISK_CASE } from '../../../shared/api/alerts';
import type { AppKey } from '../../../shared/i18n';

export const caseName = (t: (key: AppKey) => string, ruleName: string) =>
  ruleName === AT_RISK_CASE ? t('cases.atRisk') : ruleName;
