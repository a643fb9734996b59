import { writeCsv } from '../../http/csv';
import type { ExportQuery } from '../../../shared/api/report-query';
import type { ReportDto } from '../../../shared/api/report';
import { createTranslator, isLocale, loadAppMessages, type Locale } from '../../../shared/i18n';
import { pickText } from '../../../shared/survey/text';
import type { Store } from '../../db/store';
import { buildReport, reportSelection } from '../service';
import { selectedSlots, variables } from './table';
import { labelContext } from './variable';
import { toCsv, toSps, toXlsx } from './formats';
import { keyLabels } from './labels';
import { addResearchTables } from './research-tables';
import { addMoreTypeTables } from './more-type-tables';
import { codedVariables } from '../../coding/variables';

export type ResponseFormat = 'csv' | 'xlsx' | 'sps';

/** The selected responses in one of the export formats, with the file's name. */
export async function exportResponses(store: Store, surveyId: string, query: ExportQuery, format: ResponseFormat) {
  const { def, cols, sel, plan } = await reportSelection(store, surveyId, query);
  const lang = query.lang ?? def.defaultLanguage;
  const locale: Locale = isLocale(lang) ? lang : 'en';
  const t = createTranslator(locale, await loadAppMessages(locale));
  const ctx = labelContext(def, lang, t);
  const coded = await codedVariables(store, surveyId, def, cols, ctx);
  const vars = variables(def, cols, ctx, plan?.quotas ?? null, coded.variables);
  // The coded variables are the last ones, set after set.
  let next = vars.length - coded.variables.length;
  const sets = coded.sets.map((s) => ({ ...s, variables: vars.slice(next, (next += s.count)).map((v) => v.name) }));
  const slots = selectedSlots(cols, sel);
  const labels = query.labels === '1';
  const body =
    format === 'csv'
      ? await toCsv(vars, slots, labels)
      : format === 'xlsx'
        ? await toXlsx(vars, slots, labels, t)
        : await toSps(vars, slots, pickText(def.title, lang, def.defaultLanguage), sets);
  return { body, filename: `responses-${surveyId}.${format}` };
}

/** The report's tables in long form: one row per section, item, measure and value; `extra` rows go last. */
export async function exportTables(
  store: Store,
  surveyId: string,
  query: ExportQuery,
  extra: readonly (string | number | null)[][] = [],
): Promise<string> {
  const report: ReportDto = await buildReport(store, surveyId, query);
  const lang = query.lang ?? report.definition.defaultLanguage;
  const label = keyLabels(report.definition, lang);
  const rows: (string | number | null)[][] = [];
  const add = (section: string, key: string, measure: string, value: number | string | null | undefined) =>
    rows.push([section, key, key ? label(key) : '', measure, value ?? null]);
  const s = report.sections;
  add('fieldwork', '', 'n', s.fieldwork.n);
  add('fieldwork', '', 'completion_rate', s.fieldwork.completionRate);
  add('fieldwork', '', 'margin_of_error', s.fieldwork.marginOfError);
  if (s.fieldwork.weighting) add('fieldwork', '', 'effective_n', s.fieldwork.weighting.effectiveN);
  for (const a of [
    ...(s.satisfaction?.overall ? [s.satisfaction.overall] : []),
    ...(s.satisfaction?.attributes ?? []),
  ]) {
    add('satisfaction', a.key, 'n', a.n);
    add('satisfaction', a.key, 'mean', a.mean?.mean);
    add('satisfaction', a.key, 'mean_lower_95', a.mean?.lower);
    add('satisfaction', a.key, 'mean_upper_95', a.mean?.upper);
    add('satisfaction', a.key, 'top_box', a.topBox?.p);
    add('satisfaction', a.key, 'second_box', a.secondBox);
    add('satisfaction', a.key, 'top_two_box', a.topTwoBox?.p);
    add('satisfaction', a.key, 'index_0_100', a.index100);
  }
  if (s.satisfaction?.index)
    add('satisfaction', '', `index_weighted_${s.satisfaction.index.weights}`, s.satisfaction.index.value);
  for (const i of s.priorities?.items ?? []) {
    add('priorities', i.key, 'importance', i.importance);
    add('priorities', i.key, 'performance', i.performance);
    add('priorities', i.key, 'quadrant', i.quadrant);
    add('priorities', i.key, 'correlation', i.correlation);
    add('priorities', i.key, 'relative_importance_pct', i.relativeImportance);
  }
  if (s.loyalty?.nps) {
    add('loyalty', '', 'nps', s.loyalty.nps.nps);
    add('loyalty', '', 'nps_margin', s.loyalty.nps.marginOfError);
    add('loyalty', '', 'promoters', s.loyalty.nps.promoters);
    add('loyalty', '', 'passives', s.loyalty.nps.passives);
    add('loyalty', '', 'detractors', s.loyalty.nps.detractors);
  }
  if (s.loyalty?.loyal) add('loyalty', '', 'share_loyal', s.loyalty.loyal.p);
  for (const c of s.loyalty?.curve ?? []) add('loyalty', '', `loyal_at_satisfaction_${c.level}`, c.rate);
  for (const w of s.trend?.waves ?? []) {
    add('trend', '', `wave_${w.wave}_n`, w.n);
    add('trend', '', `wave_${w.wave}_satisfaction`, w.satisfaction?.mean);
    add('trend', '', `wave_${w.wave}_top_two_box`, w.topTwoBox?.p);
    add('trend', '', `wave_${w.wave}_nps`, w.nps);
    for (const [measure, c] of [
      ['satisfaction', w.change?.satisfaction],
      ['top_two_box', w.change?.topTwoBox],
      ['nps', w.change?.nps],
    ] as const) {
      if (!c) continue;
      add('trend', '', `wave_${w.wave}_${measure}_change`, c.difference);
      add('trend', '', `wave_${w.wave}_${measure}_change_p`, c.p);
    }
  }
  addResearchTables(s, add);
  addMoreTypeTables(report, add);
  return writeCsv(['section', 'key', 'label', 'measure', 'value'], [...rows, ...extra]);
}
