/**
 * The audit log, kept in one place: a middleware around every signed-in /api request records each
 * successful change (any method but GET/HEAD/OPTIONS) and each download of personal data, with
 * who (copied as text: kept after the user is deleted), when, from which IP, the route and its
 * parameters. Request bodies are not kept (they hold passwords and answers). Routes that set the
 * signed-in user themselves (a completed password reset) are recorded under that user.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../http/context';
import { clientIp } from '../http/rate-limit';
import type { AuditArea } from '../../shared/api/audit';

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
function targetOf(c: Context<AppEnv>): { target: string | null; surveyId: string | null } {
  const db = c.var.deps.db.$client;
  const survey = /^\/api\/surveys\/([^/]+)/.exec(c.req.path)?.[1];
  if (survey && survey !== 'convert' && survey !== 'import') {
    const slug = db.prepare('select slug from surveys where id = ?').pluck().get(survey) as string | undefined;
    return { target: slug ?? null, surveyId: survey };
  }
  const user =
    /^\/api\/users\/([^/]+)$/.exec(c.req.path)?.[1] ?? /^\/api\/users\/([^/]+)\/[^/]+$/.exec(c.req.path)?.[1];
  if (user && user !== 'invites') {
    return {
      target: (db.prepare('select email from users where id = ?').pluck().get(user) as string | undefined) ?? null,
      surveyId: null,
    };
  }
  return { target: null, surveyId: null };
}

export const auditTrail: MiddlewareHandler<AppEnv> = async (c, next) => {
  const write = !SAFE.has(c.req.method);
  const before = write ? targetOf(c) : null;
  const actorBefore = c.var.user;
  await next();
  const actor = c.var.user ?? actorBefore;
  if (!actor || c.res.status >= 400) return;
  const route = routePath(c);
  const method = c.req.method;
  if (write ? NOT_ACTIONS.has(`${method} ${route}`) : !(method === 'GET' && AUDITED_READS.test(route))) return;
  const { target, surveyId } = before ?? targetOf(c);
  record(c, {
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

function record(c: Context<AppEnv>, a: Action) {
  const db = c.var.deps.db.$client;
  const now = c.var.deps.clock.now();
  const params = JSON.stringify(a.params);
  const ip = clientIp(c);
  const coalesces = (a.method === 'PUT' || a.method === 'PATCH') && Object.keys(a.params).length > 0;
  const repeat =
    coalesces &&
    (db
      .prepare(`select id from audit_log where actor_id = ? and method = ? and route = ? and params = ? and at >= ?
    order by at desc limit 1`)
      .pluck()
      .get(a.actor.id, a.method, a.route, params, now - COALESCE_MS) as number | undefined);
  if (typeof repeat === 'number') {
    db.prepare('update audit_log set at = ?, count = count + 1, status = ?, ip = ? where id = ?').run(
      now,
      a.status,
      ip,
      repeat,
    );
    return;
  }
  db.prepare(`insert into audit_log (at, first_at, count, actor_id, actor_name, actor_email, actor_role, area, method, route, params, target, survey_id, status, ip)
    values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    now,
    now,
    a.actor.id,
    a.actor.name,
    a.actor.email,
    a.actor.role,
    areaOf(a.route),
    a.method,
    a.route,
    params,
    a.target,
    a.surveyId,
    a.status,
    ip,
  );
}
