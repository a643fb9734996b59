import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseValue } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { AuditQuerySchema, type AuditEntry, type AuditPage } from '../../shared/api/audit';

type Row = Omit<AuditEntry, 'actor' | 'params'> & {
  actorId: string | null;
  actorName: string;
  actorEmail: string | null;
  actorRole: string | null;
  params: string;
};

/** GET /api/audit: admins read the log, newest first, a page at a time. */
export const auditRoutes = new Hono<AppEnv>().get('/', requireRole('admin'), (c) => {
  const q = parseValue(AuditQuerySchema, c.req.query());
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.before !== undefined) {
    where.push('id < ?');
    args.push(q.before);
  }
  if (q.area) {
    where.push('area = ?');
    args.push(q.area);
  }
  if (q.actor) {
    where.push('actor_id = ?');
    args.push(q.actor);
  }
  if (q.survey) {
    where.push('survey_id = ?');
    args.push(q.survey);
  }
  // Ordered by id, which follows first occurrence; a coalesced repeat keeps its place.
  const rows = c.var.deps.db.$client
    .prepare(`select id, at, first_at as firstAt, count, actor_id as actorId, actor_name as actorName,
      actor_email as actorEmail, actor_role as actorRole, area, method, route, params, target, survey_id as surveyId, status, ip
      from audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`)
    .all(...args, q.limit + 1) as Row[];
  const page = rows.slice(0, q.limit);
  const body: AuditPage = {
    entries: page.map(({ actorId, actorName, actorEmail, actorRole, params, ...r }) => ({
      ...r,
      actor: { id: actorId, name: actorName, email: actorEmail, role: actorRole },
      params: JSON.parse(params) as Record<string, string>,
    })),
    next: rows.length > q.limit ? page[page.length - 1].id : null,
  };
  return c.json(body);
});
