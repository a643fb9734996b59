import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type * as v from 'valibot';
import { affected, exclusive, forUpdate, LOCKS, q, type Store } from '../db/store';
import { sessions, users, userInvites } from '../db/tables';
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

export const userCount = async (store: Store) => (await store.db.select({ n: count() }).from(users))[0].n;

/** Names and roles only: what anyone who may see a survey's alert routing may read about colleagues. */
export const userDirectory = (store: Store) =>
  store.db.select({ id: users.id, name: users.name, role: users.role }).from(users).orderBy(asc(users.name));

export function listUsers(store: Store) {
  return store.db.select(publicCols).from(users).orderBy(users.createdAt);
}

export async function findByEmail(store: Store, email: string) {
  return (await store.db.select().from(users).where(eq(users.email, email)))[0];
}

const userById = async (store: Store, id: string) =>
  (await store.db.select(publicCols).from(users).where(eq(users.id, id)))[0];

const emailTaken = (email: string) => conflict('email-taken', `email: ${email} already has an account`);

export async function createUser(store: Store, input: v.InferOutput<typeof NewUserSchema>, now: number) {
  const passwordHash = await hashPassword(input.password);
  if (await findByEmail(store, input.email)) throw emailTaken(input.email);
  const id = newId();
  // The unique e-mail decides between two requests for one address at once (on two nodes).
  const made = await store.db
    .insert(users)
    .values({ id, email: input.email, name: input.name, role: input.role, passwordHash, createdAt: now })
    .onConflictDoNothing()
    .returning(publicCols);
  if (!made.length) throw emailTaken(input.email);
  return made[0];
}

/** The first account: only while none exists, checked again inside the insert's transaction. */
export async function createFirstAdmin(
  store: Store,
  input: { name: string; email: string; password: string },
  now: number,
) {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await store.transaction(function* (tx) {
    // No row to lock while there are none: two set-ups at once on two nodes take turns here.
    yield* q(exclusive(tx, LOCKS.firstAdmin));
    const [{ n }] = yield* q(tx.select({ n: count() }).from(users));
    if (n > 0) throw new AppError(409, 'already-set-up', 'an administrator already exists; sign in instead');
    yield* q(
      tx
        .insert(users)
        .values({ id, email: input.email, name: input.name, role: 'admin', passwordHash, createdAt: now }),
    );
  });
  return (await userById(store, id))!;
}

export async function updateRole(store: Store, id: string, role: Role, actorId: string) {
  if (id === actorId && role !== 'admin')
    throw new AppError(409, 'last-admin', 'you cannot remove your own admin role');
  const changed = await store.db.update(users).set({ role }).where(eq(users.id, id)).returning(publicCols);
  if (!changed.length) throw notFound('user');
  return changed[0];
}

/**
 * Deletes an account and, in the same transaction, every session it has, so it is signed out at
 * once. What the user wrote stays, with the author set to null (schema.ts); an invitation they
 * sent that nobody has accepted yet is withdrawn, since nobody vouches for it any more.
 */
export async function deleteUser(store: Store, id: string, actorId: string) {
  if (id === actorId) throw new AppError(409, 'self-delete', 'you cannot delete your own account');
  await store.transaction(function* (tx) {
    yield* q(tx.delete(sessions).where(eq(sessions.userId, id)));
    yield* q(tx.delete(userInvites).where(and(eq(userInvites.invitedBy, id), isNull(userInvites.usedAt))));
    const res = yield* q(tx.delete(users).where(eq(users.id, id)));
    if (affected(res) === 0) throw notFound('user');
  });
}

export async function updateMe(store: Store, id: string, input: v.InferOutput<typeof UpdateMeSchema>) {
  if (input.name !== undefined || input.locale !== undefined)
    await store.db.update(users).set(input).where(eq(users.id, id));
  return (await userById(store, id))!;
}

/** An invitation valid for 7 days; only its hash is stored, the token goes into the link once. */
export async function createInvite(
  store: Store,
  input: v.InferOutput<typeof InviteSchema>,
  invitedBy: string,
  now: number,
) {
  if (await findByEmail(store, input.email)) throw emailTaken(input.email);
  const token = newToken();
  const expiresAt = now + 7 * 86_400_000;
  await store.db.insert(userInvites).values({
    tokenHash: hashToken(token),
    email: input.email,
    role: input.role,
    invitedBy,
    expiresAt,
    createdAt: now,
  });
  return { token, email: input.email, role: input.role, expiresAt };
}

export async function acceptInvite(
  store: Store,
  input: { token: string; name: string; password: string },
  now: number,
) {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await store.transaction(function* (tx) {
    // Locked, so one invitation accepted twice at once (on two nodes) makes one account.
    const [inv] = yield* q(
      forUpdate(
        tx
          .select()
          .from(userInvites)
          .where(eq(userInvites.tokenHash, hashToken(input.token))),
      ),
    );
    if (!inv || inv.usedAt !== null || inv.expiresAt < now)
      throw new AppError(410, 'invite-invalid', 'token: this invitation is unknown, used or expired');
    const [taken] = yield* q(tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email)));
    if (taken) throw emailTaken(inv.email);
    yield* q(
      tx.insert(users).values({ id, email: inv.email, name: input.name, role: inv.role, passwordHash, createdAt: now }),
    );
    yield* q(tx.update(userInvites).set({ usedAt: now }).where(eq(userInvites.tokenHash, inv.tokenHash)));
  });
  return (await userById(store, id))!;
}
