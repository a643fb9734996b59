/**
 * Changing and resetting passwords. Whenever a password changes, every session of that user ends
 * and every reset link still out for them stops working: whoever knew the old password, or held
 * an old link or a stolen cookie, is out.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { affected, forUpdate, q, type Store } from '../db/store';
import { passwordResets, sessions, users } from '../db/tables';
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
export async function endSessions(store: Store, userId: string): Promise<number> {
  return affected(await store.db.delete(sessions).where(eq(sessions.userId, userId)));
}

/** Whether a reset link went to the user within the last minute: a mailbox is not flooded by repeated asks. */
export async function resetRecentlyIssued(store: Store, userId: string, now: number): Promise<boolean> {
  const recent = await store.db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, now - 60_000)))
    .limit(1);
  return recent.length > 0;
}

/** A new single-use reset token for the user; only its hash is stored. */
export async function issueReset(store: Store, userId: string, now: number, lifetimeMs: number) {
  const token = newToken();
  const expiresAt = now + lifetimeMs;
  await store.db.insert(passwordResets).values({ tokenHash: hashToken(token), userId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

function setPassword(store: Store, userId: string, passwordHash: string) {
  return store.transaction(function* (tx) {
    yield* q(tx.update(users).set({ passwordHash }).where(eq(users.id, userId)));
    yield* q(tx.delete(sessions).where(eq(sessions.userId, userId)));
    yield* q(tx.delete(passwordResets).where(eq(passwordResets.userId, userId)));
  });
}

/** The signed-in user's own change: only with the current password. */
export async function changePassword(store: Store, userId: string, current: string, next: string) {
  const [row] = await store.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row) throw notFound('user');
  if (!(await verifyPassword(current, row.hash))) {
    throw new AppError(400, 'wrong-password', 'currentPassword: this is not your current password', 'currentPassword');
  }
  await setPassword(store, userId, await hashPassword(next));
}

/** Sets a new password from a reset link, once: the link must be unused and unexpired. */
export async function completeReset(store: Store, token: string, password: string, now: number): Promise<SessionUser> {
  const passwordHash = await hashPassword(password);
  return store.transaction(function* (tx) {
    // Locked, so two uses of one link at once on two nodes can't both set a password.
    const [reset] = yield* q(
      forUpdate(
        tx
          .select()
          .from(passwordResets)
          .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt))),
      ),
    );
    if (!reset || reset.expiresAt < now)
      throw new AppError(410, 'reset-invalid', 'token: this reset link is unknown, used or expired; ask for a new one');
    yield* q(tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)));
    yield* q(tx.delete(sessions).where(eq(sessions.userId, reset.userId)));
    yield* q(tx.delete(passwordResets).where(eq(passwordResets.userId, reset.userId)));
    const [user] = yield* q(tx.select(userCols).from(users).where(eq(users.id, reset.userId)));
    return user;
  });
}

export const findUser = async (store: Store, id: string) =>
  (await store.db.select(userCols).from(users).where(eq(users.id, id)))[0];

/** The reset e-mail, in the user's language. */
export async function resetMail(user: { name: string; locale: string | null }, link: string, lifetimeMs: number) {
  const lang: Locale = isLocale(user.locale) ? user.locale : 'en';
  const t = createTranslator(lang, await loadAppMessages(lang));
  const params = { name: user.name, link, count: lifetimeMs / 3_600_000 };
  return { subject: t('mail.passwordReset.subject', params), text: t('mail.passwordReset.body', params) };
}
