import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';
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

export function createSession(db: Db, userId: string, now: number, days: number) {
  const token = newToken();
  const csrfToken = newToken(18);
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  db.insert(sessions)
    .values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt: now + days * 86_400_000, createdAt: now })
    .run();
  return { token, csrfToken };
}

export function findSession(db: Db, token: string, now: number): { user: SessionUser; csrf: string } | null {
  const row = db
    .select({
      user: { id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale },
      csrf: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .get();
  if (!row || row.expiresAt < now) return null;
  return { user: row.user, csrf: row.csrf };
}

export function deleteSession(db: Db, token: string) {
  db.delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .run();
}
