/**
 * Every read and write of the coding tables, and nothing else of the area touches the database:
 * async functions, so the area moves to another database by rewriting this module alone.
 */
import { and, asc, count, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { codingActions, codingAssignments, codingCodes, codingFrames, users } from '../db/schema';

export type FrameRow = typeof codingFrames.$inferSelect;
export type CodeRow = typeof codingCodes.$inferSelect;
/** [codeId, responseId] */
export type Pair = [string, number];

/** SQLite's limit on bound parameters is far above this; batches keep each statement small. */
const BATCH = 500;

export async function findFrame(db: Db, surveyId: string, questionId: string): Promise<FrameRow | undefined> {
  return db
    .select()
    .from(codingFrames)
    .where(and(eq(codingFrames.surveyId, surveyId), eq(codingFrames.questionId, questionId)))
    .get();
}

export async function insertFrame(db: Db, frame: FrameRow): Promise<FrameRow> {
  db.insert(codingFrames).values(frame).onConflictDoNothing().run();
  return (await findFrame(db, frame.surveyId, frame.questionId))!;
}

export async function listFrames(db: Db, surveyId: string): Promise<FrameRow[]> {
  return db.select().from(codingFrames).where(eq(codingFrames.surveyId, surveyId)).all();
}

export async function listCodes(db: Db, frameId: string): Promise<CodeRow[]> {
  return db
    .select()
    .from(codingCodes)
    .where(eq(codingCodes.frameId, frameId))
    .orderBy(asc(codingCodes.position), asc(codingCodes.createdAt), asc(codingCodes.id))
    .all();
}

export async function countCodes(db: Db, frameId: string): Promise<number> {
  return db.select({ n: count() }).from(codingCodes).where(eq(codingCodes.frameId, frameId)).get()!.n;
}

/** Per code: answers `coderId` gave it, and answers any coder did. */
export async function codeUse(
  db: Db,
  frameId: string,
  coderId: string,
): Promise<Map<string, { mine: number; all: number }>> {
  const rows = db
    .select({
      codeId: codingAssignments.codeId,
      mine: sql<number>`sum(${codingAssignments.coderId} = ${coderId})`,
      all: countDistinct(codingAssignments.responseId),
    })
    .from(codingAssignments)
    .where(eq(codingAssignments.frameId, frameId))
    .groupBy(codingAssignments.codeId)
    .all();
  return new Map(rows.map((r) => [r.codeId, { mine: Number(r.mine), all: r.all }]));
}

export async function insertCode(db: Db, code: CodeRow): Promise<void> {
  db.insert(codingCodes).values(code).run();
}

export async function updateCode(
  db: Db,
  codeId: string,
  patch: Partial<Pick<CodeRow, 'label' | 'netId' | 'position'>>,
): Promise<void> {
  db.update(codingCodes).set(patch).where(eq(codingCodes.id, codeId)).run();
}

/** Deletes a code with its assignments; codes of a deleted net stay, outside any net. */
export async function deleteCode(db: Db, frameId: string, codeId: string): Promise<void> {
  db.transaction((tx) => {
    tx.update(codingCodes)
      .set({ netId: null })
      .where(and(eq(codingCodes.frameId, frameId), eq(codingCodes.netId, codeId)))
      .run();
    tx.delete(codingCodes).where(eq(codingCodes.id, codeId)).run();
  });
}

/**
 * Merges codes into one: each coder's assignments of `from` become assignments of `into` (an
 * answer that had both keeps one), the codes of a merged net move to `into` when it is a net, and
 * the merged codes go. One transaction: nothing is half merged.
 */
export async function mergeCodes(db: Db, frameId: string, from: readonly string[], into: CodeRow): Promise<void> {
  db.transaction((tx) => {
    tx.run(sql`insert or ignore into coding_assignments (frame_id, code_id, response_id, coder_id, at)
      select frame_id, ${into.id}, response_id, coder_id, at from coding_assignments
      where frame_id = ${frameId} and code_id in (${sql.join(
        from.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    tx.update(codingCodes)
      .set({ netId: into.isNet ? into.id : null })
      .where(and(eq(codingCodes.frameId, frameId), inArray(codingCodes.netId, [...from])))
      .run();
    tx.delete(codingCodes)
      .where(inArray(codingCodes.id, [...from]))
      .run();
  });
}

/** A new code that takes over `source`'s assignments of the listed answers, for every coder. */
export async function splitCode(
  db: Db,
  source: string,
  code: CodeRow,
  responseIds: readonly number[],
): Promise<number> {
  return db.transaction((tx) => {
    tx.insert(codingCodes).values(code).run();
    let moved = 0;
    for (let i = 0; i < responseIds.length; i += BATCH)
      moved += tx
        .update(codingAssignments)
        .set({ codeId: code.id })
        .where(
          and(
            eq(codingAssignments.codeId, source),
            inArray(codingAssignments.responseId, responseIds.slice(i, i + BATCH) as number[]),
          ),
        )
        .run().changes;
    return moved;
  });
}

/** One coder's codes, by response (read as plain rows: a large frame holds hundreds of thousands). */
export async function coderAssignments(db: Db, frameId: string, coderId: string): Promise<Map<number, Set<string>>> {
  const rows = db.$client
    .prepare('select response_id, code_id from coding_assignments where frame_id = ? and coder_id = ?')
    .raw()
    .all(frameId, coderId) as [number, string][];
  const out = new Map<number, Set<string>>();
  for (const [responseId, codeId] of rows) {
    const set = out.get(responseId);
    if (set) set.add(codeId);
    else out.set(responseId, new Set([codeId]));
  }
  return out;
}

/** The responses one coder has given any code. */
export async function codedResponses(db: Db, frameId: string, coderId: string): Promise<Set<number>> {
  const rows = db.$client
    .prepare('select distinct response_id from coding_assignments where frame_id = ? and coder_id = ?')
    .pluck()
    .all(frameId, coderId) as number[];
  return new Set(rows);
}

/** One coder's codes of the listed responses (a page of them). */
export async function codesOf(
  db: Db,
  frameId: string,
  coderId: string,
  responseIds: readonly number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < responseIds.length; i += BATCH) {
    const batch = responseIds.slice(i, i + BATCH);
    const rows = db.$client
      .prepare(
        `select response_id, code_id from coding_assignments where frame_id = ? and coder_id = ? and response_id in (${batch.map(() => '?').join(',')})`,
      )
      .raw()
      .all(frameId, coderId, ...batch) as [number, string][];
    for (const [responseId, codeId] of rows) out.set(responseId, [...(out.get(responseId) ?? []), codeId]);
  }
  return out;
}

/** One coder's answers of each code: response ids by code id. */
export async function codeMembers(db: Db, frameId: string, coderId: string): Promise<Map<string, number[]>> {
  const rows = db.$client
    .prepare('select code_id, response_id from coding_assignments where frame_id = ? and coder_id = ?')
    .raw()
    .all(frameId, coderId) as [string, number][];
  const out = new Map<string, number[]>();
  for (const [codeId, responseId] of rows) {
    const list = out.get(codeId);
    if (list) list.push(responseId);
    else out.set(codeId, [responseId]);
  }
  return out;
}

/** Users who coded answers of the frame, with how many answers each coded. */
export async function frameCoders(db: Db, frameId: string): Promise<{ id: string; name: string; coded: number }[]> {
  return db
    .select({ id: users.id, name: users.name, coded: countDistinct(codingAssignments.responseId) })
    .from(codingAssignments)
    .innerJoin(users, eq(users.id, codingAssignments.coderId))
    .where(eq(codingAssignments.frameId, frameId))
    .groupBy(users.id)
    .orderBy(asc(users.name), asc(users.id))
    .all();
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return db.select({ id: users.id }).from(users).where(eq(users.id, id)).get() !== undefined;
}

/**
 * Applies one coder's change (pairs added and removed) and records it for undo, in one
 * transaction. Pairs already present are not added again, nor recorded.
 */
export async function applyChange(
  db: Db,
  frameId: string,
  coderId: string,
  add: readonly Pair[],
  remove: readonly Pair[],
  now: number,
): Promise<{ added: number; removed: number }> {
  return db.transaction((tx) => {
    const added: Pair[] = [];
    const removed: Pair[] = [];
    for (const [codeId, responseId] of remove) {
      const r = tx
        .delete(codingAssignments)
        .where(
          and(
            eq(codingAssignments.codeId, codeId),
            eq(codingAssignments.responseId, responseId),
            eq(codingAssignments.coderId, coderId),
          ),
        )
        .run();
      if (r.changes > 0) removed.push([codeId, responseId]);
    }
    for (let i = 0; i < add.length; i += BATCH) {
      const batch = add.slice(i, i + BATCH);
      const rows = tx
        .insert(codingAssignments)
        .values(batch.map(([codeId, responseId]) => ({ frameId, codeId, responseId, coderId, at: now })))
        .onConflictDoNothing()
        .returning({ codeId: codingAssignments.codeId, responseId: codingAssignments.responseId })
        .all();
      for (const r of rows) added.push([r.codeId, r.responseId]);
    }
    if (added.length + removed.length > 0)
      tx.insert(codingActions).values({ frameId, coderId, added, removed, at: now }).run();
    return { added: added.length, removed: removed.length };
  });
}

/**
 * Reverts the coder's latest change: removes what it added and puts back what it removed (unless
 * the code has since gone). Returns the answers it touched, or null when there is nothing to undo.
 */
export async function undoLast(db: Db, frameId: string, coderId: string): Promise<number[] | null> {
  return db.transaction((tx) => {
    const last = tx
      .select()
      .from(codingActions)
      .where(and(eq(codingActions.frameId, frameId), eq(codingActions.coderId, coderId)))
      .orderBy(desc(codingActions.id))
      .limit(1)
      .get();
    if (!last) return null;
    for (const [codeId, responseId] of last.added)
      tx.delete(codingAssignments)
        .where(
          and(
            eq(codingAssignments.codeId, codeId),
            eq(codingAssignments.responseId, responseId),
            eq(codingAssignments.coderId, coderId),
          ),
        )
        .run();
    for (const [codeId, responseId] of last.removed)
      tx.run(sql`insert or ignore into coding_assignments (frame_id, code_id, response_id, coder_id, at)
        select ${frameId}, id, ${responseId}, ${coderId}, ${last.at} from coding_codes where id = ${codeId}`);
    tx.delete(codingActions).where(eq(codingActions.id, last.id)).run();
    return [...new Set([...last.added, ...last.removed].map((p) => p[1]))];
  });
}

/** The language each completed response was answered in, where recorded. */
export async function responseLanguages(db: Db, surveyId: string): Promise<Map<number, string>> {
  const rows = db.$client
    .prepare("select id, lang from responses where survey_id = ? and status = 'complete' and lang is not null")
    .raw()
    .all(surveyId) as [number, string][];
  return new Map(rows);
}
