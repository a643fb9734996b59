/**
 * The app's one way to the server: JSON in and out, the session's CSRF token on every write, and
 * errors turned into ApiError so screens can react to a code instead of parsing text.
 */

/** An answer the server refused, or a network failure (status 0, code "network"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Where the server says the fault is, e.g. `definition.pages[0].questions[1].options`. */
    readonly path?: string,
    readonly details?: unknown,
    /** The code's params (shared/api/errors.ts), from which the app words the error. */
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** The token from /api/auth/state or the sign-in answer; the server rejects writes without it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the session has ended on the server (expired, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (
      data as {
        error?: { code?: string; message?: string; path?: string; details?: unknown; params?: Record<string, unknown> };
      } | null
    )?.error;
    const error = new ApiError(
      res.status,
      e?.code ?? 'http-error',
      e?.message ?? res.statusText,
      e?.path,
      e?.details,
      e?.params ?? {},
    );
    // The sign-in call itself answers 401 for a wrong password; that is not a lost session.
    if (res.status === 401 && error.code === 'unauthenticated') onUnauthenticated();
    throw error;
  }
  return data as T;
}

/**
 * A write sent as the page unloads (closing the tab, reloading): the browser finishes it after the
 * page is gone. Browsers cap such bodies at 64 KB; a larger one is not sent.
 */
function sendOnUnload(method: string, path: string, body: unknown) {
  const payload = JSON.stringify(body);
  if (payload.length > 60_000) return;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  void fetch(path, { method, headers, body: payload, credentials: 'same-origin', keepalive: true }).catch(
    () => undefined,
  );
}

export const api = {
  sendOnUnload,
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
