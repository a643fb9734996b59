import { and, desc, eq, gt } from 'drizzle-orm';
import * as v from 'valibot';
import { surveyVersions } from '../db/tables';
import { q, type Sql, type Store, type Work } from '../db/store';
import { AppError, badRequest } from '../http/errors';
import { surveyRow } from '../survey/service';
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
import { selectedWaves, trendSection } from './sections/trend';
import { servqualSection } from './sections/servqual';
import { priceSection } from './sections/price';
import { competitionSection } from './sections/competition';
import { researchCounts } from './research';
import { moreTypeReport } from './more-types';
import { casesSection } from '../alerts/report-section';
import type { Plan, Quotas } from '../../shared/plan';
import { reportPlan } from './plan';
import { hiddenField } from './hidden-field';
import { loyaltyValueInputs } from './settings';
import { studyCurrency } from './study-currency';
import { codedQuestions, codeOptions } from '../coding/variables';
import type { ReportFilter } from '../../shared/api/report-query';

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

/** The survey's newest published version, or null when it has none. */
function* newestVersion(db: Sql, surveyId: string): Work<Published | null> {
  // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts).
  const [latest] = yield* q(
    db
      .select({ id: surveyVersions.id, definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, surveyId), gt(surveyVersions.version, 0)))
      .orderBy(desc(surveyVersions.version))
      .limit(1),
  );
  return latest ? { def: v.parse(SurveyDefinitionSchema, latest.definition), versionId: latest.id } : null;
}

/** What the report reads besides its columns: the newest version (409 when none) and the plan. */
function* reportBasis(db: Sql, surveyId: string): Work<Published & { plan: Plan | null }> {
  yield* surveyRow(db, surveyId);
  const latest = yield* newestVersion(db, surveyId);
  if (!latest) throw new AppError(409, 'not-published', 'the survey has no published version yet');
  return { ...latest, plan: yield* reportPlan(db, surveyId) };
}

const NO_QUERY: ReportQuery = { filter: undefined, weight: 'none', exclude: [] };

/**
 * The report of a survey's completed responses, across all versions by question id, over the
 * responses the query selects: per-question figures and the report's sections.
 */
export async function buildReport(store: Store, surveyId: string, query: ReportQuery = NO_QUERY): Promise<ReportDto> {
  const { def, cols, flags, sel, quotas, weighting, plan } = await weightedSelection(store, surveyId, query);
  const input: SectionInput = { def, cols, sel };
  const { partials, loyaltyValue, cases } = await store.run(function* (db) {
    return {
      partials: yield* partialCount(db, surveyId),
      loyaltyValue: yield* loyaltyValueInputs(db, surveyId),
      cases: yield* casesSection(db, surveyId, input),
    };
  });
  const excluded =
    query.exclude.length > 0
      ? {
          straightliners: query.exclude.includes('straightliners') ? flags.straightliners : 0,
          speeders: query.exclude.includes('speeders') ? flags.speeders : 0,
        }
      : null;
  const codes = await codeOptions(store, surveyId, def);
  // A code's shares per wave need every coded answer: read only when the trend has waves to show.
  const trendCodes =
    codes.length > 0 && selectedWaves(cols, sel).length > 1
      ? await codedQuestions(store, surveyId, def, cols)
      : undefined;
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
    filterOptions: { ...filterOptions(def, cols, quotas), coded: codes },
    loyaltyValue,
    currency: studyCurrency(def, plan),
    sections: {
      fieldwork: fieldworkSection(input, partials, quotas, weighting, excluded),
      satisfaction: satisfactionSection(input),
      priorities: prioritiesSection(input),
      loyalty: loyaltySection(input),
      verbatims: verbatimsSection(input),
      quality: qualitySection(flags, query.exclude, hasTimes),
      trend: trendSection(input, trendCodes),
      servqual: servqualSection(input),
      price: priceSection(input),
      competition: competitionSection(input),
      cases,
    },
  };
}

function filterOptions(
  def: SurveyDefinition,
  cols: Columns,
  quotas: Quotas | null,
): Omit<ReportDto['filterOptions'], 'coded'> {
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
function plannedQuotas(plan: Plan | null, query: ReportQuery) {
  const quotas = plan?.quotas ?? null;
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

/** The coded open questions the filter names (none read when it names no open question). */
async function filterCodes(
  store: Store,
  surveyId: string,
  def: SurveyDefinition,
  cols: Columns,
  filter: ReportFilter | undefined,
) {
  const open = new Set(allQuestions(def).flatMap((q) => (q.type === 'text' ? [q.id] : [])));
  const named = new Set((filter?.conditions ?? []).map((c) => c.name).filter((name) => open.has(name)));
  return named.size > 0 ? codedQuestions(store, surveyId, def, cols, named) : undefined;
}

/**
 * The columns, the responses a query selects and their weights, with the plan's quotas: what the
 * report and the cross-tab count, so both weight alike.
 */
export async function weightedSelection(store: Store, surveyId: string, query: ReportQuery) {
  const { def, versionId, plan } = await store.run((db) => reportBasis(db, surveyId));
  const quotas = plannedQuotas(plan, query);
  const cols = await surveyColumns(store, surveyId, def, versionId);
  const flags = qualityFlags(cols, def);
  const coded = await filterCodes(store, surveyId, def, cols, query.filter);
  let sel = select(cols, def, query.filter, excludedMask(flags, query.exclude), coded);
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
  return { def, cols, flags, sel, quotas, weighting, plan };
}

/**
 * The columns and the responses a query selects (filters and exclusions, no weights), with the
 * plan: what exports read.
 */
export async function reportSelection(store: Store, surveyId: string, query: ReportQuery) {
  const { def, versionId, plan } = await store.run((db) => reportBasis(db, surveyId));
  plannedQuotas(plan, query);
  const cols = await surveyColumns(store, surveyId, def, versionId);
  const flags = qualityFlags(cols, def);
  const coded = await filterCodes(store, surveyId, def, cols, query.filter);
  return { def, cols, plan, sel: select(cols, def, query.filter, excludedMask(flags, query.exclude), coded) };
}

/** A page of the open answers matching `search`, over the responses the query selects. */
export async function searchVerbatims(
  store: Store,
  surveyId: string,
  query: ReportQuery,
  search: string,
  page: { offset: number; limit: number } = { offset: 0, limit: 200 },
) {
  return verbatimsSection(await reportSelection(store, surveyId, query), search, page.limit, page.offset);
}

/**
 * Readies the survey's report columns before a report reads them (a large survey's first build
 * runs in worker threads). Does nothing for a survey without a published version: the report
 * itself answers that error.
 */
export async function prepareReport(
  store: Store,
  surveyId: string,
  parallelFrom?: number,
): Promise<Preparation | null> {
  const latest = await store.run((db) => newestVersion(db, surveyId));
  return latest ? prepareColumns(store, surveyId, latest.def, latest.versionId, parallelFrom) : null;
}
