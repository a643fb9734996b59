import { eq, lte, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { loginAttempts } from '../db/tables';

/** Sign-in attempts per account in one window; the per-IP limit alone falls to rotating addresses. */
export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

const keyOf = (email: string) => email.trim().toLowerCase();

/**
 * Counts a sign-in attempt on an account before its password is checked, so parallel guesses
 * can't all pass before the first failure is counted; a success clears the count
 * (signedIn). Past ACCOUNT_ATTEMPTS in the window, the account refuses sign-in, even with the
 * right password, until the window ends: a guesser then learns nothing. Unknown addresses are
 * counted alike, so the answer doesn't tell whether an account exists.
 *
 * The count lives in the database and moves in one statement (an upsert that starts a new window
 * or adds one), so guesses spread over several nodes, or racing on one, are all counted.
 */
export async function countAttempt(c: Context<AppEnv>, email: string) {
  const { store, clock } = c.var.deps;
  const now = clock.now();
  const expired = now - ACCOUNT_WINDOW_MS;
  await store.db.delete(loginAttempts).where(lte(loginAttempts.windowStart, expired));
  const [w] = await store.db
    .insert(loginAttempts)
    .values({ key: keyOf(email), windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        windowStart: sql`case when ${loginAttempts.windowStart} <= ${expired} then ${now} else ${loginAttempts.windowStart} end`,
        count: sql`case when ${loginAttempts.windowStart} <= ${expired} then 1 else ${loginAttempts.count} + 1 end`,
      },
    })
    .returning({ start: loginAttempts.windowStart, count: loginAttempts.count });
  if (w.count > ACCOUNT_ATTEMPTS) {
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
export async function signedIn(c: Context<AppEnv>, email: string) {
  await c.var.deps.store.db.delete(loginAttempts).where(eq(loginAttempts.key, keyOf(email)));
}
