import type { MiddlewareHandler } from 'hono';

/** Scripts only from us; a page with an inline script adds it by hash (server/collect/page.ts). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** Headers that keep browsers strict: no framing, no sniffing, scripts only from us. */
const HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
];

/**
 * Set before the handler runs, so they travel with the response it makes. Hono's own
 * `secureHeaders` middleware is not used because it sets its headers after the handler, on
 * `c.res.headers`: with @hono/node-server that turns the handler's lightweight response into a full
 * `Response` object on every request, the submission path included.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [k, v] of HEADERS) c.header(k, v);
  await next();
};
