/**
 * Value in the report: a survey's completed responses linked to the register, by tier and RFM
 * segment (as the register holds them now), with the revenue behind each score beside the
 * respondent-weighted figures, the revenue share of detractors with its interval, and the
 * high-value customers at risk for managers to act on.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { customers, responses } from '../db/tables';
import type { Role } from '../../shared/api/auth';
import { surveyRow } from '../survey/service';
import { allQuestions, type SurveyDefinition } from '../../shared/survey/schema';
import { npsOfCounts } from '../../shared/stats/nps';
import { weightedRatio } from '../../shared/stats/ratio';
import type { Segment } from '../../shared/customers/value';
import type { AtRiskCustomer, CustomerValueReport, ValueGroup } from '../../shared/customers/schema';
import { registerCurrency, valueSettings } from './settings';
import { seesContactsOf } from './visibility';
import { statements } from './statements';

interface Linked {
  responseId: number;
  answers: string;
  completedAt: number | null;
  customerId: string;
  externalId: string;
  name: string | null;
  tier: number | null;
  segment: string | null;
  monetary: number;
  rScore: number | null;
  caseId: string | null;
}

interface Scored extends Linked {
  satisfaction: number | null;
  nps: number | null;
}

/** R score at or below this: the customer's last purchase is among the oldest two fifths. */
const LAPSING_R = 2;

function* linkedResponses(db: Sql, surveyId: string): Work<Linked[]> {
  return yield* q(
    db
      .select({
        responseId: responses.id,
        answers: responses.answers,
        completedAt: responses.completedAt,
        customerId: customers.id,
        externalId: customers.externalId,
        name: customers.name,
        tier: customers.tier,
        segment: customers.segment,
        monetary: customers.monetary,
        rScore: customers.rScore,
        // The first case opened on the response, by its id's bytes on either database.
        caseId: sql<
          string | null
        >`(select min(${statements.byteOrder(sql.raw('k.id'))}) from cases k where k.response_id = ${responses.id})`,
      })
      .from(responses)
      .innerJoin(customers, eq(customers.id, responses.customerId))
      .where(and(eq(responses.surveyId, surveyId), eq(responses.status, 'complete'), eq(responses.isTest, false)))
      .orderBy(asc(responses.id)),
  );
}

function group(value: string, rows: readonly Scored[]): ValueGroup {
  const sat = rows.filter((r) => r.satisfaction !== null);
  const rec = rows.filter((r) => r.nps !== null);
  const counts = new Array<number>(11).fill(0);
  for (const r of rec) counts[r.nps!]++;
  const loyalty = (s: number) => (s >= 9 ? 1 : s >= 7 ? 0 : -1);
  return {
    value,
    responses: rows.length,
    revenue: rows.reduce((s, r) => s + r.monetary, 0),
    satisfaction: sat.length ? sat.reduce((s, r) => s + r.satisfaction!, 0) / sat.length : null,
    satisfactionByRevenue: revenueWeighted(
      sat.map((r) => r.satisfaction!),
      sat.map((r) => r.monetary),
    ),
    nps: rec.length ? npsOfCounts(counts).nps : null,
    npsByRevenue: mapNull(
      revenueWeighted(
        rec.map((r) => loyalty(r.nps!)),
        rec.map((r) => r.monetary),
      ),
      (x) => 100 * x,
    ),
  };
}

const mapNull = <T, U>(x: T | null, f: (x: T) => U): U | null => (x === null ? null : f(x));

/** Null without revenue behind the answers (a weighted figure of nothing). */
function revenueWeighted(ys: number[], revenue: number[]): number | null {
  const positive = revenue.map((r) => Math.max(0, r));
  return positive.some((r) => r > 0) ? weightedRatio(ys, positive).estimate : null;
}

/** The report's customer value; the caller makes the values current first (`ensureValues`). */
export function* customerValueReport(
  db: Sql,
  surveyId: string,
  viewer: { id: string; role: Role },
): Work<CustomerValueReport> {
  const survey = yield* surveyRow(db, surveyId);
  const def = survey.draft as SurveyDefinition;
  const questions = allQuestions(def);
  const satQ = questions.find((q) => q.role === 'overall-satisfaction' && q.type === 'rating');
  const npsQ = questions.find((q) => q.type === 'nps');
  const settings = yield* valueSettings(db);
  const tierName = (t: number | null) => (t === null ? null : (settings.tierNames[t] ?? null));
  const rows: Scored[] = (yield* linkedResponses(db, surveyId)).map((r) => {
    const answers = JSON.parse(r.answers) as Record<string, unknown>;
    const num = (id: string | undefined) =>
      id !== undefined && typeof answers[id] === 'number' ? (answers[id] as number) : null;
    return { ...r, satisfaction: num(satQ?.id), nps: num(npsQ?.id) };
  });

  const by = (key: (r: Scored) => string | null, order: readonly string[]) => {
    const groups = new Map<string, Scored[]>(order.map((v) => [v, []]));
    for (const r of rows) {
      const k = key(r);
      if (k !== null) groups.get(k)?.push(r);
    }
    return [...groups].map(([value, members]) => group(value, members));
  };
  const segments = [...new Set(rows.map((r) => r.segment).filter((s): s is string => s !== null))].sort();

  const rec = rows.filter((r) => r.nps !== null);
  const revenue = rec.map((r) => Math.max(0, r.monetary));
  const share = (flag: (s: number) => boolean) => {
    if (!revenue.some((x) => x > 0)) return null;
    const r = weightedRatio(
      rec.map((x) => (flag(x.nps!) ? 1 : 0)),
      revenue,
    );
    return { estimate: r.estimate, marginOfError: r.marginOfError };
  };
  const detractorRevenueShare = share((s) => s <= 6);
  const [{ registerRevenue }] = yield* q(
    db
      .select({ registerRevenue: sql<number>`coalesce(sum(${customers.monetary}), 0)`.mapWith(Number) })
      .from(customers),
  );
  const registerRevenueAtRisk = detractorRevenueShare && {
    estimate: registerRevenue * detractorRevenueShare.estimate,
    low: registerRevenue * Math.max(0, detractorRevenueShare.estimate - (detractorRevenueShare.marginOfError ?? 0)),
    high: registerRevenue * Math.min(1, detractorRevenueShare.estimate + (detractorRevenueShare.marginOfError ?? 0)),
  };

  // The top tiers: the upper half of the pyramid (VIP and major of the default four), at least one.
  const topCount = Math.max(1, Math.floor(settings.tierNames.length / 2));
  const lowSatisfaction = satQ?.type === 'rating' ? satQ.scale.min + 1 : null;
  const sees = yield* seesContactsOf(db, viewer);
  const atRisk: AtRiskCustomer[] = rows
    .filter((r) => r.tier !== null && r.tier < topCount)
    .map((r) => {
      const reasons: AtRiskCustomer['reasons'] = [];
      if (lowSatisfaction !== null && r.satisfaction !== null && r.satisfaction <= lowSatisfaction)
        reasons.push('low-satisfaction');
      if (r.nps !== null && r.nps <= 6) reasons.push('detractor');
      if (r.rScore !== null && r.rScore <= LAPSING_R) reasons.push('lapsing');
      return {
        responseId: r.responseId,
        customerId: r.customerId,
        externalId: r.externalId,
        name: sees(r.customerId) ? r.name : null,
        tierName: tierName(r.tier),
        segment: r.segment as Segment | null,
        revenue: r.monetary,
        satisfaction: r.satisfaction,
        nps: r.nps,
        reasons,
        completedAt: r.completedAt,
        caseId: r.caseId,
      };
    })
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.revenue - a.revenue || a.responseId - b.responseId);

  return {
    currency: yield* registerCurrency(db),
    linked: rows.length,
    satisfactionQuestion: satQ?.id ?? null,
    npsQuestion: npsQ?.id ?? null,
    tiers: by((r) => tierName(r.tier), settings.tierNames),
    segments: by((r) => r.segment, segments),
    all: group('all', rows),
    detractorRevenueShare,
    promoterRevenueShare: share((s) => s >= 9),
    registerRevenueAtRisk,
    topTiers: settings.tierNames.slice(0, topCount),
    atRisk,
  };
}
