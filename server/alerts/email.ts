/** The e-mail an owner gets when a case opens or becomes overdue, in the owner's language, rendered when it is sent. */
import type { Deps } from '../http/context';
import { createTranslator, isLocale, loadAppMessages, type Locale } from '../../shared/i18n';
import { mailBase } from '../http/links';
import { AT_RISK_CASE } from '../../shared/api/alerts';

export async function renderCaseMail(
  deps: Deps,
  caseId: string,
  overdue = false,
): Promise<{ subject: string; text: string } | null> {
  const row = deps.db.$client
    .prepare(`select c.rule_name as rule, c.priority, c.due_at as dueAt, u.name, u.locale, s.draft
    from cases c join surveys s on s.id = c.survey_id left join users u on u.id = c.owner_id where c.id = ?`)
    .get(caseId) as
    | { rule: string; priority: string; dueAt: number; name: string | null; locale: string | null; draft: string }
    | undefined;
  if (!row) return null;
  const lang: Locale = isLocale(row.locale) ? row.locale : 'en';
  const t = createTranslator(lang, await loadAppMessages(lang));
  const def = JSON.parse(row.draft) as { title: Record<string, string>; defaultLanguage: string };
  const survey = def.title[lang] ?? def.title[def.defaultLanguage] ?? '';
  const base = mailBase(deps.config);
  const params = {
    name: row.name ?? '',
    rule: row.rule === AT_RISK_CASE ? t('cases.atRisk') : row.rule,
    survey,
    link: `${base}/cases/${caseId}`,
    priority: t(`cases.priority.${row.priority}` as 'cases.priority.normal'),
    due: new Date(row.dueAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
  return overdue
    ? { subject: t('mail.caseOverdue.subject', params), text: t('mail.caseOverdue.body', params) }
    : { subject: t('mail.case.subject', params), text: t('mail.case.body', params) };
}
