/**
 * Every read and write of the coding tables, and nothing else of the area touches the database:
 * units of work over either dialect (`yield* q(…)`), run by the service through the store.
 */
import { and, asc, count, countDistinct, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { q, affected, type Sql, type Work } from '../db/store';
import { codingActions, codingAssignments, codingCodes, codingFrames, responses, users } from '../db/tables';

export type FrameRow = typeof codingFrames.$inferSelect;
export type CodeRow = typeof codingCodes.$inferSelect;
export type NewCodeRow = typeof codingCodes.$inferInsert;
/** [codeId, responseId] */
export type Pair = [string, number];

/** Both databases' limits on bound parameters are far above this; batches keep each statement small. */
const BATCH = 500;

/** A bound value typed for a select list, where PostgreSQL cannot infer a parameter's type. */
const asText = (value: string, name: string) => sql<string>`cast(${value} as text)`.as(name);
const asInteger = (value: number, name: string) => sql<number>`cast(${value} as integer)`.as(name);

export function* findFrame(db: Sql, surveyId: string, questionId: string): Work<FrameRow | undefined> {
  const [frame] = yield* q(
    db
      .select()
      .from(codingFrames)
      .where(and(eq(codingFrames.surveyId, surveyId), eq(codingFrames.questionId, questionId))),
  );
  return frame;
}

/** The frame of the question, made now unless another request made it first. */
export function* insertFrame(db: Sql, frame: typeof codingFrames.$inferInsert): Work<FrameRow> {
  yield* q(db.insert(codingFrames).values(frame).onConflictDoNothing());
  return (yield* findFrame(db, frame.surveyId, frame.questionId))!;
}

export function* listFrames(db: Sql, surveyId: string): Work<FrameRow[]> {
  return yield* q(db.select().from(codingFrames).where(eq(codingFrames.surveyId, surveyId)));
}

/** The frame holding the codes of a question's frame: its own, or the one it shares. */
const codesFrame = (frameId: string) =>
  sql`(select coalesce(${codingFrames.codesFrom}, ${codingFrames.id}) from ${codingFrames} where ${codingFrames.id} = ${frameId})`;

/** The codes a question's frame uses (those of the frame it shares, if it shares one). */
export function* listCodes(db: Sql, frameId: string): Work<CodeRow[]> {
  return yield* q(
    db
      .select()
      .from(codingCodes)
      .where(eq(codingCodes.frameId, codesFrame(frameId)))
      .orderBy(asc(codingCodes.position), asc(codingCodes.createdAt), asc(codingCodes.id)),
  );
}

export function* countCodes(db: Sql, frameId: string): Work<number> {
  const [row] = yield* q(
    db
      .select({ n: count() })
      .from(codingCodes)
      .where(eq(codingCodes.frameId, codesFrame(frameId))),
  );
  return row.n;
}

/** Per code: answers `coderId` gave it, and answers any coder did. */
export function* codeUse(db: Sql, frameId: string, coderId: string): Work<Map<string, { mine: number; all: number }>> {
  const rows = yield* q(
    db
      .select({
        codeId: codingAssignments.codeId,
        mine: sql<number>`sum(case when ${codingAssignments.coderId} = ${coderId} then 1 else 0 end)`,
        all: countDistinct(codingAssignments.responseId),
      })
      .from(codingAssignments)
      .where(eq(codingAssignments.frameId, frameId))
      .groupBy(codingAssignments.codeId),
  );
  return new Map(rows.map((r) => [r.codeId, { mine: Number(r.mine), all: r.all }]));
}

export function* insertCode(db: Sql, code: NewCodeRow): Work<void> {
  yield* q(db.insert(codingCodes).values(code));
}

export function* updateCode(
  db: Sql,
  codeId: string,
  patch: Partial<Pick<CodeRow, 'label' | 'netId' | 'position' | 'words'>>,
): Work<void> {
  yield* q(db.update(codingCodes).set(patch).where(eq(codingCodes.id, codeId)));
}

/** Deletes a code with its assignments; codes of a deleted net stay, outside any net. A transaction's unit. */
export function* deleteCode(tx: Sql, frameId: string, codeId: string): Work<void> {
  yield* q(
    tx
      .update(codingCodes)
      .set({ netId: null })
      .where(and(eq(codingCodes.frameId, frameId), eq(codingCodes.netId, codeId))),
  );
  yield* q(tx.delete(codingCodes).where(eq(codingCodes.id, codeId)));
}

/**
 * Merges codes into one: each coder's assignments of `from` become assignments of `into` (an
 * answer that had both keeps one), in every question using the codes; the codes of a merged net
 * move to `into` when it is a net, and the merged codes go. A transaction's unit: nothing is half
 * merged. `frameId` is the frame holding the codes.
 */
export function* mergeCodes(
  tx: Sql,
  frameId: string,
  from: readonly string[],
  into: Pick<CodeRow, 'id' | 'isNet'>,
): Work<void> {
  const a = codingAssignments;
  yield* q(
    tx
      .insert(a)
      .select(
        tx
          .select({
            frameId: a.frameId,
            codeId: asText(into.id, 'code_id'),
            responseId: a.responseId,
            coderId: a.coderId,
            at: a.at,
          })
          .from(a)
          .where(inArray(a.codeId, [...from])),
      )
      .onConflictDoNothing(),
  );
  yield* q(
    tx
      .update(codingCodes)
      .set({ netId: into.isNet ? into.id : null })
      .where(and(eq(codingCodes.frameId, frameId), inArray(codingCodes.netId, [...from]))),
  );
  yield* q(tx.delete(codingCodes).where(inArray(codingCodes.id, [...from])));
}

/**
 * A new code that takes over `source`'s assignments of the listed answers to one question (its
 * frame `answersOf`), for every coder. A transaction's unit.
 */
export function* splitCode(
  tx: Sql,
  answersOf: string,
  source: string,
  code: NewCodeRow,
  responseIds: readonly number[],
): Work<number> {
  yield* q(tx.insert(codingCodes).values(code));
  let moved = 0;
  for (let i = 0; i < responseIds.length; i += BATCH) {
    const result = yield* q(
      tx
        .update(codingAssignments)
        .set({ codeId: code.id })
        .where(
          and(
            eq(codingAssignments.frameId, answersOf),
            eq(codingAssignments.codeId, source),
            inArray(codingAssignments.responseId, responseIds.slice(i, i + BATCH) as number[]),
          ),
        ),
    );
    moved += affected(result);
  }
  return moved;
}

/** One coder's codes and answers of the frame, as plain pairs (a large frame holds hundreds of thousands). */
function* coderPairs(db: Sql, frameId: string, coderId: string): Work<{ responseId: number; codeId: string }[]> {
  return yield* q(
    db
      .select({ responseId: codingAssignments.responseId, codeId: codingAssignments.codeId })
      .from(codingAssignments)
      .where(and(eq(codingAssignments.frameId, frameId), eq(codingAssignments.coderId, coderId))),
  );
}

/** A page of one coder's [response, code] pairs after `after`, in that order (the coder index's). */
export function* coderPairsAfter(
  db: Sql,
  frameId: string,
  coderId: string,
  after: { responseId: number; codeId: string } | null,
): Work<{ responseId: number; codeId: string }[]> {
  const a = codingAssignments;
  return yield* q(
    db
      .select({ responseId: a.responseId, codeId: a.codeId })
      .from(a)
      .where(
        and(
          eq(a.frameId, frameId),
          eq(a.coderId, coderId),
          // A row value comparison: both databases walk the coder index from there.
          after ? sql`(${a.responseId}, ${a.codeId}) > (${after.responseId}, ${after.codeId})` : undefined,
        ),
      )
      .orderBy(asc(a.responseId), asc(a.codeId))
      .limit(PAGE_ROWS),
  );
}

/** One coder's codes, by response. */
export function* coderAssignments(db: Sql, frameId: string, coderId: string): Work<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (const { responseId, codeId } of yield* coderPairs(db, frameId, coderId)) {
    const set = out.get(responseId);
    if (set) set.add(codeId);
    else out.set(responseId, new Set([codeId]));
  }
  return out;
}

/** The responses one coder has given any code. */
export function* codedResponses(db: Sql, frameId: string, coderId: string): Work<Set<number>> {
  const rows = yield* q(
    db
      .selectDistinct({ responseId: codingAssignments.responseId })
      .from(codingAssignments)
      .where(and(eq(codingAssignments.frameId, frameId), eq(codingAssignments.coderId, coderId))),
  );
  return new Set(rows.map((r) => r.responseId));
}

/** The responses one coder gave any of the codes. */
export function* responsesWithCodes(
  db: Sql,
  frameId: string,
  coderId: string,
  codeIds: readonly string[],
): Work<Set<number>> {
  const rows = yield* q(
    db
      .selectDistinct({ responseId: codingAssignments.responseId })
      .from(codingAssignments)
      .where(
        and(
          eq(codingAssignments.frameId, frameId),
          eq(codingAssignments.coderId, coderId),
          inArray(codingAssignments.codeId, [...codeIds]),
        ),
      ),
  );
  return new Set(rows.map((r) => r.responseId));
}

/** One coder's codes of the listed responses (a page of them). */
export function* codesOf(
  db: Sql,
  frameId: string,
  coderId: string,
  responseIds: readonly number[],
): Work<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < responseIds.length; i += BATCH) {
    const rows = yield* q(
      db
        .select({ responseId: codingAssignments.responseId, codeId: codingAssignments.codeId })
        .from(codingAssignments)
        .where(
          and(
            eq(codingAssignments.frameId, frameId),
            eq(codingAssignments.coderId, coderId),
            inArray(codingAssignments.responseId, responseIds.slice(i, i + BATCH) as number[]),
          ),
        ),
    );
    for (const { responseId, codeId } of rows) out.set(responseId, [...(out.get(responseId) ?? []), codeId]);
  }
  return out;
}

/** Users who coded answers of the frame, with how many answers each coded. */
export function* frameCoders(db: Sql, frameId: string): Work<{ id: string; name: string; coded: number }[]> {
  return yield* q(
    db
      .select({ id: users.id, name: users.name, coded: countDistinct(codingAssignments.responseId) })
      .from(codingAssignments)
      .innerJoin(users, eq(users.id, codingAssignments.coderId))
      .where(eq(codingAssignments.frameId, frameId))
      .groupBy(users.id)
      .orderBy(asc(users.name), asc(users.id)),
  );
}

export function* userExists(db: Sql, id: string): Work<boolean> {
  const rows = yield* q(db.select({ id: users.id }).from(users).where(eq(users.id, id)));
  return rows.length > 0;
}

/**
 * Applies one coder's change (pairs added and removed) and records it for undo: a transaction's
 * unit. Pairs already present are not added again, nor recorded.
 */
export function* applyChange(
  tx: Sql,
  frameId: string,
  coderId: string,
  add: readonly Pair[],
  remove: readonly Pair[],
  now: number,
): Work<{ added: number; removed: number }> {
  const added: Pair[] = [];
  const removed: Pair[] = [];
  for (const [codeId, responseId] of remove) {
    const result = yield* q(
      tx
        .delete(codingAssignments)
        .where(
          and(
            eq(codingAssignments.frameId, frameId),
            eq(codingAssignments.codeId, codeId),
            eq(codingAssignments.responseId, responseId),
            eq(codingAssignments.coderId, coderId),
          ),
        ),
    );
    if (affected(result) > 0) removed.push([codeId, responseId]);
  }
  for (let i = 0; i < add.length; i += BATCH) {
    const batch = add.slice(i, i + BATCH);
    const rows = yield* q(
      tx
        .insert(codingAssignments)
        .values(batch.map(([codeId, responseId]) => ({ frameId, codeId, responseId, coderId, at: now })))
        .onConflictDoNothing()
        .returning({ codeId: codingAssignments.codeId, responseId: codingAssignments.responseId }),
    );
    for (const r of rows) added.push([r.codeId, r.responseId]);
  }
  if (added.length + removed.length > 0)
    yield* q(tx.insert(codingActions).values({ frameId, coderId, added, removed, at: now }));
  return { added: added.length, removed: removed.length };
}

/**
 * Reverts the coder's latest change: removes what it added and puts back what it removed (unless
 * the code has since gone). A transaction's unit. Returns the answers it touched, or null when
 * there is nothing to undo.
 */
export function* undoLast(tx: Sql, frameId: string, coderId: string): Work<number[] | null> {
  const [last] = yield* q(
    tx
      .select()
      .from(codingActions)
      .where(and(eq(codingActions.frameId, frameId), eq(codingActions.coderId, coderId)))
      .orderBy(desc(codingActions.id))
      .limit(1),
  );
  if (!last) return null;
  for (const [codeId, responseId] of last.added)
    yield* q(
      tx
        .delete(codingAssignments)
        .where(
          and(
            eq(codingAssignments.frameId, frameId),
            eq(codingAssignments.codeId, codeId),
            eq(codingAssignments.responseId, responseId),
            eq(codingAssignments.coderId, coderId),
          ),
        ),
    );
  for (const [codeId, responseId] of last.removed)
    yield* q(
      tx
        .insert(codingAssignments)
        .select(
          tx
            .select({
              frameId: asText(frameId, 'frame_id'),
              codeId: codingCodes.id,
              responseId: asInteger(responseId, 'response_id'),
              coderId: asText(coderId, 'coder_id'),
              at: sql<number>`cast(${last.at} as bigint)`.as('at'),
            })
            .from(codingCodes)
            .where(eq(codingCodes.id, codeId)),
        )
        .onConflictDoNothing(),
    );
  yield* q(tx.delete(codingActions).where(eq(codingActions.id, last.id)));
  return [...new Set([...last.added, ...last.removed].map((p) => p[1]))];
}

/** Rows a paged read takes per statement: each one a short turn of the event loop. */
export const PAGE_ROWS = 5_000;

/** The language of counted responses (completed, not tests) with ids above `after`, where recorded: a page in id order. */
export function* responseLanguagesAfter(
  db: Sql,
  surveyId: string,
  after: number,
): Work<{ id: number; lang: string }[]> {
  const rows = yield* q(
    db
      .select({ id: responses.id, lang: responses.lang })
      .from(responses)
      .where(
        and(
          eq(responses.surveyId, surveyId),
          eq(responses.status, 'complete'),
          eq(responses.isTest, false),
          gt(responses.id, after),
          sql`${responses.lang} is not null`,
        ),
      )
      .orderBy(asc(responses.id))
      .limit(PAGE_ROWS),
  );
  return rows.map((r) => ({ id: r.id, lang: r.lang! }));
}

/** The language each completed response was answered in, where recorded. */
export function* responseLanguages(db: Sql, surveyId: string): Work<Map<number, string>> {
  const out = new Map<number, string>();
  for (let after = 0; ; ) {
    const page = yield* responseLanguagesAfter(db, surveyId, after);
    for (const r of page) out.set(r.id, r.lang);
    if (page.length < PAGE_ROWS) return out;
    after = page[page.length - 1].id;
  }
}
