/**
 * Sending saves to the server. Every save carries all answers so far, so only the newest one
 * matters: a save queued while another is in flight replaces any older queued one, and a failed
 * one is retried (with back-off, and at once when the browser says it is online again) until a
 * newer save or a definite answer from the server supersedes it. The clientId makes a repeat of
 * an already stored save harmless.
 */
import type { Submission, SubmissionResult } from '../../shared/api/surveys';
import type { AnswerIssue } from '../../shared/survey/answers';

export type SendState = 'idle' | 'saving' | 'saved' | 'offline' | 'retrying' | 'failed';

export interface ApiError {
  code: string;
  message: string;
  path?: string;
  details?: AnswerIssue[];
}

export type Outcome =
  /** `resumeKey`: the secret the server gives once, with the save that created the response. */
  { ok: true; result: SubmissionResult; resumeKey?: string } | { ok: false; status: number; error: ApiError | null };

/** No answer (network down, CORS, aborted), a timeout, rate limiting or a server fault: try again. */
export const isRetryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/** 1 s, 2 s, 4 s … up to 30 s, each ±25 % so many phones coming back online don't retry in step. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  return Math.round(Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + random() / 2));
}

export interface SenderOptions {
  url: string;
  /** Extra request headers: the builder's preview sends the researcher's CSRF token. */
  headers?: Record<string, string>;
  onState: (state: SendState) => void;
  onOutcome: (sent: Submission, outcome: Outcome) => void;
  fetch?: typeof fetch;
  /** Where `online` events come from (window in the browser). */
  events?: Pick<EventTarget, 'addEventListener'>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createSender(opts: SenderOptions) {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let queued: Submission | null = null;
  let inFlight = false;
  let timer: unknown = null;
  let attempt = 0;

  async function post(body: Submission): Promise<{ status: number; json: unknown; resumeKey?: string }> {
    try {
      const res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...opts.headers },
        body: JSON.stringify(body),
      });
      // The header name is server/collect/resume.ts's RESUME_KEY_HEADER.
      return {
        status: res.status,
        json: await res.json().catch(() => null),
        resumeKey: res.headers.get('X-Resume-Key') ?? undefined,
      };
    } catch {
      return { status: 0, json: null };
    }
  }

  async function flush(): Promise<void> {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (inFlight || !queued) return;
    const body = queued;
    queued = null;
    inFlight = true;
    opts.onState('saving');
    const { status, json, resumeKey } = await post(body);
    inFlight = false;
    if (status >= 200 && status < 300) {
      attempt = 0;
      if (!queued) opts.onState('saved');
      opts.onOutcome(body, { ok: true, result: json as SubmissionResult, resumeKey });
    } else if (isRetryable(status)) {
      queued ??= body;
      opts.onState(status === 0 ? 'offline' : 'retrying');
      timer = setTimer(() => void flush(), retryDelay(attempt++));
      return;
    } else {
      opts.onState('failed');
      opts.onOutcome(body, { ok: false, status, error: (json as { error?: ApiError } | null)?.error ?? null });
    }
    if (queued) await flush();
  }

  opts.events?.addEventListener('online', () => {
    attempt = 0;
    void flush();
  });

  return {
    /** Queues `body` as the newest save and sends it as soon as nothing else is in flight. */
    send(body: Submission): Promise<void> {
      queued = body;
      attempt = 0;
      return flush();
    },
  };
}
