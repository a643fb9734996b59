/**
 * The pieces every route of the API contract is described with: its method and path (the key),
 * who may call it, the Valibot schemas of its query and body, and what it answers. The server's
 * OpenAPI document and the app's typed calls are both read from these descriptions.
 */
import type * as v from 'valibot';
import type { ApiErrorCode } from '../errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The least role a route needs; `public` needs no sign-in at all. */
export type Access = 'public' | 'viewer' | 'researcher' | 'admin';
/** The reference page's sections, one per area of the product. */
export type Tag =
  | 'Accounts'
  | 'Users'
  | 'Surveys'
  | 'Distribution'
  | 'Responses'
  | 'Plan'
  | 'Report'
  | 'Alerts'
  | 'Customers'
  | 'Coding'
  | 'Audit'
  | 'Operations';

type AnyObjectSchema = v.GenericSchema<Record<string, unknown>, Record<string, unknown>>;

/** `json` and `empty` answers are what the app calls; `file` and `page` are what a link opens. */
export type AnswerKind = 'json' | 'empty' | 'file' | 'page';

/** What a route answers when it succeeds. `T` is the body's type (phantom: only the compiler reads it). */
export interface Answer<T, K extends AnswerKind = AnswerKind> {
  readonly status: 200 | 201 | 202 | 204;
  readonly kind: K;
  /** For a `file`, its media types. */
  readonly media?: readonly string[];
  /** A Valibot schema of the body, where one is kept; else the document reads `T` (server/openapi/answer-types.ts). */
  readonly schema?: v.GenericSchema;
  /** The body's type as the document's answer names it. */
  readonly typeName?: string;
  readonly __type?: T;
}

export interface Route {
  readonly summary: string;
  readonly description?: string;
  /** Particulars for its readers: who may call it and how often, what it takes, what it answers when. */
  readonly notes?: readonly string[];
  readonly tag: Tag;
  readonly access: Access;
  readonly query?: AnyObjectSchema;
  readonly body?: v.GenericSchema;
  readonly answer: Answer<unknown>;
  /** The error codes worth knowing for this route, beyond those every route may answer. */
  readonly errors?: readonly ApiErrorCode[];
  /** Guarded by its own bearer token (METRICS_TOKEN) rather than by a user's session or API token. */
  readonly metricsToken?: true;
  /** Sent as a header rather than in the query or body (the respondent page's resume key). */
  readonly headers?: readonly { name: string; description: string; required: boolean }[];
}

type Status = Answer<unknown>['status'];

/**
 * A JSON answer of type `T`, named `typeName` in the document, which describes its fields from `T`.
 * @example answer: json<SurveyDetail>('SurveyDetail', 201)
 */
export function json<T>(typeName: string, status: Exclude<Status, 204> = 200): Answer<T, 'json'> {
  return { status, kind: 'json', typeName };
}

/** A JSON answer described field by field by `schema`; its type comes from the schema. */
export function described<S extends v.GenericSchema>(
  schema: S,
  status: Exclude<Status, 204> = 200,
): Answer<v.InferOutput<S>, 'json'> {
  return { status, kind: 'json', schema };
}

/** No body: 204. */
export const empty = (): Answer<void, 'empty'> => ({ status: 204, kind: 'empty' });

/** A download (CSV, spreadsheet, image) a link opens; the app never parses it. */
export const file = (...media: string[]): Answer<Blob, 'file'> => ({ status: 200, kind: 'file', media });

/** An HTML page. */
export const page = (): Answer<string, 'page'> => ({ status: 200, kind: 'page', media: ['text/html'] });

/** Keeps each route's literal types, and checks every key is `METHOD /path`. */
export const routes = <const T extends Record<`${Method} /${string}`, Route>>(table: T): T => table;

/** `/api/surveys/:id/shares/:shareId` → `{ id: string; shareId: string }`. */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : unknown;

/** The names of a path's parameters, in order. */
export function paramNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
}
