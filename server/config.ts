import * as v from 'valibot';
import { POSTGRES_URL } from './db/dialect';

const intFrom = (def: number, min: number) =>
  v.pipe(
    v.optional(v.string(), String(def)),
    v.transform(Number),
    v.integer('must be a whole number'),
    v.minValue(min),
  );

/** Environment variables, validated once at boot so a typo fails loudly instead of at first use. */
export const ConfigSchema = v.object({
  PORT: intFrom(3000, 0),
  HOST: v.optional(v.string(), '0.0.0.0'),
  DATABASE_PATH: v.optional(v.string(), './data/yardstick.db'),
  /** A PostgreSQL database (postgres://user:pass@host:5432/name) instead of the SQLite file. */
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(POSTGRES_URL, 'must be a postgres:// or postgresql:// URL'))),
  /** Base URL printed and used in links (QR codes, invitations); defaults to http://localhost:PORT. */
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('must be a URL like https://survey.example.com'))),
  /** Set to 1 behind HTTPS so cookies get the Secure flag. */
  COOKIE_SECURE: v.optional(v.picklist(['0', '1']), '0'),
  /** Trust X-Forwarded-For for the client IP (only behind your own reverse proxy). */
  TRUST_PROXY: v.optional(v.picklist(['0', '1']), '0'),
  /**
   * With TRUST_PROXY=1, how many proxies of your own each request passes (each appends the address
   * it saw to X-Forwarded-For): the client IP is that many hops from the right, never a hop the
   * client could have written itself.
   */
  TRUST_PROXY_HOPS: intFrom(1, 1),
  BODY_LIMIT_BYTES: intFrom(1_048_576, 1024),
  /** The body limit of the customer register's CSV imports, which carry whole CRM files. */
  IMPORT_LIMIT_BYTES: intFrom(134_217_728, 1024),
  /** Requests per minute per IP on the public respondent endpoints; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: intFrom(600, 0),
  SESSION_DAYS: intFrom(14, 1),
  /** Where invitations are sent through, e.g. smtp://user:pass@mail.example.com:587 (smtps:// for TLS). Unset: mail-merge files only. */
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'))),
  /** The From address of invitations, e.g. "Hotel Research <survey@example.com>". */
  MAIL_FROM: v.optional(v.string()),
  /** Set to 1 to let webhooks reach loopback, private and link-local addresses (receivers on your own network). */
  WEBHOOK_ALLOW_PRIVATE: v.optional(v.picklist(['0', '1']), '0'),
  /** Delivered and failed webhook and e-mail messages, with their attempt logs, are deleted after this many days. */
  OUTBOX_RETENTION_DAYS: intFrom(90, 1),
  /** How long a node's claim on a webhook or e-mail it is sending holds; after it, another node retries it. */
  OUTBOX_LEASE_SECONDS: intFrom(120, 5),
  /** Connections a node keeps to PostgreSQL (DATABASE_URL): each submission holds one for its transaction. */
  DATABASE_POOL_SIZE: intFrom(20, 1),
  /** A survey's first report reads its stored answers in worker threads from this many responses (fewer: one pass is quicker than starting workers). */
  REPORT_WORKERS_FROM: intFrom(150_000, 1),
  /** Lowest log level written: debug, info, warn or error. */
  LOG_LEVEL: v.optional(v.picklist(['debug', 'info', 'warn', 'error']), 'info'),
  /** Set to 1 for one log line per request (with its request id); errors are always logged. */
  LOG_REQUESTS: v.optional(v.picklist(['0', '1']), '0'),
  /** Bearer token a Prometheus scraper sends to read /metrics; unset, /metrics is off. */
  METRICS_TOKEN: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
});
export type Config = v.InferOutput<typeof ConfigSchema>;

/** The configuration of `env`, validated: the server's and the tools' (backup, the demo, the move to PostgreSQL). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(ConfigSchema.entries).map((k) => [k, env[k] || undefined]));
  const result = v.safeParse(ConfigSchema, picked);
  if (!result.success) {
    const issue = result.issues[0];
    const key = issue.path?.[0]?.key;
    throw new Error(`Configuration error: ${String(key ?? '')} ${issue.message}`);
  }
  return result.output;
}
