/** The e-mail an owner gets when a case opens or becomes overdue, in the owner's language, rendered when it is sent. */
import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import { cases, surveys, users } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import { createTranslator, isLocale, loadAppMessages, type Locale } from '../../shared/i18n';
import { mailBase } from '../http/links';
import { AT_RISK_CASE } from '../../shared/api/alerts';

/** What the mail is made of: the case, its survey's title and the owner's name and language. */
export function* caseMailFacts(db: Sql, caseId: string) {
  const [row] = yield* q(
    db
      .select({
        rule: cases.ruleName,
        priority: cases.priority,
        dueAt: cases.dueAt,
        name: users.name,
        locale: users.locale,
        draft: surveys.draft,
      })
      .from(cases)
      .innerJoin(surveys, eq(surveys.id, cases.surveyId))
      .leftJoin(users, eq(users.id, cases.ownerId))
      .where(eq(cases.id, caseId)),
  );
  return row;
}

type Facts = NonNullable<ReturnType<typeof caseMailFacts> extends Work<infer T> ? T : never>;

export async function renderCaseMail(
  config: Config,
  caseId: string,
  row: Facts | undefined,
  overdue = false,
): Promise<{ subject: string; text: string } | null> {
  if (!row) return null;
  const lang: Locale = isLocale(row.locale) ? row.locale : 'en';
  const t = createTranslator(lang, await loadAppMessages(lang));
  const def = row.draft as { title: Record<string, string>; defaultLanguage: string };
  const survey = def.title[lang] ?? def.title[def.defaultLanguage] ?? '';
  const base = mailBase(config);
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
