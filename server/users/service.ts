import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type * as v from 'valibot';
import type { Db } from '../db/client';
import { sessions, users, userInvites } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import { hashToken, newId, newToken } from '../auth/tokens';
import { AppError, conflict, notFound } from '../http/errors';
import type { NewUserSchema, InviteSchema, UpdateMeSchema } from '../../shared/api/auth';
import type { Role } from '../../shared/api/auth';

const publicCols = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  createdAt: users.createdAt,
};

export const userCount = (db: Db) => db.select({ n: count() }).from(users).get()!.n;

/** Names and roles only: what anyone who may see a survey's alert routing may read about colleagues. */
export const userDirectory = (db: Db) =>
  db.select({ id: users.id, name: users.name, role: users.role }).from(users).orderBy(asc(users.name)).all();

export function listUsers(db: Db) {
  return db.select(publicCols).from(users).orderBy(users.createdAt).all();
}

export function findByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export async function createUser(db: Db, input: v.InferOutput<typeof NewUserSchema>, now: number) {
  const passwordHash = await hashPassword(input.password);
  if (findByEmail(db, input.email)) throw conflict('email-taken', `email: ${input.email} already has an account`);
  const id = newId();
  db.insert(users)
    .values({ id, email: input.email, name: input.name, role: input.role, passwordHash, createdAt: now })
    .run();
  return db.select(publicCols).from(users).where(eq(users.id, id)).get()!;
}

/** The first account: only while none exists, checked again inside the insert's transaction. */
export async function createFirstAdmin(db: Db, input: { name: string; email: string; password: string }, now: number) {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  db.transaction((tx) => {
    if (tx.select({ n: count() }).from(users).get()!.n > 0)
      throw new AppError(409, 'already-set-up', 'an administrator already exists; sign in instead');
    tx.insert(users)
      .values({ id, email: input.email, name: input.name, role: 'admin', passwordHash, createdAt: now })
      .run();
  });
  return db.select(publicCols).from(users).where(eq(users.id, id)).get()!;
}

export function updateRole(db: Db, id: string, role: Role, actorId: string) {
  if (id === actorId && role !== 'admin')
    throw new AppError(409, 'last-admin', 'you cannot remove your own admin role');
  const res = db.update(users).set({ role }).where(eq(users.id, id)).run();
  if (res.changes === 0) throw notFound('user');
  return db.select(publicCols).from(users).where(eq(users.id, id)).get()!;
}

/**
 * Deletes an account and, in the same transaction, every session it has, so it is signed out at
 * once. What the user wrote stays, with the author set to null (schema.ts); an invitation they
 * sent that nobody has accepted yet is withdrawn, since nobody vouches for it any more.
 */
export function deleteUser(db: Db, id: string, actorId: string) {
  if (id === actorId) throw new AppError(409, 'self-delete', 'you cannot delete your own account');
  db.transaction((tx) => {
    tx.delete(sessions).where(eq(sessions.userId, id)).run();
    tx.delete(userInvites)
      .where(and(eq(userInvites.invitedBy, id), isNull(userInvites.usedAt)))
      .run();
    const res = tx.delete(users).where(eq(users.id, id)).run();
    if (res.changes === 0) throw notFound('user');
  });
}

export function updateMe(db: Db, id: string, input: v.InferOutput<typeof UpdateMeSchema>) {
  if (input.name !== undefined || input.locale !== undefined) db.update(users).set(input).where(eq(users.id, id)).run();
  return db.select(publicCols).from(users).where(eq(users.id, id)).get()!;
}

/** An invitation valid for 7 days; only its hash is stored, the token goes into the link once. */
export function createInvite(db: Db, input: v.InferOutput<typeof InviteSchema>, invitedBy: string, now: number) {
  if (findByEmail(db, input.email)) throw conflict('email-taken', `email: ${input.email} already has an account`);
  const token = newToken();
  const expiresAt = now + 7 * 86_400_000;
  db.insert(userInvites)
    .values({ tokenHash: hashToken(token), email: input.email, role: input.role, invitedBy, expiresAt, createdAt: now })
    .run();
  return { token, email: input.email, role: input.role, expiresAt };
}

export async function acceptInvite(db: Db, input: { token: string; name: string; password: string }, now: number) {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  db.transaction((tx) => {
    const inv = tx
      .select()
      .from(userInvites)
      .where(eq(userInvites.tokenHash, hashToken(input.token)))
      .get();
    if (!inv || inv.usedAt !== null || inv.expiresAt < now)
      throw new AppError(410, 'invite-invalid', 'token: this invitation is unknown, used or expired');
    if (tx.select().from(users).where(eq(users.email, inv.email)).get())
      throw conflict('email-taken', `email: ${inv.email} already has an account`);
    tx.insert(users)
      .values({ id, email: inv.email, name: input.name, role: inv.role, passwordHash, createdAt: now })
      .run();
    tx.update(userInvites).set({ usedAt: now }).where(eq(userInvites.tokenHash, inv.tokenHash)).run();
  });
  return db.select(publicCols).from(users).where(eq(users.id, id)).get()!;
}
