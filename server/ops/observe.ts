import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../http/context';
import { log } from './log';
import { metrics } from './metrics';

/**
 * Counts and times every request by its route pattern (`/api/surveys/:id`, never the concrete
 * path, so the number of series stays bounded) and status; with LOG_REQUESTS=1 also writes one
 * log line per request, carrying its request id.
 */
export const observe: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const seconds = (performance.now() - started) / 1000;
  // After next(): the route index points at the handler that answered.
  const route = routePath(c);
  const status = c.res.status;
  metrics.requests.inc({ method: c.req.method, route, status: String(status) });
  metrics.requestSeconds.observe(seconds, { route });
  if (c.var.deps.config.LOG_REQUESTS === '1') {
    log.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      ms: Math.round(seconds * 1e4) / 10,
    });
  }
};
