/**
 * The undo history of a codeframe's codes: each rename, net move, change of words, merge, split or
 * delete records what it changed (shared/coding/frame-edit.ts) in the same unit of work, and undo
 * puts the codes and their assignments back as they were. Kept in the database, so it survives a
 * reload and holds on every node.
 */
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { codingAssignments, codingCodes, codingFrameEdits, responses, users } from '../db/tables';
import type { AssignmentRow, CodeSnapshot, FrameEditKind, FrameEditUndo } from '../../shared/coding/frame-edit';
import type { CodeRow } from './store';

/** Changes kept per codeframe: undo reaches this far back. */
export const EDITS_KEPT = 20;
const BATCH = 500;

export const snapshot = (c: CodeRow): CodeSnapshot => ({
  id: c.id,
  frameId: c.frameId,
  label: c.label,
  words: c.words,
  isNet: c.isNet,
  netId: c.netId,
  position: c.position,
  createdAt: c.createdAt,
});

export interface FrameEdit {
  kind: FrameEditKind;
  label: Record<string, string>;
  at: number;
}

/** Records a change to the codes of `frameId` (the frame holding them), dropping the oldest beyond EDITS_KEPT. */
export function* recordEdit(
  tx: Sql,
  frameId: string,
  userId: string,
  label: Record<string, string>,
  undo: FrameEditUndo,
  at: number,
): Work<void> {
  yield* q(tx.insert(codingFrameEdits).values({ frameId, userId, kind: undo.kind, label, undo, at }));
  const [oldest] = yield* q(
    tx
      .select({ id: codingFrameEdits.id })
      .from(codingFrameEdits)
      .where(eq(codingFrameEdits.frameId, frameId))
      .orderBy(desc(codingFrameEdits.id))
      .limit(1)
      .offset(EDITS_KEPT),
  );
  if (oldest)
    yield* q(
      tx
        .delete(codingFrameEdits)
        .where(and(eq(codingFrameEdits.frameId, frameId), lte(codingFrameEdits.id, oldest.id))),
    );
}

/** The latest change to the codes of `frameId` that undo would revert. */
export function* lastEdit(db: Sql, frameId: string): Work<FrameEdit | null> {
  const [row] = yield* q(
    db
      .select({ kind: codingFrameEdits.kind, label: codingFrameEdits.label, at: codingFrameEdits.at })
      .from(codingFrameEdits)
      .where(eq(codingFrameEdits.frameId, frameId))
      .orderBy(desc(codingFrameEdits.id))
      .limit(1),
  );
  return row ? { kind: row.kind as FrameEditKind, label: row.label, at: row.at } : null;
}

/** Every coder's assignments of the codes, in every question using them. */
export function* assignmentsOf(tx: Sql, codeIds: readonly string[]): Work<AssignmentRow[]> {
  const a = codingAssignments;
  const rows = yield* q(
    tx
      .select({ codeId: a.codeId, responseId: a.responseId, coderId: a.coderId, frameId: a.frameId, at: a.at })
      .from(a)
      .where(inArray(a.codeId, [...codeIds])),
  );
  return rows.map((r) => [r.codeId, r.responseId, r.coderId, r.frameId, r.at]);
}

/** Codes whose net is one of `netIds`, as [code, net]. */
export function* membersOf(tx: Sql, netIds: readonly string[]): Work<[string, string][]> {
  const rows = yield* q(
    tx
      .select({ id: codingCodes.id, netId: codingCodes.netId })
      .from(codingCodes)
      .where(inArray(codingCodes.netId, [...netIds])),
  );
  return rows.map((r) => [r.id, r.netId!]);
}

/** Puts assignments back, but not those of a response or coder deleted since (an erasure, a removed user). */
function* restoreAssignments(tx: Sql, rows: readonly AssignmentRow[]): Work<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ids = [...new Set(batch.map((r) => r[1]))];
    const coders = [...new Set(batch.map((r) => r[2]))];
    const liveResponses = new Set(
      (yield* q(tx.select({ id: responses.id }).from(responses).where(inArray(responses.id, ids)))).map((r) => r.id),
    );
    const liveCoders = new Set(
      (yield* q(tx.select({ id: users.id }).from(users).where(inArray(users.id, coders)))).map((r) => r.id),
    );
    const values = batch
      .filter((r) => liveResponses.has(r[1]) && liveCoders.has(r[2]))
      .map(([codeId, responseId, coderId, frameId, at]) => ({ codeId, responseId, coderId, frameId, at }));
    if (values.length > 0) yield* q(tx.insert(codingAssignments).values(values).onConflictDoNothing());
  }
}

/** Removes the listed assignments, grouped so each statement deletes a batch of one coder's answers. */
function* removeAssignments(tx: Sql, rows: readonly AssignmentRow[]): Work<void> {
  const groups = new Map<string, { codeId: string; coderId: string; frameId: string; ids: number[] }>();
  for (const [codeId, responseId, coderId, frameId] of rows) {
    const key = `${codeId}\u0000${coderId}\u0000${frameId}`;
    const group = groups.get(key);
    if (group) group.ids.push(responseId);
    else groups.set(key, { codeId, coderId, frameId, ids: [responseId] });
  }
  const a = codingAssignments;
  for (const { codeId, coderId, frameId, ids } of groups.values())
    for (let i = 0; i < ids.length; i += BATCH)
      yield* q(
        tx
          .delete(a)
          .where(
            and(
              eq(a.frameId, frameId),
              eq(a.codeId, codeId),
              eq(a.coderId, coderId),
              inArray(a.responseId, ids.slice(i, i + BATCH)),
            ),
          ),
      );
}

function* restoreMembers(tx: Sql, members: readonly [string, string][]): Work<void> {
  for (const [codeId, netId] of members)
    yield* q(tx.update(codingCodes).set({ netId }).where(eq(codingCodes.id, codeId)));
}

/**
 * Reverts the latest change to the codes of `frameId`: a transaction's unit. Returns what it
 * reverted, or null when there is nothing to undo.
 */
export function* undoLastEdit(tx: Sql, frameId: string): Work<FrameEdit | null> {
  const [last] = yield* q(
    tx
      .select()
      .from(codingFrameEdits)
      .where(eq(codingFrameEdits.frameId, frameId))
      .orderBy(desc(codingFrameEdits.id))
      .limit(1),
  );
  if (!last) return null;
  const u = last.undo;
  switch (u.kind) {
    case 'rename':
    case 'move':
    case 'words': {
      const { label, words, netId, position } = u.before;
      yield* q(tx.update(codingCodes).set({ label, words, netId, position }).where(eq(codingCodes.id, u.before.id)));
      break;
    }
    case 'delete':
      yield* q(tx.insert(codingCodes).values(u.code));
      yield* restoreMembers(
        tx,
        u.members.map((m) => [m, u.code.id]),
      );
      yield* restoreAssignments(tx, u.assignments);
      break;
    case 'merge':
      yield* removeAssignments(tx, u.added);
      yield* q(tx.insert(codingCodes).values(u.codes));
      yield* restoreMembers(tx, u.members);
      yield* restoreAssignments(tx, u.assignments);
      break;
    case 'split': {
      const a = codingAssignments;
      yield* restoreAssignments(
        tx,
        (yield* assignmentsOf(tx, [u.code])).map(([, responseId, coderId, frame, at]) => [
          u.source,
          responseId,
          coderId,
          frame,
          at,
        ]),
      );
      yield* q(tx.delete(a).where(eq(a.codeId, u.code)));
      yield* q(tx.delete(codingCodes).where(eq(codingCodes.id, u.code)));
      break;
    }
  }
  yield* q(tx.delete(codingFrameEdits).where(eq(codingFrameEdits.id, last.id)));
  return { kind: u.kind, label: last.label, at: last.at };
}
