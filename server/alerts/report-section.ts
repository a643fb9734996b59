/**
 * The report's "closing the loop" figures: cases opened for the selected responses, how many were
 * resolved and how fast, and — when a follow-up survey carries the case id in its hidden field
 * `case` — how satisfied the respondents of resolved cases were afterwards.
 */
import { desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { alertRules, surveys, surveyVersions } from '../db/schema';
import { meanCI, median } from '../../shared/stats';
import { allQuestions, SurveyDefinitionSchema } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';
import type { CasesSection } from '../../shared/api/report-sections';
import type { SectionInput } from '../report/sections/input';
import { getAlertSettings } from './rules';

const HOUR = 3_600_000;

/** Null when the survey has no alert rules and no cases. */
export function casesSection(db: Db, surveyId: string, input: SectionInput): CasesSection | null {
  const rows = db.$client
    .prepare(
      'select id, response_id as responseId, rule_name as rule, status, opened_at as openedAt, resolved_at as resolvedAt from cases where survey_id = ?',
    )
    .all(surveyId) as {
    id: string;
    responseId: number;
    rule: string;
    status: string;
    openedAt: number;
    resolvedAt: number | null;
  }[];
  const hasRules =
    db.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.surveyId, surveyId)).limit(1).get() !==
    undefined;
  if (rows.length === 0 && !hasRules) return null;
  // Only the cases of the responses the report's filters select.
  const { cols, sel } = input;
  const selected = new Set<number>();
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) selected.add(cols.id[i]);
  const inSel = rows.filter((r) => selected.has(r.responseId));
  const resolved = inSel.filter((r) => r.resolvedAt !== null);
  const byRule = new Map<string, { rule: string; opened: number; resolved: number }>();
  for (const r of inSel) {
    const e = byRule.get(r.rule) ?? { rule: r.rule, opened: 0, resolved: 0 };
    e.opened++;
    if (r.resolvedAt !== null) e.resolved++;
    byRule.set(r.rule, e);
  }
  return {
    opened: inSel.length,
    resolved: resolved.length,
    active: inSel.filter((r) => r.status === 'open' || r.status === 'in-progress').length,
    shareResolved: inSel.length > 0 ? resolved.length / inSel.length : null,
    medianHoursToResolution:
      resolved.length > 0 ? median(resolved.map((r) => (r.resolvedAt! - r.openedAt) / HOUR)) : null,
    byRule: [...byRule.values()].sort((a, b) => b.opened - a.opened),
    followUp: followUp(db, surveyId, new Set(resolved.map((r) => r.id))),
  };
}

/** The follow-up survey's overall satisfaction (role overall-satisfaction, else its first rating) among resolved cases. */
function followUp(db: Db, surveyId: string, resolvedIds: Set<string>): CasesSection['followUp'] {
  const { followUpSurveyId } = getAlertSettings(db, surveyId);
  if (!followUpSurveyId) return null;
  const survey = db.select({ draft: surveys.draft }).from(surveys).where(eq(surveys.id, followUpSurveyId)).get();
  const latest = db
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, followUpSurveyId))
    .orderBy(desc(surveyVersions.version))
    .get();
  if (!survey || !latest) return null;
  const def = v.parse(SurveyDefinitionSchema, latest.definition);
  const ratings = allQuestions(def).filter((q) => q.type === 'rating');
  const q = ratings.find((x) => x.role === 'overall-satisfaction') ?? ratings[0];
  if (!q || q.type !== 'rating') return null;
  const rows = db.$client
    .prepare(`select answers, json_extract(hidden, '$.case') as caseId from responses
    where survey_id = ? and status = 'complete' and is_test = 0 and json_extract(hidden, '$.case') is not null`)
    .all(followUpSurveyId) as { answers: string; caseId: string }[];
  const xs: number[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    // One answer per case: a forwarded link answered twice counts once.
    if (!resolvedIds.has(r.caseId) || seen.has(r.caseId)) continue;
    const x = (JSON.parse(r.answers) as Record<string, unknown>)[q.id];
    if (typeof x === 'number') {
      seen.add(r.caseId);
      xs.push(x);
    }
  }
  return {
    surveyId: followUpSurveyId,
    title: pickText(def.title, def.defaultLanguage, def.defaultLanguage),
    questionId: q.id,
    min: q.scale.min,
    max: q.scale.max,
    n: xs.length,
    mean: xs.length >= 2 ? meanCI(xs, 0.95) : null,
    topTwoBox: xs.length > 0 ? xs.filter((x) => x >= q.scale.max - 1).length / xs.length : null,
  };
}
