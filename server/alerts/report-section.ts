/**
 * The report's "closing the loop" figures: cases opened for the selected responses, how many were
 * resolved and how fast, and — when a follow-up survey carries the case id in its hidden field
 * `case` — how satisfied the respondents of resolved cases were afterwards.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import * as v from 'valibot';
import { alertRules, cases, customers, responses, surveys, surveyVersions } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import { meanCI, median } from '../../shared/stats';
import { allQuestions, SurveyDefinitionSchema } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';
import type { CasesSection } from '../../shared/api/report-sections';
import type { SectionInput } from '../report/sections/input';
import { getAlertSettings } from './rules';
import { hiddenCase } from './dialect-sql';
import { complaintsFigures } from '../report/sections/complaints';
import { valueSettings } from '../customers/settings';

const HOUR = 3_600_000;

/** Null when the survey has no alert rules and no cases. */
export function* casesSection(db: Sql, surveyId: string, input: SectionInput): Work<CasesSection | null> {
  const rows = yield* q(
    db
      .select({
        id: cases.id,
        responseId: cases.responseId,
        rule: cases.ruleName,
        status: cases.status,
        openedAt: cases.openedAt,
        resolvedAt: cases.resolvedAt,
        complaintType: cases.complaintType,
        severity: cases.severity,
        caseTier: cases.customerTier,
        currentTier: customers.tier,
      })
      .from(cases)
      .innerJoin(responses, eq(responses.id, cases.responseId))
      .leftJoin(customers, eq(customers.id, responses.customerId))
      .where(eq(cases.surveyId, surveyId)),
  );
  const [rule] = yield* q(
    db.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.surveyId, surveyId)).limit(1),
  );
  if (rows.length === 0 && !rule) return null;
  // Only the cases of the responses the report's filters select.
  const { cols, sel } = input;
  const selected = new Set<number>();
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) selected.add(cols.id[i]);
  // By the tier the customer had when the case opened; a case opened before that was recorded takes
  // the customer's tier now, and is counted as such.
  const inSel = rows
    .filter((r) => selected.has(r.responseId))
    .map((r) => ({ ...r, tier: r.caseTier ?? r.currentTier, tierNow: r.caseTier === null && r.currentTier !== null }));
  const resolved = inSel.filter((r) => r.resolvedAt !== null);
  const byRule = new Map<string, { rule: string; opened: number; resolved: number }>();
  for (const r of inSel) {
    const e = byRule.get(r.rule) ?? { rule: r.rule, opened: 0, resolved: 0 };
    e.opened++;
    if (r.resolvedAt !== null) e.resolved++;
    byRule.set(r.rule, e);
  }
  const after = yield* followUp(db, surveyId, new Set(resolved.map((r) => r.id)));
  const { tierNames } = yield* valueSettings(db);
  return {
    opened: inSel.length,
    resolved: resolved.length,
    active: inSel.filter((r) => r.status === 'open' || r.status === 'in-progress').length,
    shareResolved: inSel.length > 0 ? resolved.length / inSel.length : null,
    medianHoursToResolution:
      resolved.length > 0 ? median(resolved.map((r) => (r.resolvedAt! - r.openedAt) / HOUR)) : null,
    byRule: [...byRule.values()].sort((a, b) => b.opened - a.opened),
    followUp: after?.section ?? null,
    complaints: complaintsFigures(inSel, after?.scores ?? null, tierNames),
  };
}

/**
 * The follow-up survey's overall satisfaction (role overall-satisfaction, else its first rating)
 * among resolved cases, with each case's answer for the figures by complaint type.
 */
function* followUp(
  db: Sql,
  surveyId: string,
  resolvedIds: Set<string>,
): Work<{ section: NonNullable<CasesSection['followUp']>; scores: Map<string, number> } | null> {
  const { followUpSurveyId } = yield* getAlertSettings(db, surveyId);
  if (!followUpSurveyId) return null;
  const [survey] = yield* q(db.select({ draft: surveys.draft }).from(surveys).where(eq(surveys.id, followUpSurveyId)));
  const [latest] = yield* q(
    db
      .select({ definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, followUpSurveyId))
      .orderBy(desc(surveyVersions.version))
      .limit(1),
  );
  if (!survey || !latest) return null;
  const def = v.parse(SurveyDefinitionSchema, latest.definition);
  const ratings = allQuestions(def).filter((x) => x.type === 'rating');
  const question = ratings.find((x) => x.role === 'overall-satisfaction') ?? ratings[0];
  if (question?.type !== 'rating') return null;
  const rows = yield* q(
    db
      .select({ answers: responses.answers, caseId: hiddenCase })
      .from(responses)
      .where(
        and(
          eq(responses.surveyId, followUpSurveyId),
          eq(responses.status, 'complete'),
          eq(responses.isTest, false),
          isNotNull(hiddenCase),
        ),
      )
      // In the order the responses began, on both databases: the first answer of a case counts, and the
      // figures' sums come out the same to the last digit.
      .orderBy(responses.id),
  );
  const scores = new Map<string, number>();
  for (const r of rows) {
    // One answer per case: a forwarded link answered twice counts once.
    if (r.caseId === null || !resolvedIds.has(r.caseId) || scores.has(r.caseId)) continue;
    const x = (JSON.parse(r.answers) as Record<string, unknown>)[question.id];
    if (typeof x === 'number') scores.set(r.caseId, x);
  }
  const xs = [...scores.values()];
  const section = {
    surveyId: followUpSurveyId,
    title: pickText(def.title, def.defaultLanguage, def.defaultLanguage),
    questionId: question.id,
    min: question.scale.min,
    max: question.scale.max,
    n: xs.length,
    mean: xs.length >= 2 ? meanCI(xs, 0.95) : null,
    topTwoBox: xs.length > 0 ? xs.filter((x) => x >= question.scale.max - 1).length / xs.length : null,
  };
  return { section, scores };
}
