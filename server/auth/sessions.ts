import { eq, lt } from 'drizzle-orm';
import type { Store } from '../db/store';
import { sessions, users } from '../db/tables';
import { hashToken, newToken } from './tokens';

import type { Role } from '../../shared/api/auth';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
}

export const SESSION_COOKIE = 'ys_session';

export async function createSession(store: Store, userId: string, now: number, days: number) {
  const token = newToken();
  const csrfToken = newToken(18);
  await store.db.delete(sessions).where(lt(sessions.expiresAt, now));
  await store.db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt: now + days * 86_400_000, createdAt: now });
  return { token, csrfToken };
}

export async function findSession(
  store: Store,
  token: string,
  now: number,
): Promise<{ user: SessionUser; csrf: string } | null> {
  const [row] = await store.db
    .select({
      user: { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale },
      csrf: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!row || row.expiresAt < now) return null;
  return { user: row.user, csrf: row.csrf };
}

export async function deleteSession(store: Store, token: string) {
  await store.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
