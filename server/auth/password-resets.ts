/**
 * Changing and resetting passwords. Whenever a password changes, every session of that user ends
 * and every reset link still out for them stops working: whoever knew the old password, or held
 * an old link or a stolen cookie, is out.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResets, sessions, users } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { createTranslator, isLocale, loadAppMessages, type Locale } from '../../shared/i18n';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';
import type { SessionUser } from './sessions';

/** A link sent by e-mail lasts an hour; one an admin hands over, a day (it may wait for a meeting). */
export const RESET_BY_MAIL_MS = 60 * 60_000;
export const RESET_BY_ADMIN_MS = 24 * 60 * 60_000;

const userCols = { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale };

/** Ends every session of the user: sign out everywhere, and what a password change does. */
export function endSessions(db: Db, userId: string): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Whether a reset link went to the user within the last minute: a mailbox is not flooded by repeated asks. */
export function resetRecentlyIssued(db: Db, userId: string, now: number): boolean {
  return (
    db.$client
      .prepare('select 1 from password_resets where user_id = ? and created_at > ? limit 1')
      .get(userId, now - 60_000) !== undefined
  );
}

/** A new single-use reset token for the user; only its hash is stored. */
export function issueReset(db: Db, userId: string, now: number, lifetimeMs: number) {
  const token = newToken();
  const expiresAt = now + lifetimeMs;
  db.insert(passwordResets)
    .values({ tokenHash: hashToken(token), userId, expiresAt, createdAt: now })
    .run();
  return { token, expiresAt };
}

function setPassword(db: Db, userId: string, passwordHash: string) {
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
  });
}

/** The signed-in user's own change: only with the current password. */
export async function changePassword(db: Db, userId: string, current: string, next: string) {
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw notFound('user');
  if (!(await verifyPassword(current, row.hash))) {
    throw new AppError(400, 'wrong-password', 'currentPassword: this is not your current password', 'currentPassword');
  }
  setPassword(db, userId, await hashPassword(next));
}

/** Sets a new password from a reset link, once: the link must be unused and unexpired. */
export async function completeReset(db: Db, token: string, password: string, now: number): Promise<SessionUser> {
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    const reset = tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt)))
      .get();
    if (!reset || reset.expiresAt < now)
      throw new AppError(410, 'reset-invalid', 'token: this reset link is unknown, used or expired; ask for a new one');
    tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, reset.userId)).run();
    tx.delete(passwordResets).where(eq(passwordResets.userId, reset.userId)).run();
    return tx.select(userCols).from(users).where(eq(users.id, reset.userId)).get()!;
  });
}

export const findUser = (db: Db, id: string) => db.select(userCols).from(users).where(eq(users.id, id)).get();

/** The reset e-mail, in the user's language. */
export async function resetMail(user: { name: string; locale: string | null }, link: string, lifetimeMs: number) {
  const lang: Locale = isLocale(user.locale) ? user.locale : 'en';
  const t = createTranslator(lang, await loadAppMessages(lang));
  const params = { name: user.name, link, count: lifetimeMs / 3_600_000 };
  return { subject: t('mail.passwordReset.subject', params), text: t('mail.passwordReset.body', params) };
}
