import { and, desc, eq } from 'drizzle-orm';
import { affected, type Store } from '../db/store';
import { apiTokens, users } from '../db/tables';
import { AppError, notFound } from '../http/errors';
import type { ApiTokenSummary, NewApiToken } from '../../shared/api/api-tokens';
import { hashToken, newId, newToken } from './tokens';
import type { SessionUser } from './sessions';
import { hasRole, ROLE_RANK } from '../../shared/api/auth';

/** Every token starts so, which lets a request's bearer be told from other credentials at a glance (and secret scanners find leaked ones). */
export const API_TOKEN_PREFIX = 'ys_';
/** Last-used times are written at most this often per token, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const summary = (row: typeof apiTokens.$inferSelect): ApiTokenSummary => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
});

/** Creates a token for `user`; the secret is in the answer only, never stored. */
export async function createApiToken(
  store: Store,
  user: SessionUser,
  input: NewApiToken,
  now: number,
): Promise<ApiTokenSummary & { token: string }> {
  const role = input.role ?? user.role;
  if (!hasRole(user.role, role))
    throw new AppError(403, 'forbidden', `a token can't have more than your own role (${user.role})`, 'role');
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  const row = {
    id: newId(),
    userId: user.id,
    name: input.name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, 10),
    role,
    createdAt: now,
    lastUsedAt: null,
    expiresAt: input.expiresInDays === undefined ? null : now + input.expiresInDays * 86_400_000,
  };
  await store.db.insert(apiTokens).values(row);
  return { ...summary(row), token };
}

export async function listApiTokens(store: Store, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await store.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(summary);
}

/** Revokes one of the user's own tokens; it stops working at once. */
export async function revokeApiToken(store: Store, userId: string, id: string) {
  const gone = await store.db.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
  if (affected(gone) === 0) throw notFound('token');
}

/**
 * The user a bearer token acts for, with the lower of the token's role and the owner's current
 * one (a demoted owner's tokens are demoted too); null for an unknown, revoked or expired token.
 */
export async function userOfApiToken(store: Store, token: string, now: number): Promise<SessionUser | null> {
  const [row] = await store.db
    .select({
      id: apiTokens.id,
      role: apiTokens.role,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || (row.expiresAt !== null && row.expiresAt <= now)) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= TOUCH_EVERY_MS) {
    await store.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  const role = ROLE_RANK[row.role] < ROLE_RANK[row.user.role] ? row.role : row.user.role;
  return { ...row.user, role };
}
