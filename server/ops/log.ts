/**
 * The server's one logger: a JSON object per line on stdout (errors on stderr), with the time,
 * level and message first, so a log collector needs no parser of its own and a person can still
 * read it. `LOG_LEVEL` drops the levels below it.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold = RANK.info;

/** Sets the lowest level written (from the LOG_LEVEL setting at start-up). */
export function setLogLevel(level: LogLevel) {
  threshold = RANK[level];
}

/** An error as fields a log line can carry: its message and stack, never the object's own keys. */
export function errorFields(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { err: e.message, stack: e.stack } : { err: String(e) };
}

function write(level: LogLevel, msg: string, fields?: Record<string, unknown>) {
  if (RANK[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (RANK[level] >= RANK.warn) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
