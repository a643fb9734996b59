import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../http/context';
import { ROOT } from '../paths';
import { openApiDocument } from './document';
import { referencePage } from './reference-page';

let built: { json: string; html: string } | null = null;
/** Built on first request, not at start-up: most servers are never asked. */
function documents() {
  if (!built) {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const doc = openApiDocument(version);
    built = { json: JSON.stringify(doc), html: referencePage(doc) };
  }
  return built;
}

/**
 * The API's description, public: GET /api/openapi.json and the page to read, GET /api/docs. Both
 * run to hundreds of kilobytes, a tenth of that gzipped. (Compression is per route: a sub-app's
 * `use` would reach every route under /api.)
 */
export const apiDocsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', compress(), (c) =>
    c.body(documents().json, 200, { 'content-type': 'application/json; charset=utf-8' }),
  )
  .get('/docs', compress(), (c) => c.html(documents().html));
