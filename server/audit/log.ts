/**
 * The audit log, kept in one place: a middleware around every signed-in /api request records each
 * successful change (any method but GET/HEAD/OPTIONS) and each download of personal data, with
 * who (copied as text: kept after the user is deleted), when, from which IP, the route and its
 * parameters. Request bodies are not kept (they hold passwords and answers). Routes that set the
 * signed-in user themselves (a completed password reset) are recorded under that user.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../http/context';
import { clientIp } from '../http/rate-limit';
import type { AuditArea } from '../../shared/api/audit';
import { auditLog, surveys, users } from '../db/tables';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads that hand out personal data or personal links: every export, the mail-merge file, an invitation's QR code. */
const AUDITED_READS = /\/export\/|\/invitations\.csv$|\/invitations\/:invitationId\/qr\.svg$/;
/** Writes that change nothing kept: a converted file shown back, the builder's preview answers. */
const NOT_ACTIONS = new Set(['POST /api/surveys/convert', 'POST /api/surveys/:id/preview/responses']);
/**
 * An edit (PUT or PATCH) of the same thing by the same person within this window is one entry,
 * counted: a draft saved as it is typed would otherwise bury everything else.
 */
export const COALESCE_MS = 10 * 60_000;

export function areaOf(route: string): AuditArea {
  if (route.startsWith('/api/auth')) return 'account';
  if (route.startsWith('/api/users')) return 'users';
  if (route.startsWith('/api/cases')) return 'cases';
  if (route.startsWith('/api/demo')) return 'demo';
  if (AUDITED_READS.test(route)) return 'export';
  if (/\/(plan|waves)$/.test(route)) return 'plan';
  if (/\/(alerts|webhooks)(\/|$)/.test(route)) return 'alerts';
  if (/\/shares(\/|$)/.test(route)) return 'shares';
  if (/\/(invitations|mail)(\/|$)/.test(route)) return 'invitations';
  if (/\/settings$/.test(route)) return 'collection';
  if (/\/report(\/|$)/.test(route)) return 'report';
  return 'survey';
}

/** A readable name of the survey or user a request is about, read before the action (which may delete it). */
async function targetOf(c: Context<AppEnv>): Promise<{ target: string | null; surveyId: string | null }> {
  const { db } = c.var.deps.store;
  const survey = /^\/api\/surveys\/([^/]+)/.exec(c.req.path)?.[1];
  if (survey && survey !== 'convert' && survey !== 'import') {
    const [row] = await db.select({ slug: surveys.slug }).from(surveys).where(eq(surveys.id, survey));
    return { target: row?.slug ?? null, surveyId: survey };
  }
  const user =
    /^\/api\/users\/([^/]+)$/.exec(c.req.path)?.[1] ?? /^\/api\/users\/([^/]+)\/[^/]+$/.exec(c.req.path)?.[1];
  if (user && user !== 'invites') {
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, user));
    return { target: row?.email ?? null, surveyId: null };
  }
  return { target: null, surveyId: null };
}

export const auditTrail: MiddlewareHandler<AppEnv> = async (c, next) => {
  const write = !SAFE.has(c.req.method);
  const before = write ? await targetOf(c) : null;
  const actorBefore = c.var.user;
  await next();
  const actor = c.var.user ?? actorBefore;
  if (!actor || c.res.status >= 400) return;
  const route = routePath(c);
  const method = c.req.method;
  if (write ? NOT_ACTIONS.has(`${method} ${route}`) : !(method === 'GET' && AUDITED_READS.test(route))) return;
  const { target, surveyId } = before ?? (await targetOf(c));
  await record(c, {
    actor,
    method,
    route,
    params: c.req.param() as Record<string, string>,
    target,
    surveyId,
    status: c.res.status,
  });
};

interface Action {
  actor: { id: string; name: string; email: string; role: string };
  method: string;
  route: string;
  params: Record<string, string>;
  target: string | null;
  surveyId: string | null;
  status: number;
}

async function record(c: Context<AppEnv>, a: Action) {
  const { db } = c.var.deps.store;
  const now = c.var.deps.clock.now();
  const ip = clientIp(c);
  const coalesces = (a.method === 'PUT' || a.method === 'PATCH') && Object.keys(a.params).length > 0;
  const [repeat] = coalesces
    ? await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorId, a.actor.id),
            eq(auditLog.method, a.method),
            eq(auditLog.route, a.route),
            // Compared as text: PostgreSQL's json has no equality.
            sql`cast(${auditLog.params} as text) = ${JSON.stringify(a.params)}`,
            gte(auditLog.at, now - COALESCE_MS),
          ),
        )
        .orderBy(desc(auditLog.at))
        .limit(1)
    : [];
  if (repeat) {
    await db
      .update(auditLog)
      .set({ at: now, count: sql`${auditLog.count} + 1`, status: a.status, ip })
      .where(eq(auditLog.id, repeat.id));
    return;
  }
  await db.insert(auditLog).values({
    at: now,
    firstAt: now,
    actorId: a.actor.id,
    actorName: a.actor.name,
    actorEmail: a.actor.email,
    actorRole: a.actor.role,
    area: areaOf(a.route),
    method: a.method,
    route: a.route,
    params: a.params,
    target: a.target,
    surveyId: a.surveyId,
    status: a.status,
    ip,
  });
}
