import { and, desc, eq, gt } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { surveyVersions } from '../db/schema';
import { AppError, badRequest } from '../http/errors';
import { getRow } from '../survey/service';
import { storedPlan } from '../plan/service';
import { SurveyDefinitionSchema, allQuestions, type Question, type SurveyDefinition } from '../../shared/survey/schema';
import { datePeriods, fieldNumbers, numberBins } from './more-type-columns';
import type { Count, QuestionReport, ReportDto } from '../../shared/api/report';
import type { ReportQuery } from '../../shared/api/report-query';
import type { ReportSections } from '../../shared/api/report-sections';
import { marginOfError, meanCI } from '../../shared/stats';
import { partialCount, surveyColumns } from './dataset';
import { itemKey, MISSING, type Columns } from './columns';
import { newestFirst } from './sections/newest';
import { prepareColumns, type Preparation } from './parallel-build';
import { select, weightByCells, weightByRaking, type Selection } from './selection';
import { npsOfTally, scaleItem, tally } from './sections/tally';
import type { SectionInput } from './sections/input';
import { cellShares, fieldworkSection } from './sections/fieldwork';
import { satisfactionSection } from './sections/satisfaction';
import { prioritiesSection } from './sections/priorities';
import { loyaltySection } from './sections/loyalty';
import { verbatimsSection } from './sections/verbatims';
import { excludedMask, qualityFlags, qualitySection } from './sections/quality';
import { trendSection } from './sections/trend';
import { servqualSection } from './sections/servqual';
import { priceSection } from './sections/price';
import { competitionSection } from './sections/competition';
import { researchCounts } from './research';
import { moreTypeReport } from './more-types';
import { casesSection } from '../alerts/report-section';
import { runNow, sqlOf } from '../db/sqlite-store';
import type { Quotas } from '../../shared/plan';
import { hiddenField } from './hidden-field';
import { loyaltyValueInputs } from './settings';
import { studyCurrency } from './study-currency';

function optionCounts(
  column: Int16Array | null,
  chosen: Uint8Array[] | null,
  answered: Uint8Array | null,
  options: readonly string[],
  sel: Selection,
): { n: number; counts: Count[] } {
  const totals = new Float64Array(options.length);
  let n = 0;
  let base = 0;
  const { mask, weights } = sel;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const w = weights ? weights[i] : 1;
    if (column) {
      const k = column[i];
      if (k < 0) continue;
      if (k < options.length) totals[k] += w;
    } else if (!answered![i]) continue;
    n++;
    base += w;
  }
  if (chosen) {
    chosen.forEach((c, k) => {
      let t = 0;
      for (let i = 0; i < mask.length; i++) if (mask[i] && c[i]) t += weights ? weights[i] : 1;
      totals[k] = t;
    });
  }
  return {
    n,
    counts: options.map((value, k) => ({ value, count: totals[k], share: base > 0 ? totals[k] / base : 0 })),
  };
}

/** One question's figures over the selected responses. */
function questionReport(q: Question, cols: Columns, sel: Selection): QuestionReport {
  switch (q.type) {
    case 'single':
      return {
        id: q.id,
        type: q.type,
        ...optionCounts(
          cols.ints.get(q.id)!,
          null,
          null,
          q.options.map((o) => o.id),
          sel,
        ),
      };
    case 'multiple': {
      const m = cols.multi.get(q.id)!;
      return { id: q.id, type: q.type, ...optionCounts(null, m.chosen, m.answered, m.options, sel) };
    }
    case 'rating': {
      const s = scaleItem(cols.ints.get(q.id)!, sel, q.id, q.id, null, q.scale.min, q.scale.max);
      const t = tally(cols.ints.get(q.id)!, sel, q.scale.min, q.scale.max);
      return {
        id: q.id,
        type: 'rating',
        n: s.n,
        notApplicable: t.notApplicable,
        counts: s.counts,
        mean: s.mean,
        topBox: s.topBox,
        topTwoBox: s.topTwoBox,
      };
    }
    case 'nps': {
      const t = tally(cols.ints.get(q.id)!, sel, 0, 10);
      return {
        id: q.id,
        type: 'nps',
        n: t.n,
        counts: t.counts.map((count, k) => ({ value: k, count, share: t.shares[k] })),
        nps: npsOfTally(t),
      };
    }
    case 'matrix': {
      let answered = 0;
      const columns = q.items.map((item) => cols.ints.get(itemKey(q.id, item.id))!);
      for (let i = 0; i < sel.mask.length; i++) {
        if (!sel.mask[i]) continue;
        for (let k = 0; k < columns.length; k++) {
          if (columns[k][i] !== MISSING) {
            answered++;
            break;
          }
        }
      }
      const items = q.items.map((item, k) => {
        const s = scaleItem(columns[k], sel, itemKey(q.id, item.id), q.id, item.id, q.scale.min, q.scale.max);
        return { id: item.id, n: s.n, counts: s.counts, mean: s.mean, topTwoBox: s.topTwoBox };
      });
      return { id: q.id, type: 'matrix', n: answered, items };
    }
    case 'number': {
      const col = cols.numbers.get(q.id)!;
      const xs: number[] = [];
      for (let i = 0; i < sel.mask.length; i++) if (sel.mask[i] && !Number.isNaN(col[i])) xs.push(col[i]);
      let min = Infinity;
      let max = -Infinity;
      for (const x of xs) {
        if (x < min) min = x;
        if (x > max) max = x;
      }
      return {
        id: q.id,
        type: 'number',
        n: xs.length,
        mean: xs.length >= 2 ? meanCI(xs, 0.95) : null,
        min: xs.length ? min : null,
        max: xs.length ? max : null,
      };
    }
    case 'text': {
      const t = cols.texts.get(q.id)!;
      const slots: number[] = [];
      for (let j = 0; j < t.rows.length; j++) if (t.rows[j] < cols.n && sel.mask[t.rows[j]]) slots.push(j);
      const latest = newestFirst(slots, (j) => cols.completedAt[t.rows[j]], 50).map((j) => ({
        text: t.texts[j],
        at: cols.completedAt[t.rows[j]],
      }));
      return { id: q.id, type: 'text', n: slots.length, latest };
    }
    case 'date':
    case 'yesno':
    case 'fields':
    case 'matrixScales':
      return moreTypeReport(q, cols, sel);
    case 'info':
      return { id: q.id, type: 'info', n: 0 };
    default: {
      const r = cols.raw.get(q.id);
      const values: unknown[] = [];
      if (r)
        r.rows.forEach((slot, j) => {
          if (slot < cols.n && sel.mask[slot]) values.push(r.values[j]);
        });
      return { id: q.id, type: q.type, n: values.length, counts: researchCounts(q, values) };
    }
  }
}

interface Published {
  def: SurveyDefinition;
  versionId: number;
}

function latestVersion(db: Db, surveyId: string): Published {
  getRow(db, surveyId);
  // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts).
  const latest = db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, surveyId), gt(surveyVersions.version, 0)))
    .orderBy(desc(surveyVersions.version))
    .get();
  if (!latest) throw new AppError(409, 'not-published', 'the survey has no published version yet');
  return { def: v.parse(SurveyDefinitionSchema, latest.definition), versionId: latest.id };
}

const NO_QUERY: ReportQuery = { filter: undefined, weight: 'none', exclude: [] };

/**
 * The report of a survey's completed responses, across all versions by question id, over the
 * responses the query selects: per-question figures and the report's sections.
 */
export function buildReport(db: Db, surveyId: string, query: ReportQuery = NO_QUERY): ReportDto {
  const { def, cols, flags, sel, quotas, weighting } = weightedSelection(db, surveyId, query);
  const partials = partialCount(db, surveyId);
  const input: SectionInput = { def, cols, sel };
  const excluded =
    query.exclude.length > 0
      ? {
          straightliners: query.exclude.includes('straightliners') ? flags.straightliners : 0,
          speeders: query.exclude.includes('speeders') ? flags.speeders : 0,
        }
      : null;
  const hasTimes = cols.duration.subarray(0, cols.n).some((d) => !Number.isNaN(d));
  const completes = sel.n;
  return {
    surveyId,
    definition: def,
    completes,
    partials,
    completionRate: cols.n + partials > 0 ? cols.n / (cols.n + partials) : null,
    marginOfError:
      completes > 0 ? marginOfError({ n: completes, confidence: 0.95, designEffect: sel.designEffect }) : null,
    // An instructions block has no answers to report.
    questions: allQuestions(def)
      .filter((q) => q.type !== 'info')
      .map((q) => questionReport(q, cols, sel)),
    filterOptions: filterOptions(def, cols, quotas),
    loyaltyValue: loyaltyValueInputs(db, surveyId),
    currency: studyCurrency(db, surveyId, def),
    sections: {
      fieldwork: fieldworkSection(input, partials, quotas, weighting, excluded),
      satisfaction: satisfactionSection(input),
      priorities: prioritiesSection(input),
      loyalty: loyaltySection(input),
      verbatims: verbatimsSection(input),
      quality: qualitySection(flags, query.exclude, hasTimes),
      trend: trendSection(input),
      servqual: servqualSection(input),
      price: priceSection(input),
      competition: competitionSection(input),
      cases: runNow(casesSection(sqlOf(db), surveyId, input)),
    },
  };
}

function filterOptions(def: SurveyDefinition, cols: Columns, quotas: Quotas | null): ReportDto['filterOptions'] {
  const waves = new Set<number>();
  for (let i = 0; i < cols.n; i++) waves.add(cols.wave[i]);
  const everyone = new Uint8Array(cols.n).fill(1);
  const values: Record<string, string[]> = {};
  for (const q of allQuestions(def)) {
    if (q.type === 'date') values[q.id] = datePeriods(cols, q.id, 'month').dict;
    if (q.type === 'fields' && q.input === 'number')
      for (const item of q.items)
        values[`${q.id}.${item.id}`] = numberBins(fieldNumbers(cols, q, item.id), everyone).map((b) => b.value);
  }
  return {
    values,
    // A field no response filled (the customer fields of a survey nobody was invited to from the
    // register) offers nothing to filter by.
    hidden: Object.fromEntries(
      [...cols.hidden]
        .filter(([, h]) => h.dict.length > 0)
        .map(([name, h]) => {
          const reads = hiddenField(quotas, name);
          return [
            name,
            {
              label: reads.label,
              values: [...h.dict].sort(reads.compare).map((value) => ({ value, label: reads.valueLabel(value) })),
            },
          ];
        }),
    ),
    waves: [...waves].sort((a, b) => a - b),
    weighting: (quotas?.cells?.length ?? 0) > 0,
  };
}

/** The plan's quotas, once the query's `@cell` keys are checked against its cells. */
function plannedQuotas(db: Db, surveyId: string, query: ReportQuery) {
  const quotas = storedPlan(db, surveyId)?.plan.quotas ?? null;
  const asked = query.filter?.cells;
  if (asked) {
    const keys = new Set((quotas?.cells ?? []).map((c) => c.key));
    const bad = asked.find((k) => !keys.has(k));
    if (bad !== undefined) {
      throw badRequest(
        keys.size
          ? `filter.@cell: "${bad}" is not a quota cell of the plan`
          : 'filter.@cell: the survey has no quota cells in its plan',
        'filter',
      );
    }
  }
  return quotas;
}

/**
 * The columns, the responses a query selects and their weights, with the plan's quotas: what the
 * report and the cross-tab count, so both weight alike.
 */
export function weightedSelection(db: Db, surveyId: string, query: ReportQuery) {
  const { def, versionId } = latestVersion(db, surveyId);
  const cols = surveyColumns(db, surveyId, def, versionId);
  const flags = qualityFlags(cols, def);
  const quotas = plannedQuotas(db, surveyId, query);
  let sel = select(cols, def, query.filter, excludedMask(flags, query.exclude));
  let weighting: ReportSections['fieldwork']['weighting'] = null;
  if (query.weight !== 'none') {
    if (!quotas?.cells?.length)
      throw badRequest('weight: the survey has no quota cells in its plan to weight to', 'weight');
    const weighted =
      query.weight === 'cells' ? weightByCells(cols, sel, cellShares(quotas)) : weightByRaking(cols, sel, quotas);
    sel = weighted.selection;
    weighting = {
      method: query.weight,
      designEffect: sel.designEffect,
      effectiveN: sel.effectiveN,
      unmatched: weighted.unmatched,
    };
  }
  return { def, cols, flags, sel, quotas, weighting };
}

/** The columns and the responses a query selects (filters and exclusions, no weights): what exports read. */
export function reportSelection(db: Db, surveyId: string, query: ReportQuery) {
  const { def, versionId } = latestVersion(db, surveyId);
  plannedQuotas(db, surveyId, query);
  const cols = surveyColumns(db, surveyId, def, versionId);
  const flags = qualityFlags(cols, def);
  return { def, cols, sel: select(cols, def, query.filter, excludedMask(flags, query.exclude)) };
}

/** A page of the open answers matching `search`, over the responses the query selects. */
export function searchVerbatims(
  db: Db,
  surveyId: string,
  query: ReportQuery,
  search: string,
  page: { offset: number; limit: number } = { offset: 0, limit: 200 },
) {
  return verbatimsSection(reportSelection(db, surveyId, query), search, page.limit, page.offset);
}

/**
 * Readies the survey's report columns before a synchronous report reads them (a large survey's
 * first build runs in worker threads). Does nothing for a survey without a published version:
 * the report itself answers that error.
 */
export async function prepareReport(db: Db, surveyId: string, parallelFrom?: number): Promise<Preparation | null> {
  const latest = db
    .select()
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, surveyId), gt(surveyVersions.version, 0)))
    .orderBy(desc(surveyVersions.version))
    .get();
  return latest
    ? prepareColumns(db, surveyId, v.parse(SurveyDefinitionSchema, latest.definition), latest.id, parallelFrom)
    : null;
}
