/**
 * One codeframe for several open questions: a question's frame names the frame whose codes it uses
 * (`codesFrom`), and keeps its own assignments, so agreement and the distinguishing table stay per
 * question. Units of work over either dialect.
 */
import { asc, count, eq, or } from 'drizzle-orm';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { codingAssignments, codingCodes, codingFrames } from '../db/tables';

/** The questions using the codes of `codesFrameId` when more than one does (a shared codeframe), else none. */
export function* questionsUsing(db: Sql, codesFrameId: string): Work<string[]> {
  const rows = yield* q(
    db
      .select({ questionId: codingFrames.questionId })
      .from(codingFrames)
      .where(or(eq(codingFrames.id, codesFrameId), eq(codingFrames.codesFrom, codesFrameId)))
      .orderBy(asc(codingFrames.questionId)),
  );
  return rows.length > 1 ? rows.map((r) => r.questionId) : [];
}

/**
 * Points the frame at another frame's codes (null: its own). A frame that has codes or coded
 * answers of its own, or lends its codes to another question, keeps them: the answer names why.
 */
export function* setCodesFrom(tx: Sql, frameId: string, codesFrom: string | null): Work<string | null> {
  const [frame] = yield* q(forUpdate(tx.select().from(codingFrames).where(eq(codingFrames.id, frameId))));
  if ((frame.codesFrom ?? null) === codesFrom) return null;
  const [lends] = yield* q(tx.select({ n: count() }).from(codingFrames).where(eq(codingFrames.codesFrom, frameId)));
  if (lends.n > 0) return 'other questions use the codes of this question; they must stop sharing them first';
  const [own] = yield* q(tx.select({ n: count() }).from(codingCodes).where(eq(codingCodes.frameId, frameId)));
  if (own.n > 0) return 'the question has codes of its own; delete or merge them before sharing another codeframe';
  const [coded] = yield* q(
    tx.select({ n: count() }).from(codingAssignments).where(eq(codingAssignments.frameId, frameId)),
  );
  if (coded.n > 0) return 'answers to the question are coded with the codes it uses; remove those codes first';
  yield* q(tx.update(codingFrames).set({ codesFrom }).where(eq(codingFrames.id, frameId)));
  return null;
}
