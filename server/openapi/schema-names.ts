/**
 * Names for the Valibot schemas the contract uses, from the names they are exported under
 * (`CreateSurveySchema` → `CreateSurvey`): the document lists each once, under that name, and
 * refers to it wherever a route takes or answers it.
 */
import type * as v from 'valibot';
import * as alerts from '../../shared/api/alerts';
import * as apiTokens from '../../shared/api/api-tokens';
import * as audit from '../../shared/api/audit';
import * as auth from '../../shared/api/auth';
import * as collect from '../../shared/api/collect';
import * as accounts from '../../shared/api/contract/accounts';
import * as customers from '../../shared/customers/schema';
import * as passwords from '../../shared/api/passwords';
import * as plan from '../../shared/api/plan';
import * as reportCrosstab from '../../shared/api/report-crosstab';
import * as reportQuery from '../../shared/api/report-query';
import * as reportSettings from '../../shared/api/report-settings';
import * as surveyImport from '../../shared/api/survey-import';
import * as surveys from '../../shared/api/surveys';

const MODULES: Record<string, unknown>[] = [
  accounts,
  alerts,
  apiTokens,
  audit,
  auth,
  collect,
  customers,
  passwords,
  plan,
  reportCrosstab,
  reportQuery,
  reportSettings,
  surveyImport,
  surveys,
];

const isSchema = (x: unknown): x is v.GenericSchema =>
  typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'schema';

/** Each exported schema and its name; a schema exported twice keeps the first name. */
export function schemaNames(): Map<v.GenericSchema, string> {
  const names = new Map<v.GenericSchema, string>();
  for (const mod of MODULES)
    for (const [key, x] of Object.entries(mod))
      if (key.endsWith('Schema') && isSchema(x) && !names.has(x)) names.set(x, key.slice(0, -'Schema'.length));
  return names;
}
