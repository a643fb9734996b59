/**
 * The OpenAPI 3.1 document of the API, built from the contract (shared/api/contract) and the
 * Valibot schemas it names, so what is published is what the server validates.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { API_ROUTES } from '../../shared/api/contract';
import { paramNames, type Method, type Route, type Tag } from '../../shared/api/contract/define';
import type { ApiErrorCode } from '../../shared/api/errors';
import { SESSION_COOKIE } from '../auth/sessions';
import answerTypes from './answer-schemas.json';
import type { AnswerSchemas } from './answer-types';
import { ERROR_STATUS } from './error-statuses';
import { schemaNames } from './schema-names';

type Json = Record<string, unknown>;

const TAGS: Record<Tag, string> = {
  Accounts: 'Signing in, the signed-in user, and personal API tokens.',
  Users: 'Administration of user accounts (admins).',
  Surveys: 'Questionnaires: drafting, publishing, import and export, preview.',
  Distribution: 'Collection rules, open-link QR codes, invitations and mailings.',
  Responses: "The respondent page's public API.",
  Plan: 'The research plan, its waves and fieldwork.',
  Report: 'The results report, its exports and cross-tabs, and read-only share links.',
  Alerts: 'Alert rules, webhooks and the follow-up case inbox.',
  Customers: 'The customer register and customer value.',
  Coding: 'Coding open answers: codeframes, suggested themes, what distinguishes, agreement between coders.',
  Audit: 'The audit log (admins).',
  Operations: 'Health, readiness, metrics, and this description.',
};

const ROLE_NOTE: Record<Route['access'], string> = {
  public: 'Needs no sign-in.',
  viewer: 'Needs a signed-in user or API token of any role.',
  researcher: 'Needs the researcher or admin role.',
  admin: 'Needs the admin role.',
};

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'params'],
      properties: {
        code: {
          type: 'string',
          enum: Object.keys(ERROR_STATUS),
          description: 'What went wrong; see the list of codes.',
        },
        message: { type: 'string', description: 'In English, for the API user; not for showing to end users.' },
        path: { type: 'string', description: 'The faulty field, e.g. `definition.pages[0].questions[1].options`.' },
        params: { type: 'object', description: "The code's parameters, e.g. `{ field, rule, limit }` for `invalid`." },
        details: { description: 'Every fault, for the codes that list them (faulty CSV rows, draft problems).' },
        requestId: { type: 'string', description: 'On 500 only: the id to find the failure in the logs.' },
      },
    },
  },
};

const SECURITY_SCHEMES: Json = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The browser session set by `POST /api/auth/login`. Writes also need `csrf`.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: "The session's CSRF token, answered by sign-in and by `GET /api/auth/state`; needed on every write.",
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A personal API token (`ys_…`), made on the account page; it acts with its role and needs no CSRF token.',
  },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN setting.' },
};

/** The codes a route may answer: its own, and those that follow from what it takes and who may call it. */
function errorCodes(method: Method, path: string, route: Route): ApiErrorCode[] {
  const codes = new Set<ApiErrorCode>();
  if (route.body)
    for (const c of ['invalid', 'invalid-json', 'unsupported-media-type', 'too-large'] as const) codes.add(c);
  if (route.query) codes.add('invalid');
  if (paramNames(path).length > 0) codes.add('not-found');
  if (route.access !== 'public' || route.metricsToken) codes.add('unauthenticated');
  if (route.access !== 'public' && route.access !== 'viewer') codes.add('forbidden');
  if (method !== 'GET' && path.startsWith('/api/')) codes.add('cross-origin');
  if (method !== 'GET' && route.access !== 'public') codes.add('csrf');
  for (const c of route.errors ?? []) codes.add(c);
  return [...codes];
}

function operationId(method: Method, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `By${w[1].toUpperCase()}${w.slice(2)}` : w[0].toUpperCase() + w.slice(1)));
  return method.toLowerCase() + words.join('');
}

/** Builds the document; the result is the same on every call, so callers may keep it. */
export function openApiDocument(version: string): Json {
  const names = schemaNames();
  // Written by server/cli/api-answers.ts from the contract's answer types.
  const answers = answerTypes as AnswerSchemas;
  const components: Record<string, Json> = { Error: ERROR_SCHEMA, ...answers.schemas };
  const named = new Map<string, string>();

  const convert = (schema: v.GenericSchema, mode: 'input' | 'output'): Json => {
    const { $schema: _, ...json } = toJsonSchema(schema, {
      target: 'draft-2020-12',
      typeMode: mode,
      // Trims, lower-casing and cross-field checks have no JSON Schema form: the server still applies them.
      errorMode: 'ignore',
    }) as Json;
    return json;
  };
  /** A named schema goes to the components once and is referred to; an unnamed one is written in place. */
  const schemaOf = (schema: v.GenericSchema, mode: 'input' | 'output'): Json => {
    const name = names.get(schema);
    if (!name) return convert(schema, mode);
    if (name in answers.schemas) throw new Error(`${name} names both a schema and an answer type`);
    const key = `${mode}:${name}`;
    let ref = named.get(key);
    if (!ref) {
      ref = components[name] ? `${name}${mode === 'output' ? 'Output' : 'Input'}` : name;
      named.set(key, ref);
      components[ref] = convert(schema, mode);
    }
    return { $ref: `#/components/schemas/${ref}` };
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const [key, route] of Object.entries(API_ROUTES) as [string, Route][]) {
    const [method, path] = key.split(' ') as [Method, string];
    const parameters: Json[] = paramNames(path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      const q = convert(route.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
    for (const h of route.headers ?? [])
      parameters.push({
        name: h.name,
        in: 'header',
        required: h.required,
        description: h.description,
        schema: { type: 'string' },
      });

    const answer = route.answer;
    const success: Json = { description: answer.typeName ?? (answer.kind === 'empty' ? 'No content' : 'Success') };
    if (answer.kind === 'json')
      success.content = {
        'application/json': { schema: answer.schema ? schemaOf(answer.schema, 'output') : answers.answers[key] },
      };
    else if (answer.kind !== 'empty')
      success.content = Object.fromEntries((answer.media ?? []).map((m) => [m, { schema: { type: 'string' } }]));
    const responses: Record<string, Json> = { [String(answer.status)]: success };
    const byStatus = new Map<number, ApiErrorCode[]>();
    for (const code of errorCodes(method, path, route))
      byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
    for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0]))
      responses[String(status)] = {
        description: codes.map((c) => `\`${c}\``).join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    responses.default = {
      description: '`internal`: an unexpected failure',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };

    const security = route.metricsToken
      ? [{ metricsToken: [] }]
      : route.access === 'public'
        ? []
        : method === 'GET'
          ? [{ session: [] }, { apiToken: [] }]
          : [{ session: [], csrf: [] }, { apiToken: [] }];
    const operation: Json = {
      operationId: operationId(method, path),
      tags: [route.tag],
      summary: route.summary,
      description: [route.description, ...(route.notes ?? []), ROLE_NOTE[route.access]].filter(Boolean).join('\n\n'),
      'x-yardstick-access': route.access,
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } },
          }
        : {}),
      responses,
    };
    const openApiPath = path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[openApiPath] = { ...paths[openApiPath], [method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Yardstick API',
      version,
      description:
        'The API of a Yardstick server: the same one its own app uses. Authenticate with a personal API token ' +
        '(`Authorization: Bearer ys_…`) or a browser session with its CSRF token. Errors answer ' +
        '`{ error: { code, message, params, path?, details? } }`; `code` is one of the codes listed under `Error`.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas: components, securitySchemes: SECURITY_SCHEMES },
  };
}
