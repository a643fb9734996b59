/**
 * Inviting a survey's sample from the register: a stratified random sample by tier, segment or any
 * attribute, with the plan's completes per stratum and its expected response rate, drawn from a
 * recorded seed so the same seed over the same register draws the same customers. Only customers
 * who may be contacted are drawn: with an e-mail address, not unsubscribed, never bounced, not
 * invited to any survey within the contact interval, nor to this survey before.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError, badRequest } from '../http/errors';
import { getRow } from '../survey/service';
import { storedPlan } from '../plan/service';
import { newToken } from '../collect/invitations';
import { BOUNCE_PREFIX } from '../../shared/api/collect';
import { CELL_SEPARATOR } from '../../shared/plan/schema';
import { CUSTOMER_ID_FIELDS, type CustomerField } from '../../shared/customers/fields';
import { drawStratified, seededRandom } from '../../shared/customers/sample';
import type { DrawRequest, DrawResult } from '../../shared/customers/schema';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { ensureValues } from './value';
import { contactRules, valueSettings } from './settings';

const DAY = 86_400_000;

interface Candidate {
  id: string;
  externalId: string;
  name: string | null;
  email: string;
  language: string | null;
  tier: number | null;
  segment: string | null;
  attributes: string;
}

/** Customers who may be invited to `surveyId` now, in id order (the order the seed draws from). */
function eligible(db: Db, surveyId: string, since: number): Candidate[] {
  return db.$client
    .prepare(`select c.id, c.external_id as externalId, c.name, c.email, c.language, c.tier, c.segment, c.attributes
      from customers c
      where c.email is not null
        and not exists (select 1 from unsubscribes u where u.email = lower(c.email))
        and not exists (select 1 from invitations i where i.customer_id = c.id
          and (i.created_at > ? or i.survey_id = ? or substr(i.last_error, 1, ?) = ?))
      order by c.id`)
    .all(since, surveyId, BOUNCE_PREFIX.length, BOUNCE_PREFIX) as Candidate[];
}

/** What a customer's stratum value is read from: their tier's name, their segment, or an attribute (any case). */
function stratumOf(by: string, tierNames: readonly string[]): (c: Candidate) => string | null {
  if (by === 'customer_tier') return (c) => (c.tier === null ? null : (tierNames[c.tier] ?? null));
  if (by === 'customer_segment') return (c) => c.segment;
  const wanted = by.toLowerCase();
  return (c) => {
    const attributes = JSON.parse(c.attributes) as Record<string, string>;
    const key = Object.keys(attributes).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? null : attributes[key];
  };
}

/** Completes per stratum from the plan's quotas: the targets of every cell holding the value, summed. */
function planCompletes(db: Db, surveyId: string, by: string): Record<string, number> | null {
  const quotas = storedPlan(db, surveyId)?.plan.quotas;
  const index = quotas?.variables.findIndex((x) => x.source === by) ?? -1;
  if (!quotas?.cells || index < 0) return null;
  const out: Record<string, number> = {};
  for (const cell of quotas.cells) {
    const value = cell.key.split(CELL_SEPARATOR)[index];
    out[value] = (out[value] ?? 0) + cell.target;
  }
  return out;
}

/** The plan's expected share of invitations that end as usable completes: response rate × incidence. */
function planRate(db: Db, surveyId: string): number | null {
  const sample = storedPlan(db, surveyId)?.plan.sample;
  return sample ? sample.responseRate * (sample.incidence ?? 1) : null;
}

export async function drawSample(
  db: Db,
  surveyId: string,
  input: DrawRequest,
  userId: string | null,
  now: number,
): Promise<DrawResult> {
  const survey = getRow(db, surveyId);
  const def = survey.draft as SurveyDefinition;
  const completes = input.completes ?? planCompletes(db, surveyId, input.by);
  if (!completes)
    throw badRequest(
      `completes: give the completes per stratum, or a plan with a quota variable on "${input.by}"`,
      'completes',
    );
  const responseRate = input.responseRate ?? planRate(db, surveyId);
  if (responseRate === null)
    throw badRequest('responseRate: give the expected response rate, or a plan with a sample size', 'responseRate');
  await ensureValues(db);
  const intervalDays = contactRules(db).intervalDays;
  const seed = input.seed ?? randomBytes(12).toString('base64url');
  const candidates = eligible(db, surveyId, now - intervalDays * DAY);
  const stratum = stratumOf(input.by, valueSettings(db).tierNames);
  const members = new Map<string, Candidate[]>(Object.keys(completes).map((v) => [v, []]));
  for (const c of candidates) members.get(stratum(c) ?? '')?.push(c);
  // Strata in a fixed order, so the generator's sequence meets them the same way every time.
  const strata = [...members.keys()]
    .sort()
    .map((value) => ({ value, completes: completes[value], members: members.get(value)! }));
  const drawn = drawStratified(strata, responseRate, seededRandom(seed));
  const customers = drawn.flatMap((s) => s.drawn);
  const result: DrawResult = {
    id: input.preview ? null : randomBytes(12).toString('base64url'),
    seed,
    by: input.by,
    responseRate,
    intervalDays,
    strata: drawn.map((s) => ({
      value: s.value,
      completes: s.completes,
      needed: s.needed,
      eligible: s.eligible,
      drawn: s.drawn.length,
    })),
    invited: input.preview ? 0 : customers.length,
    customers: customers.map((c) => c.externalId),
    createdAt: now,
  };
  if (input.preview) return result;
  if (survey.status === 'closed')
    throw new AppError(409, 'survey-closed', 'this survey is closed: nobody can be invited to it');
  writeDraw(db, surveyId, def, result, customers, valueSettings(db).tierNames, userId);
  return result;
}

/** The invitations of a draw and its record, in one transaction: a draw lands whole or not at all. */
function writeDraw(
  db: Db,
  surveyId: string,
  def: SurveyDefinition,
  result: DrawResult,
  customers: Candidate[],
  tierNames: readonly string[],
  userId: string | null,
) {
  const sqlite = db.$client;
  const idField = CUSTOMER_ID_FIELDS.find((f) => def.hiddenFields.includes(f));
  const insert = sqlite.prepare(`insert into invitations
    (id, survey_id, token, name, email, lang, hidden, customer_id, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const c of customers) {
      const fields: Partial<Record<CustomerField | string, string>> = {};
      if (idField) fields[idField] = c.externalId;
      const tier = c.tier === null ? undefined : tierNames[c.tier];
      if (tier) fields.customer_tier = tier;
      if (c.segment) fields.customer_segment = c.segment;
      const lang = c.language && def.languages.includes(c.language) ? c.language : null;
      insert.run(
        newToken(),
        surveyId,
        newToken(),
        c.name,
        c.email,
        lang,
        JSON.stringify(fields),
        c.id,
        result.createdAt,
        result.createdAt,
      );
    }
    sqlite
      .prepare(`insert into customer_draws
        (id, survey_id, seed, stratify_by, response_rate, interval_days, strata, invited, created_by, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        result.id,
        surveyId,
        result.seed,
        result.by,
        result.responseRate,
        result.intervalDays,
        JSON.stringify(result.strata),
        result.invited,
        userId,
        result.createdAt,
      );
  });
}

/** The draws made for a survey, newest first (without the customers: the invitations list them). */
export async function listDraws(db: Db, surveyId: string): Promise<Omit<DrawResult, 'customers'>[]> {
  getRow(db, surveyId);
  const rows = db.$client
    .prepare(`select id, seed, stratify_by as by, response_rate as responseRate, interval_days as intervalDays,
      strata, invited, created_at as createdAt
      from customer_draws where survey_id = ? order by created_at desc, id`)
    .all(surveyId) as (Omit<DrawResult, 'customers' | 'strata'> & { strata: string })[];
  return rows.map((r) => ({ ...r, strata: JSON.parse(r.strata) as DrawResult['strata'] }));
}
