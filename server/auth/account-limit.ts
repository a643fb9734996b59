import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';

/** Sign-in attempts per account in one window; the per-IP limit alone falls to rotating addresses. */
export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

type Window = { start: number; count: number };
// Counters belong to one app instance (tests build many apps in one process).
const perApp = new WeakMap<object, Map<string, Window>>();

function windowsOf(c: Context<AppEnv>) {
  let windows = perApp.get(c.var.deps);
  if (!windows) perApp.set(c.var.deps, (windows = new Map()));
  return windows;
}

const keyOf = (email: string) => email.trim().toLowerCase();

/**
 * Counts a sign-in attempt on an account before its password is checked, so parallel guesses
 * can't all pass before the first failure is counted; a success clears the count
 * (signedIn). Past ACCOUNT_ATTEMPTS in the window, the account refuses sign-in, even with the
 * right password, until the window ends: a guesser then learns nothing. Unknown addresses are
 * counted alike, so the answer doesn't tell whether an account exists.
 */
export function countAttempt(c: Context<AppEnv>, email: string) {
  const windows = windowsOf(c);
  const now = c.var.deps.clock.now();
  const key = keyOf(email);
  let w = windows.get(key);
  if (!w || now - w.start >= ACCOUNT_WINDOW_MS) {
    // Expired windows go as the map grows, so it stays bounded by the attempts of one window.
    if (windows.size > 10_000) for (const [k, x] of windows) if (now - x.start >= ACCOUNT_WINDOW_MS) windows.delete(k);
    w = { start: now, count: 0 };
    windows.set(key, w);
  }
  if (++w.count > ACCOUNT_ATTEMPTS) {
    const wait = Math.ceil((w.start + ACCOUNT_WINDOW_MS - now) / 1000);
    c.header('Retry-After', String(wait));
    throw new AppError(
      429,
      'account-locked',
      `too many failed sign-ins to this account; try again in ${Math.ceil(wait / 60)} min`,
    );
  }
}

/** A correct password clears the account's count, so a person's own typos don't add up over the day. */
export function signedIn(c: Context<AppEnv>, email: string) {
  windowsOf(c).delete(keyOf(email));
}
