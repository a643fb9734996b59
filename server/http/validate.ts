import type { Context } from 'hono';
import * as v from 'valibot';
import { AppError, badRequest } from './errors';
import { issuePath } from '../../shared/survey/schema';
import { issueRule } from '../../shared/survey/issues';
import { API_ROUTES } from '../../shared/api/contract';
import type { Route } from '../../shared/api/contract/define';

/** Each route's body schema as the API contract publishes it, by `METHOD /path`. */
const CONTRACT_BODIES = new Map(Object.entries(API_ROUTES as Record<string, Route>).map(([k, r]) => [k, r.body]));

/** Reads the JSON body and validates it, or throws a 400 naming the first faulty field. */
export async function parseJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  // The published document describes the contract's schema: a handler validating with another would make it
  // wrong, so that is a fault of ours, found by the tests that send every route a body. (A route the contract
  // lacks is left to the test that holds the document to the app's routes.)
  const route = `${c.req.method} ${c.req.routePath}`;
  if (CONTRACT_BODIES.has(route) && CONTRACT_BODIES.get(route) !== schema)
    throw new Error(`${route} validates its body with a schema the API contract (shared/api/contract) doesn't give it`);
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError(415, 'unsupported-media-type', 'send the body as JSON with Content-Type: application/json');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError(400, 'invalid-json', 'the body is not valid JSON');
  }
  return parseValue(schema, raw);
}

export function parseValue<S extends v.GenericSchema>(schema: S, raw: unknown, prefix = ''): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = [prefix, issuePath(issue)].filter(Boolean).join('.');
  const { rule, limit } = issueRule(issue);
  throw badRequest(path ? `${path}: ${issue.message}` : issue.message, path || undefined, undefined, rule, limit);
}
