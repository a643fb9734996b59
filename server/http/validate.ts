import type { Context } from 'hono';
import * as v from 'valibot';
import { AppError, badRequest } from './errors';
import { issuePath } from '../../shared/survey/schema';
import { issueRule } from '../../shared/survey/issues';

/** Reads the JSON body and validates it, or throws a 400 naming the first faulty field. */
export async function parseJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
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
