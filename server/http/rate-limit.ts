import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { AppError } from './errors';

/**
 * The client IP: the socket's address, or with TRUST_PROXY=1 the address the outermost of our
 * TRUST_PROXY_HOPS proxies saw. Proxies append, so the hops on the left are whatever the client
 * sent and are never taken.
 */
export function clientIp(c: Context<AppEnv>): string {
  const { TRUST_PROXY, TRUST_PROXY_HOPS } = c.var.deps.config;
  if (TRUST_PROXY === '1') {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    // Fewer hops than proxies: every hop there was written by one of ours, the first one too.
    const fwd = hops[Math.max(0, hops.length - TRUST_PROXY_HOPS)];
    if (fwd) return fwd;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * A fixed-window counter per IP, in memory: enough for one process, which is how Yardstick runs.
 * Windows are dropped as they expire so the map can't grow without bound.
 */
export function rateLimit(scope: string, limitOf: (c: Context<AppEnv>) => number): MiddlewareHandler<AppEnv> {
  // Counters belong to one app instance (tests build many apps in one process).
  const perApp = new WeakMap<object, Map<string, { start: number; count: number }>>();
  return async (c, next) => {
    const limit = limitOf(c);
    if (limit > 0) {
      let windows = perApp.get(c.var.deps);
      if (!windows) perApp.set(c.var.deps, (windows = new Map()));
      const now = c.var.deps.clock.now();
      const key = clientIp(c);
      let w = windows.get(key);
      if (!w || now - w.start >= 60_000) {
        if (windows.size > 10_000) for (const [k, x] of windows) if (now - x.start >= 60_000) windows.delete(k);
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      if (++w.count > limit) {
        c.header('Retry-After', String(Math.ceil((w.start + 60_000 - now) / 1000)));
        throw new AppError(429, 'rate-limited', `too many requests to ${scope}; try again in a minute`);
      }
    }
    await next();
  };
}
