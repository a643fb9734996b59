/**
 * Bad input, field by field, in the reader's language. The schema (shared with the server) finds
 * what is wrong and where; this turns each path into the message shown next to that field. The
 * server's answers carry the same paths (prefixed `plan.`), so its refusals land in the same place.
 */
import type * as v from 'valibot';
import type { AppKey, MessageParams } from '../../../shared/i18n';
import { issuePath } from '../../../shared/survey/schema';
import type { PlanInput } from '../../../shared/plan';

type T = (key: AppKey, params?: MessageParams) => string;
type Rule = [RegExp, (m: RegExpExecArray, plan: PlanInput) => [AppKey, MessageParams?]];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const RULES: Rule[] = [
  [/^sample\.confidence$/, () => ['plan.error.confidence']],
  [/^sample\.margin$/, (_, p) => [p.sample.kind === 'mean' ? 'plan.error.marginMean' : 'plan.error.margin']],
  [/^sample\.proportion$/, () => ['plan.error.proportion']],
  [/^sample\.sd$/, () => ['plan.error.sd']],
  [/^sample\.population$/, () => ['plan.error.population']],
  [/^sample\.designEffect$/, () => ['plan.error.designEffect']],
  [/^sample\.(responseRate|incidence)$/, () => ['plan.error.rate']],
  [/^fieldwork\.end$/, () => ['plan.error.endBeforeStart']],
  [/^reportDue$/, () => ['plan.error.reportBeforeEnd']],
  [/^budget\[\d+\]\.label$/, () => ['plan.error.required']],
  [/^budget\[\d+\]\.amount$/, () => ['plan.error.amount']],
  [/^budget\[\d+\]\.currency$/, () => ['plan.error.currency']],
  [
    /^quotas\.variables\[(\d+)\]\.categories$/,
    (m, p) => {
      const variable = p.quotas!.variables[Number(m[1])];
      const total = sum(variable.categories.map((c) => c.population));
      if (variable.categories.length < 2) return ['plan.error.twoCategories'];
      if (variable.unit === 'percent' && Math.abs(total - 100) > 0.01)
        return ['plan.error.sharesSum', { sum: Math.round(total * 1e4) / 1e4 }];
      if (variable.categories.some((c) => !Number.isInteger(c.population))) return ['plan.error.wholeCounts'];
      if (new Set(variable.categories.map((c) => c.value.trim())).size < variable.categories.length)
        return ['plan.error.duplicateValues'];
      return ['plan.error.emptyPopulation'];
    },
  ],
  [/^quotas\.variables\[\d+\]\.categories\[\d+\]\.value$/, () => ['plan.error.categoryValue']],
  [/^quotas\.variables\[\d+\]\.categories\[\d+\]\.population$/, () => ['plan.error.categoryPopulation']],
  [/^quotas\.variables\[\d+\]\.categories\[\d+\]\.sd$/, () => ['plan.error.categorySd']],
  [/^quotas\.variables\[\d+\]\.source$/, () => ['plan.error.source']],
  [
    /^quotas\.variables$/,
    (_, p) => [
      p.quotas!.method === 'neyman' &&
      new Set(p.quotas!.variables.map((x) => x.source)).size === p.quotas!.variables.length
        ? 'plan.error.neyman'
        : 'plan.error.sameSource',
    ],
  ],
  [
    /^quotas\.minPerCell$/,
    (_, p) => [p.quotas!.minPerCell === undefined ? 'plan.error.minMissing' : 'plan.error.minTooLarge'],
  ],
  [/^quotas\.total$/, () => ['plan.error.total']],
  [/^quotas\.cells\[\d+\]\.target$/, () => ['plan.error.target']],
  [/^quotas\.cells/, () => ['plan.error.cells']],
];

/** The message for a fault at `path` (with or without the server's `plan.` prefix). */
export function problemText(t: T, path: string, plan: PlanInput): string {
  const p = path.replace(/^plan\./, '');
  for (const [re, rule] of RULES) {
    const m = re.exec(p);
    if (!m) continue;
    try {
      const [key, params] = rule(m, plan);
      return t(key, params);
    } catch {
      break; // the plan changed since the fault was found: say it generally
    }
  }
  return t('plan.error.invalid');
}

/** Path → message for every fault of the plan as it stands (the first fault of each field). */
export function problemsOf(t: T, plan: PlanInput, issues: readonly v.BaseIssue<unknown>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const issue of issues) {
    const path = issuePath(issue);
    if (!out.has(path)) out.set(path, problemText(t, path, plan));
  }
  return out;
}
