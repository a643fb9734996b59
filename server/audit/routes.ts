import { and, desc, eq, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseValue } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { AuditQuerySchema, type AuditArea, type AuditPage } from '../../shared/api/audit';
import { auditLog } from '../db/tables';

/** GET /api/audit: admins read the log, newest first, a page at a time. */
export const auditRoutes = new Hono<AppEnv>().get('/', requireRole('admin'), async (c) => {
  const q = parseValue(AuditQuerySchema, c.req.query());
  const where = [
    q.before === undefined ? undefined : lt(auditLog.id, q.before),
    q.area ? eq(auditLog.area, q.area) : undefined,
    q.actor ? eq(auditLog.actorId, q.actor) : undefined,
    q.survey ? eq(auditLog.surveyId, q.survey) : undefined,
  ];
  // Ordered by id, which follows first occurrence; a coalesced repeat keeps its place.
  const rows = await c.var.deps.store.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const body: AuditPage = {
    entries: page.map(({ actorId, actorName, actorEmail, actorRole, area, ...r }) => ({
      ...r,
      // Written by auditTrail from areaOf, so always one of the areas.
      area: area as AuditArea,
      actor: { id: actorId, name: actorName, email: actorEmail, role: actorRole },
    })),
    next: rows.length > q.limit ? page[page.length - 1].id : null,
  };
  return c.json(body);
});
