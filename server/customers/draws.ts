/**
 * Inviting a survey's sample from the register: a stratified random sample by tier, segment or any
 * attribute, or by the combinations of two of them (tier × region), with the plan's completes per
 * stratum (or a total allocated in proportion) and its expected response rate, drawn from a
 * recorded seed so the same seed over the same register draws the same customers. Only customers
 * who may be contacted are drawn: with an e-mail address, not unsubscribed, never bounced, not
 * invited to any survey within the contact interval, nor to this survey before.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, asc, eq, isNotNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { exclusive, LOCKS, q, type Sql, type Store, type Work } from '../db/store';
import { customerDraws, customers, invitations, plans, unsubscribes } from '../db/tables';
import { AppError, badRequest } from '../http/errors';
import { surveyRow } from '../survey/service';
import { newToken } from '../collect/invitations';
import { BOUNCE_PREFIX } from '../../shared/api/collect';
import { CELL_SEPARATOR, PlanSchema } from '../../shared/plan/schema';
import { CUSTOMER_ID_FIELDS, type CustomerField } from '../../shared/customers/fields';
import { drawStratified, proportionalAllocation, seededRandom } from '../../shared/customers/sample';
import type { DrawRequest, DrawResult } from '../../shared/customers/schema';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { ensureValues } from './value';
import { contactRules, valueSettings } from './settings';
import { statements } from './statements';

const DAY = 86_400_000;

interface Candidate {
  id: string;
  externalId: string;
  name: string | null;
  email: string;
  language: string | null;
  tier: number | null;
  segment: string | null;
  attributes: Record<string, string>;
}

/**
 * Customers who may be invited to `surveyId` now, in the byte order of their CRM ids: the order the
 * seed draws from, the same on both databases and after a register moves from one to the other.
 */
function* eligible(db: Sql, surveyId: string, since: number): Work<Candidate[]> {
  const rows = yield* q(
    db
      .select({
        id: customers.id,
        externalId: customers.externalId,
        name: customers.name,
        email: customers.email,
        language: customers.language,
        tier: customers.tier,
        segment: customers.segment,
        attributes: customers.attributes,
      })
      .from(customers)
      .where(
        and(
          isNotNull(customers.email),
          sql`not exists (select 1 from ${unsubscribes} u where u.email = lower(${customers.email}))`,
          sql`not exists (select 1 from ${invitations} i where i.customer_id = ${customers.id}
            and (i.created_at > ${since} or i.survey_id = ${surveyId}
              or substr(i.last_error, 1, ${BOUNCE_PREFIX.length}) = ${BOUNCE_PREFIX}))`,
        ),
      )
      .orderBy(asc(statements.byteOrder(customers.externalId))),
  );
  return rows as Candidate[];
}

/** What a customer's stratum value is read from: their tier's name, their segment, or an attribute (any case). */
function stratumOf(by: string, tierNames: readonly string[]): (c: Candidate) => string | null {
  if (by === 'customer_tier') return (c) => (c.tier === null ? null : (tierNames[c.tier] ?? null));
  if (by === 'customer_segment') return (c) => c.segment;
  const wanted = by.toLowerCase();
  return (c) => {
    const key = Object.keys(c.attributes).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? null : c.attributes[key];
  };
}

/** The survey's saved plan (defaults filled), or null. */
function* planOf(db: Sql, surveyId: string) {
  const [row] = yield* q(db.select({ data: plans.data }).from(plans).where(eq(plans.surveyId, surveyId)));
  return row ? v.parse(PlanSchema, row.data) : null;
}

/**
 * Completes per stratum from the plan's quotas: the targets of every cell holding the value (or,
 * for a cross, the pair of values), summed over the plan's other quota variables.
 */
function planCompletes(
  plan: v.InferOutput<typeof PlanSchema> | null,
  by: readonly string[],
): Record<string, number> | null {
  const quotas = plan?.quotas;
  const indexes = by.map((source) => quotas?.variables.findIndex((x) => x.source === source) ?? -1);
  if (!quotas?.cells || indexes.some((i) => i < 0)) return null;
  const out: Record<string, number> = {};
  for (const cell of quotas.cells) {
    const values = cell.key.split(CELL_SEPARATOR);
    const key = stratumKey(indexes.map((i) => values[i]));
    out[key] = (out[key] ?? 0) + cell.target;
  }
  return out;
}

/** A stratum's name: its value, or a cross's values joined as the plan's quota cells are. */
const stratumKey = (values: readonly string[]) => values.join(CELL_SEPARATOR);

/** What a customer's stratum is read from: one attribute, or the combination of two. */
function strataOf(by: readonly string[], tierNames: readonly string[]): (c: Candidate) => string | null {
  const parts = by.map((b) => stratumOf(b, tierNames));
  return (c) => {
    const values: string[] = [];
    for (const part of parts) {
      const value = part(c);
      if (value === null) return null;
      values.push(value);
    }
    return stratumKey(values);
  };
}

/** The plan's expected share of invitations that end as usable completes: response rate × incidence. */
function planRate(plan: v.InferOutput<typeof PlanSchema> | null): number | null {
  const sample = plan?.sample;
  return sample ? sample.responseRate * (sample.incidence ?? 1) : null;
}

/**
 * Draws a sample and, unless it is a preview, invites it. The eligible customers are read, drawn
 * and invited in one transaction that runs alone among draws on every node, so two draws at once
 * never invite one customer twice within the contact interval.
 */
export async function drawSample(
  store: Store,
  surveyId: string,
  input: DrawRequest,
  userId: string | null,
  now: number,
): Promise<DrawResult> {
  const plan = await store.run(function* (db) {
    yield* surveyRow(db, surveyId);
    return yield* planOf(db, surveyId);
  });
  const by = input.crossBy ? [input.by, input.crossBy] : [input.by];
  if (input.completes && input.total !== undefined)
    throw badRequest('total: give the completes per stratum or the total to allocate, not both', 'total');
  const completes = input.total === undefined ? (input.completes ?? planCompletes(plan, by)) : null;
  if (!completes && input.total === undefined)
    throw badRequest(
      `completes: give the completes per stratum or a total, or a plan with quota variables on "${by.join('" and "')}"`,
      'completes',
    );
  const responseRate = input.responseRate ?? planRate(plan);
  if (responseRate === null)
    throw badRequest('responseRate: give the expected response rate, or a plan with a sample size', 'responseRate');
  await ensureValues(store, now);
  const seed = input.seed ?? randomBytes(12).toString('base64url');
  const work = function* (tx: Sql): Work<DrawResult> {
    if (!input.preview) yield* q(exclusive(tx, LOCKS.customerDraws));
    const survey = yield* surveyRow(tx, surveyId);
    const { intervalDays } = yield* contactRules(tx);
    const { tierNames } = yield* valueSettings(tx);
    const candidates = yield* eligible(tx, surveyId, now - intervalDays * DAY);
    const stratum = strataOf(by, tierNames);
    const members = new Map<string, Candidate[]>(completes ? Object.keys(completes).map((v) => [v, []]) : []);
    for (const c of candidates) {
      const key = stratum(c);
      if (key === null) continue;
      const list = members.get(key);
      if (list) list.push(c);
      // With a total, every value (or combination) an eligible customer has is a stratum.
      else if (!completes) members.set(key, [c]);
    }
    // Strata in a fixed order, so the generator's sequence meets them the same way every time.
    const keys = [...members.keys()].sort();
    const allocated = completes
      ? keys.map((key) => completes[key])
      : proportionalAllocation(
          input.total!,
          keys.map((key) => members.get(key)!.length),
        );
    const strata = keys.map((value, i) => ({ value, completes: allocated[i], members: members.get(value)! }));
    const drawn = drawStratified(strata, responseRate, seededRandom(seed));
    const chosen = drawn.flatMap((s) => s.drawn);
    const result: DrawResult = {
      id: input.preview ? null : randomBytes(12).toString('base64url'),
      seed,
      by: input.by,
      crossBy: input.crossBy ?? null,
      responseRate,
      intervalDays,
      strata: drawn.map((s) => ({
        value: s.value,
        completes: s.completes,
        needed: s.needed,
        eligible: s.eligible,
        drawn: s.drawn.length,
      })),
      invited: input.preview ? 0 : chosen.length,
      customers: chosen.map((c) => c.externalId),
      createdAt: now,
    };
    if (input.preview) return result;
    if (survey.status === 'closed')
      throw new AppError(409, 'survey-closed', 'this survey is closed: nobody can be invited to it');
    yield* writeDraw(tx, surveyId, survey.draft as SurveyDefinition, result, chosen, tierNames, userId);
    return result;
  };
  return input.preview ? store.run(work) : store.transaction(work);
}

/** Invitations per insert: ten columns each, well within both databases' limits on parameters. */
const INSERT_ROWS = 1_000;

/** The invitations of a draw and its record, inside the draw's transaction: a draw lands whole or not at all. */
function* writeDraw(
  tx: Sql,
  surveyId: string,
  def: SurveyDefinition,
  result: DrawResult,
  chosen: Candidate[],
  tierNames: readonly string[],
  userId: string | null,
): Work<void> {
  const idField = CUSTOMER_ID_FIELDS.find((f) => def.hiddenFields.includes(f));
  const rows = chosen.map((c) => {
    const fields: Partial<Record<CustomerField | string, string>> = {};
    if (idField) fields[idField] = c.externalId;
    const tier = c.tier === null ? undefined : tierNames[c.tier];
    if (tier) fields.customer_tier = tier;
    if (c.segment) fields.customer_segment = c.segment;
    return {
      id: newToken(),
      surveyId,
      token: newToken(),
      name: c.name,
      email: c.email,
      lang: c.language && def.languages.includes(c.language) ? c.language : null,
      hidden: fields as Record<string, string>,
      customerId: c.id,
      createdAt: result.createdAt,
      updatedAt: result.createdAt,
    };
  });
  for (let start = 0; start < rows.length; start += INSERT_ROWS)
    yield* q(tx.insert(invitations).values(rows.slice(start, start + INSERT_ROWS)));
  yield* q(
    tx.insert(customerDraws).values({
      id: result.id!,
      surveyId,
      seed: result.seed,
      stratifyBy: result.by,
      crossBy: result.crossBy,
      responseRate: result.responseRate,
      intervalDays: result.intervalDays,
      strata: result.strata,
      invited: result.invited,
      createdBy: userId,
      createdAt: result.createdAt,
    }),
  );
}

/** The draws made for a survey, newest first (without the customers: the invitations list them). */
export function* listDraws(db: Sql, surveyId: string): Work<Omit<DrawResult, 'customers'>[]> {
  yield* surveyRow(db, surveyId);
  return yield* q(
    db
      .select({
        id: customerDraws.id,
        seed: customerDraws.seed,
        by: customerDraws.stratifyBy,
        crossBy: customerDraws.crossBy,
        responseRate: customerDraws.responseRate,
        intervalDays: customerDraws.intervalDays,
        strata: customerDraws.strata,
        invited: customerDraws.invited,
        createdAt: customerDraws.createdAt,
      })
      .from(customerDraws)
      .where(eq(customerDraws.surveyId, surveyId))
      .orderBy(desc(customerDraws.createdAt), asc(statements.byteOrder(customerDraws.id))),
  );
}
