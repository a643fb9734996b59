/**
 * A question's codeframe and the changes to its codes: add, rename, words, net, merge, split,
 * delete, each recorded so the latest can be undone, and sharing one question's codes with
 * another. A question that shares a codeframe keeps a frame of its own for its assignments; the
 * codes sit in the frame it shares (`codesFrom`).
 */
import { randomBytes } from 'node:crypto';
import { AppError, badRequest, conflict, notFound } from '../http/errors';
import { surveyRow } from '../survey/service';
import type { Sql, Work } from '../db/store';
import { rulesChanged } from '../collect/memo';
import { MAX_CODES, type CodeDto, type FrameDto, type NewCode, type UpdateCode } from '../../shared/api/coding';
import type { AssignmentRow, FrameEditUndo } from '../../shared/coding/frame-edit';
import { type Databases, openQuestions, questionAnswers } from './answers';
import * as data from './store';
import * as edits from './frame-edits';
import * as sharing from './sharing';

const newId = () => randomBytes(9).toString('base64url');

/** The frame holding a question frame's codes. */
export const codesId = (frame: data.FrameRow) => frame.codesFrom ?? frame.id;

/** The question's frame; made now (given `now`) unless another request made it first. */
export async function frameOf(d: Databases, surveyId: string, questionId: string, now?: number) {
  const frame = await d.store.run((s) => data.findFrame(s, surveyId, questionId));
  if (frame || now === undefined) return frame;
  return d.store.transaction((s) =>
    data.insertFrame(s, { id: newId(), surveyId, questionId, codesFrom: null, createdAt: now }),
  );
}

export async function codeDtos(d: Databases, frameId: string, coderId: string): Promise<CodeDto[]> {
  const use = await d.store.run((s) => data.codeUse(s, frameId, coderId));
  return (await d.store.run((s) => data.listCodes(s, frameId))).map((c) => ({
    id: c.id,
    label: c.label,
    isNet: c.isNet,
    netId: c.netId,
    position: c.position,
    words: c.words,
    mine: use.get(c.id)?.mine ?? 0,
    all: use.get(c.id)?.all ?? 0,
  }));
}

export async function getFrame(d: Databases, surveyId: string, questionId: string, coderId: string): Promise<FrameDto> {
  const answers = await questionAnswers(d, surveyId, questionId);
  const frame = await frameOf(d, surveyId, questionId);
  const mine = frame ? await d.store.run((s) => data.codedResponses(s, frame.id, coderId)) : new Set<number>();
  let coded = 0;
  for (const id of mine) if (answers.index.has(id)) coded++;
  return {
    questionId,
    languages: answers.def.languages,
    codes: frame ? await codeDtos(d, frame.id, coderId) : [],
    total: answers.responseIds.length,
    coded,
    coders: frame ? await d.store.run((s) => data.frameCoders(s, frame.id)) : [],
    scoreQuestion: answers.scoreQuestion,
    sharedBy: frame ? await d.store.run((s) => sharing.questionsUsing(s, codesId(frame))) : [],
    lastEdit: frame ? await d.store.run((s) => edits.lastEdit(s, codesId(frame))) : null,
  };
}

/** The frame's code of that id, or a 404; `path` names the field that gave it. */
export async function codeOf(d: Databases, frameId: string, codeId: string, path?: string) {
  const code = (await d.store.run((s) => data.listCodes(s, frameId))).find((c) => c.id === codeId);
  if (code) return code;
  if (path) throw badRequest(`${path}: no such code in this codeframe`, path);
  throw notFound('code');
}

export async function requireFrame(d: Databases, surveyId: string, questionId: string) {
  await d.store.run((s) => surveyRow(s, surveyId));
  const frame = await d.store.run((s) => data.findFrame(s, surveyId, questionId));
  if (!frame) throw notFound('code');
  return frame;
}

/** A net must be a net of the same frame; a net sits in no net (one level, as codeframes are drawn). */
async function checkNet(d: Databases, frameId: string, netId: string | null, isNet: boolean, selfId?: string) {
  if (netId === null) return;
  if (isNet) throw badRequest('netId: a net cannot sit inside another net', 'netId');
  const net = (await d.store.run((s) => data.listCodes(s, frameId))).find((c) => c.id === netId);
  if (!net?.isNet || net.id === selfId) throw badRequest('netId: no such net in this codeframe', 'netId');
}

function checkLabelLanguages(languages: readonly string[], label: Record<string, string>) {
  for (const lang of Object.keys(label))
    if (!languages.includes(lang))
      throw badRequest(`label.${lang}: the survey has no language "${lang}"`, `label.${lang}`, undefined, 'choice');
}

/** Distinct words, case folded as the matching folds them, in the order given. */
const distinctWords = (words: readonly string[]) => {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * A change to the codes as one unit of work: the change, its undo record, and the survey's rules
 * stamp (alert rules read codes' words, so every node reloads them from its next submission).
 */
function* edit<T>(
  tx: Sql,
  surveyId: string,
  frame: data.FrameRow,
  userId: string,
  label: Record<string, string>,
  undo: FrameEditUndo,
  now: number,
  change: Work<T>,
): Work<T> {
  const out = yield* change;
  yield* edits.recordEdit(tx, codesId(frame), userId, label, undo, now);
  yield* rulesChanged(tx, surveyId);
  return out;
}

export async function createCode(
  d: Databases,
  surveyId: string,
  questionId: string,
  body: NewCode,
  coderId: string,
  now: number,
): Promise<CodeDto> {
  const answers = await questionAnswers(d, surveyId, questionId);
  checkLabelLanguages(answers.def.languages, body.label);
  const frame = (await frameOf(d, surveyId, questionId, now))!;
  const count = await d.store.run((s) => data.countCodes(s, frame.id));
  if (count >= MAX_CODES)
    throw badRequest(`a codeframe holds at most ${MAX_CODES} codes`, undefined, undefined, 'too-long', MAX_CODES);
  await checkNet(d, frame.id, body.netId, body.isNet);
  const id = newId();
  await d.store.transaction(function* (s) {
    yield* data.insertCode(s, {
      id,
      frameId: codesId(frame),
      label: body.label,
      words: distinctWords(body.words),
      isNet: body.isNet,
      netId: body.netId,
      position: count,
      createdAt: now,
    });
    if (body.words.length > 0) yield* rulesChanged(s, surveyId);
  });
  return (await codeDtos(d, frame.id, coderId)).find((c) => c.id === id)!;
}

export async function updateCode(
  d: Databases,
  surveyId: string,
  questionId: string,
  codeId: string,
  body: UpdateCode,
  coderId: string,
  now: number,
): Promise<CodeDto> {
  const frame = await requireFrame(d, surveyId, questionId);
  const code = await codeOf(d, frame.id, codeId);
  if (body.label) {
    const { def } = await questionAnswers(d, surveyId, questionId);
    checkLabelLanguages(def.languages, body.label);
  }
  if (body.netId !== undefined) await checkNet(d, frame.id, body.netId, code.isNet, code.id);
  const patch = body.words ? { ...body, words: distinctWords(body.words) } : body;
  const kind = body.label ? 'rename' : body.words ? 'words' : 'move';
  await d.store.transaction((s) =>
    edit(
      s,
      surveyId,
      frame,
      coderId,
      code.label,
      { kind, before: edits.snapshot(code) },
      now,
      data.updateCode(s, codeId, patch),
    ),
  );
  return (await codeDtos(d, frame.id, coderId)).find((c) => c.id === codeId)!;
}

export async function deleteCode(
  d: Databases,
  surveyId: string,
  questionId: string,
  codeId: string,
  userId: string,
  now: number,
): Promise<void> {
  const frame = await requireFrame(d, surveyId, questionId);
  const code = await codeOf(d, frame.id, codeId);
  await d.store.transaction(function* (s) {
    const undo: FrameEditUndo = {
      kind: 'delete',
      code: edits.snapshot(code),
      assignments: yield* edits.assignmentsOf(s, [code.id]),
      members: (yield* edits.membersOf(s, [code.id])).map(([m]) => m),
    };
    yield* edit(s, surveyId, frame, userId, code.label, undo, now, data.deleteCode(s, codesId(frame), codeId));
  });
}

/** The assignments of `into` a merge will make: the merged codes' answers it does not have yet, once each. */
function mergeAdds(into: string, from: readonly AssignmentRow[], existing: readonly AssignmentRow[]) {
  const key = (r: AssignmentRow) => `${r[3]}\u0000${r[1]}\u0000${r[2]}`;
  const seen = new Set(existing.map(key));
  const out: AssignmentRow[] = [];
  for (const r of from) {
    const k = key(r);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([into, r[1], r[2], r[3], r[4]]);
  }
  return out;
}

export async function mergeCodes(
  d: Databases,
  surveyId: string,
  questionId: string,
  body: { from: string[]; into: string },
  coderId: string,
  now: number,
): Promise<CodeDto[]> {
  const frame = await requireFrame(d, surveyId, questionId);
  const into = await codeOf(d, frame.id, body.into, 'into');
  const from = [...new Set(body.from)];
  const merged: data.CodeRow[] = [];
  for (const [i, id] of from.entries()) {
    if (id === into.id) throw badRequest(`from[${i}]: a code cannot be merged into itself`, `from[${i}]`);
    merged.push(await codeOf(d, frame.id, id, `from[${i}]`));
  }
  await d.store.transaction(function* (s) {
    const assignments = yield* edits.assignmentsOf(s, from);
    const undo: FrameEditUndo = {
      kind: 'merge',
      into: into.id,
      codes: merged.map(edits.snapshot),
      assignments,
      members: yield* edits.membersOf(s, from),
      added: mergeAdds(into.id, assignments, yield* edits.assignmentsOf(s, [into.id])),
    };
    yield* edit(
      s,
      surveyId,
      frame,
      coderId,
      merged[0].label,
      undo,
      now,
      data.mergeCodes(s, codesId(frame), from, into),
    );
  });
  return codeDtos(d, frame.id, coderId);
}

export async function splitCode(
  d: Databases,
  surveyId: string,
  questionId: string,
  codeId: string,
  body: { label: Record<string, string>; responseIds: number[] },
  coderId: string,
  now: number,
): Promise<{ code: CodeDto; moved: number }> {
  const frame = await requireFrame(d, surveyId, questionId);
  const source = await codeOf(d, frame.id, codeId);
  const { def } = await questionAnswers(d, surveyId, questionId);
  checkLabelLanguages(def.languages, body.label);
  const count = await d.store.run((s) => data.countCodes(s, frame.id));
  if (count >= MAX_CODES)
    throw badRequest(`a codeframe holds at most ${MAX_CODES} codes`, undefined, undefined, 'too-long', MAX_CODES);
  const id = newId();
  const code = {
    id,
    frameId: codesId(frame),
    label: body.label,
    isNet: false,
    netId: source.isNet ? source.id : source.netId,
    position: count,
    createdAt: now,
  };
  const moved = await d.store.transaction((s) =>
    edit(
      s,
      surveyId,
      frame,
      coderId,
      body.label,
      { kind: 'split', source: source.id, code: id },
      now,
      data.splitCode(s, frame.id, source.id, code, [...new Set(body.responseIds)]),
    ),
  );
  return { code: (await codeDtos(d, frame.id, coderId)).find((c) => c.id === id)!, moved };
}

/** Reverts the latest change to the question's codes, whoever made it (codes are the frame's, not a coder's). */
export async function undoFrameEdit(d: Databases, surveyId: string, questionId: string) {
  const frame = await requireFrame(d, surveyId, questionId);
  const undone = await d.store.transaction(function* (s) {
    const out = yield* edits.undoLastEdit(s, codesId(frame));
    if (out) yield* rulesChanged(s, surveyId);
    return out;
  });
  if (!undone) throw new AppError(409, 'nothing-to-undo', 'there is no change to the codes to undo');
  return undone;
}

/** Makes the question use `from`'s codes, or its own again (`from` null). */
export async function shareFrame(
  d: Databases,
  surveyId: string,
  questionId: string,
  from: string | null,
  coderId: string,
  now: number,
): Promise<FrameDto> {
  const { def } = await questionAnswers(d, surveyId, questionId);
  if (from !== null) {
    if (from === questionId) throw badRequest('from: a question cannot share its own codeframe', 'from');
    if (!openQuestions(def).some((q) => q.id === from))
      throw badRequest(`from: "${from}" is not an open question of this survey`, 'from');
  }
  const frame = (await frameOf(d, surveyId, questionId, now))!;
  const lender = from === null ? null : (await frameOf(d, surveyId, from, now))!;
  const refusal = await d.store.transaction((s) =>
    sharing.setCodesFrom(s, frame.id, lender === null ? null : codesId(lender)),
  );
  if (refusal) throw conflict('frame-in-use', refusal);
  return getFrame(d, surveyId, questionId, coderId);
}
