/** Coding open answers: the operations the routes call, over the store and the question's answers. */
import { randomBytes } from 'node:crypto';
import type * as v from 'valibot';
import { AppError, badRequest, notFound } from '../http/errors';
import { surveyRow } from '../survey/service';
import {
  type AnswersQuerySchema,
  type DistinguishQuerySchema,
  MAX_CODES,
  type AnswersPage,
  type CodeDto,
  type CodingQuestionDto,
  type DistinguishDto,
  type FrameDto,
  type NewCode,
  type ThemesDto,
  type UpdateCode,
} from '../../shared/api/coding';
import { agreement, type Agreement } from '../../shared/coding/agreement';
import {
  distinguish,
  NPS_GROUPS,
  npsGroup,
  SATISFACTION_GROUPS,
  satisfactionGroup,
} from '../../shared/coding/distinguish';
import { suggestThemesInTurns, type LanguageThemes } from '../../shared/coding/themes';
import { type Databases, openQuestions, questionAnswers, type QuestionAnswers } from './answers';
import * as data from './store';
import { reportSelection } from '../report/service';

const newId = () => randomBytes(9).toString('base64url');

/** The open questions of the survey's latest version, with how far the caller has coded each. */
export async function codingQuestions(d: Databases, surveyId: string, coderId: string): Promise<CodingQuestionDto[]> {
  const { def, cols, sel } = await reportSelection(d.store, surveyId, {
    filter: undefined,
    weight: 'none',
    exclude: [],
  });
  const frames = new Map((await d.store.run((s) => data.listFrames(s, surveyId))).map((f) => [f.questionId, f]));
  return Promise.all(
    openQuestions(def).map(async (q) => {
      const column = cols.texts.get(q.id)!;
      let answers = 0;
      for (let j = 0; j < column.rows.length; j++)
        if (column.rows[j] < cols.n && sel.mask[column.rows[j]] && column.texts[j].trim() !== '') answers++;
      const frame = frames.get(q.id);
      return {
        id: q.id,
        text: q.text,
        answers,
        codes: frame ? await d.store.run((s) => data.countCodes(s, frame.id)) : 0,
        coded: frame ? (await d.store.run((s) => data.codedResponses(s, frame.id, coderId))).size : 0,
      };
    }),
  );
}

async function frameOf(d: Databases, surveyId: string, questionId: string, now?: number) {
  const frame = await d.store.run((s) => data.findFrame(s, surveyId, questionId));
  if (frame || now === undefined) return frame;
  return d.store.transaction((s) => data.insertFrame(s, { id: newId(), surveyId, questionId, createdAt: now }));
}

async function codeDtos(d: Databases, frameId: string, coderId: string): Promise<CodeDto[]> {
  const use = await d.store.run((s) => data.codeUse(s, frameId, coderId));
  return (await d.store.run((s) => data.listCodes(s, frameId))).map((c) => ({
    id: c.id,
    label: c.label,
    isNet: c.isNet,
    netId: c.netId,
    position: c.position,
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
  };
}

/** The frame's code of that id, or a 404; `path` names the field that gave it. */
async function codeOf(d: Databases, frameId: string, codeId: string, path?: string) {
  const code = (await d.store.run((s) => data.listCodes(s, frameId))).find((c) => c.id === codeId);
  if (code) return code;
  if (path) throw badRequest(`${path}: no such code in this codeframe`, path);
  throw notFound('code');
}

async function requireFrame(d: Databases, surveyId: string, questionId: string) {
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
  await d.store.run((s) =>
    data.insertCode(s, {
      id,
      frameId: frame.id,
      label: body.label,
      isNet: body.isNet,
      netId: body.netId,
      position: count,
      createdAt: now,
    }),
  );
  return (await codeDtos(d, frame.id, coderId)).find((c) => c.id === id)!;
}

export async function updateCode(
  d: Databases,
  surveyId: string,
  questionId: string,
  codeId: string,
  body: UpdateCode,
  coderId: string,
): Promise<CodeDto> {
  const frame = await requireFrame(d, surveyId, questionId);
  const code = await codeOf(d, frame.id, codeId);
  if (body.label) {
    const { def } = await questionAnswers(d, surveyId, questionId);
    checkLabelLanguages(def.languages, body.label);
  }
  if (body.netId !== undefined) await checkNet(d, frame.id, body.netId, code.isNet, code.id);
  await d.store.run((s) => data.updateCode(s, codeId, body));
  return (await codeDtos(d, frame.id, coderId)).find((c) => c.id === codeId)!;
}

export async function deleteCode(d: Databases, surveyId: string, questionId: string, codeId: string): Promise<void> {
  const frame = await requireFrame(d, surveyId, questionId);
  await codeOf(d, frame.id, codeId);
  await d.store.transaction((s) => data.deleteCode(s, frame.id, codeId));
}

export async function mergeCodes(
  d: Databases,
  surveyId: string,
  questionId: string,
  body: { from: string[]; into: string },
  coderId: string,
): Promise<CodeDto[]> {
  const frame = await requireFrame(d, surveyId, questionId);
  const into = await codeOf(d, frame.id, body.into, 'into');
  const from = [...new Set(body.from)];
  for (const [i, id] of from.entries()) {
    if (id === into.id) throw badRequest(`from[${i}]: a code cannot be merged into itself`, `from[${i}]`);
    await codeOf(d, frame.id, id, `from[${i}]`);
  }
  await d.store.transaction((s) => data.mergeCodes(s, frame.id, from, into));
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
  const moved = await d.store.transaction((s) =>
    data.splitCode(
      s,
      source.id,
      {
        id,
        frameId: frame.id,
        label: body.label,
        isNet: false,
        netId: source.isNet ? source.id : source.netId,
        position: count,
        createdAt: now,
      },
      [...new Set(body.responseIds)],
    ),
  );
  return { code: (await codeDtos(d, frame.id, coderId)).find((c) => c.id === id)!, moved };
}

const matches = (needle: string) => (text: string) => text.toLocaleLowerCase().includes(needle);

export async function answersPage(
  d: Databases,
  surveyId: string,
  questionId: string,
  coderId: string,
  query: v.InferOutput<typeof AnswersQuerySchema>,
): Promise<AnswersPage> {
  const answers = await questionAnswers(d, surveyId, questionId);
  const frame = await frameOf(d, surveyId, questionId);
  const coded =
    frame && query.uncoded === '1'
      ? await d.store.run((s) => data.codedResponses(s, frame.id, coderId))
      : new Set<number>();
  const needle = query.search.trim().toLocaleLowerCase();
  const hit = matches(needle);
  const chosen: number[] = [];
  for (let k = 0; k < answers.responseIds.length; k++) {
    if (needle !== '' && !hit(answers.texts[k])) continue;
    if (coded.has(answers.responseIds[k])) continue;
    chosen.push(k);
  }
  const page = chosen.slice(query.offset, query.offset + query.limit);
  const ids = page.map((k) => answers.responseIds[k]);
  const mine = frame ? await d.store.run((s) => data.codesOf(s, frame.id, coderId, ids)) : new Map<number, string[]>();
  return {
    total: chosen.length,
    offset: query.offset,
    items: page.map((k, j) => ({
      responseId: ids[j],
      text: answers.texts[k],
      lang: answers.langs[k],
      score: Number.isNaN(answers.scores[k]) ? null : answers.scores[k],
      codes: [...(mine.get(ids[j]) ?? [])].sort(),
    })),
  };
}

/** Codes a coder may give an answer: the frame's codes that are not nets. */
async function assignable(d: Databases, frameId: string, ids: readonly string[], path: (i: number) => string) {
  const codes = new Map((await d.store.run((s) => data.listCodes(s, frameId))).map((c) => [c.id, c]));
  ids.forEach((id, i) => {
    const code = codes.get(id);
    if (!code) throw badRequest(`${path(i)}: no such code in this codeframe`, path(i));
    if (code.isNet) throw badRequest(`${path(i)}: is a net; give one of its codes`, path(i));
  });
}

/** Replaces the caller's codes of one answer (recorded for undo). */
export async function setAnswerCodes(
  d: Databases,
  surveyId: string,
  questionId: string,
  responseId: number,
  codes: string[],
  coderId: string,
  now: number,
): Promise<{ responseId: number; codes: string[] }> {
  const answers = await questionAnswers(d, surveyId, questionId);
  if (!answers.index.has(responseId)) throw notFound('response');
  const frame = await requireFrame(d, surveyId, questionId);
  const wanted = [...new Set(codes)];
  await assignable(d, frame.id, wanted, (i) => `codes[${i}]`);
  const current = new Set(
    (await d.store.run((s) => data.codesOf(s, frame.id, coderId, [responseId]))).get(responseId) ?? [],
  );
  await d.store.transaction((s) =>
    data.applyChange(
      s,
      frame.id,
      coderId,
      wanted.filter((c) => !current.has(c)).map((c) => [c, responseId]),
      [...current].filter((c) => !wanted.includes(c)).map((c) => [c, responseId]),
      now,
    ),
  );
  return { responseId, codes: wanted.sort() };
}

/** Suggestions of the last few answer sets: a theme's bulk assignment and its row of the distinguishing table reuse them. */
const THEMES_KEPT = 8;
const themesCache = new Map<string, Promise<LanguageThemes[]>>();
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The suggested themes of the answers, found in turns so other requests are answered meanwhile,
 * and kept while the answers stay the same (the same ids, so the same texts: answers never change).
 */
function themesOf(surveyId: string, answers: QuestionAnswers): Promise<LanguageThemes[]> {
  let sum = 0;
  for (const id of answers.responseIds) sum = (sum + id) % 2_147_483_647;
  const key = `${surveyId}|${answers.questionId}|${answers.responseIds.length}|${sum}`;
  let found = themesCache.get(key);
  if (!found) {
    found = suggestThemesInTurns(
      answers.texts.map((text, k) => ({ text, lang: answers.langs[k] })),
      {},
      nextTurn,
    );
    found.catch(() => themesCache.delete(key));
    themesCache.set(key, found);
    if (themesCache.size > THEMES_KEPT) themesCache.delete(themesCache.keys().next().value!);
  }
  return found;
}

/** Gives one code to every answer matching a search or a suggested theme (one undoable step). */
export async function bulkAssign(
  d: Databases,
  surveyId: string,
  questionId: string,
  body: { codeId: string; search?: string; themeId?: string },
  coderId: string,
  now: number,
): Promise<{ matched: number; added: number }> {
  const answers = await questionAnswers(d, surveyId, questionId);
  const frame = await requireFrame(d, surveyId, questionId);
  await assignable(d, frame.id, [body.codeId], () => 'codeId');
  let members: number[];
  if (body.search !== undefined) {
    const hit = matches(body.search.toLocaleLowerCase());
    members = [];
    answers.texts.forEach((text, k) => {
      if (hit(text)) members.push(k);
    });
  } else {
    const theme = (await themesOf(surveyId, answers)).flatMap((l) => l.themes).find((t) => t.id === body.themeId);
    if (!theme) throw badRequest('themeId: no such suggested theme for these answers', 'themeId');
    members = theme.members;
  }
  const { added } = await d.store.transaction((s) =>
    data.applyChange(
      s,
      frame.id,
      coderId,
      members.map((k) => [body.codeId, answers.responseIds[k]]),
      [],
      now,
    ),
  );
  return { matched: members.length, added };
}

export async function undo(d: Databases, surveyId: string, questionId: string, coderId: string) {
  const frame = await requireFrame(d, surveyId, questionId);
  const touched = await d.store.transaction((s) => data.undoLast(s, frame.id, coderId));
  if (!touched) throw new AppError(409, 'nothing-to-undo', 'there is no change of yours to undo in this codeframe');
  return { responseIds: touched };
}

export async function themes(d: Databases, surveyId: string, questionId: string): Promise<ThemesDto> {
  const answers = await questionAnswers(d, surveyId, questionId);
  return {
    answers: answers.texts.length,
    languages: (await themesOf(surveyId, answers)).map((l) => ({
      language: l.language,
      answers: l.answers,
      themes: l.themes.map((t) => ({
        id: t.id,
        language: t.language,
        label: t.label,
        terms: t.terms,
        answers: t.members.length,
        examples: t.members.slice(0, 3).map((k) => answers.texts[k]),
      })),
    })),
  };
}

export async function distinguishTable(
  d: Databases,
  surveyId: string,
  questionId: string,
  coderId: string,
  query: v.InferOutput<typeof DistinguishQuerySchema>,
): Promise<DistinguishDto> {
  const answers = await questionAnswers(d, surveyId, questionId);
  const sq = answers.scoreQuestion;
  const labels: Record<string, Record<string, string>> = {};
  let codes: { id: string; members: number[] }[] = [];
  if (query.of === 'themes') {
    codes = (await themesOf(surveyId, answers)).flatMap((l) =>
      l.themes.map((t) => {
        labels[t.id] = { [l.language]: t.terms.map((x) => x.term).join(' · ') };
        return { id: t.id, members: t.members };
      }),
    );
  } else {
    const frame = await frameOf(d, surveyId, questionId);
    if (frame) {
      const list = await d.store.run((s) => data.listCodes(s, frame.id));
      let given = await d.store.run((s) => data.codeMembers(s, frame.id, query.coder ?? coderId));
      // A reader who codes nothing (a manager) reads the codes of whoever coded most answers.
      if (query.coder === undefined && given.size === 0) {
        const most = [...(await d.store.run((s) => data.frameCoders(s, frame.id)))].sort(
          (a, b) => b.coded - a.coded,
        )[0];
        if (most) given = await d.store.run((s) => data.codeMembers(s, frame.id, most.id));
      }
      const n = answers.responseIds.length;
      const flags = new Map(list.map((c) => [c.id, new Uint8Array(n)]));
      for (const c of list) {
        const own = flags.get(c.id)!;
        // A net counts an answer once however many of its codes the answer has.
        const net = c.netId ? flags.get(c.netId) : undefined;
        for (const responseId of given.get(c.id) ?? []) {
          const k = answers.index.get(responseId);
          if (k === undefined) continue;
          own[k] = 1;
          if (net) net[k] = 1;
        }
      }
      const members = new Map(
        list.map((c) => {
          const f = flags.get(c.id)!;
          const out: number[] = [];
          for (let k = 0; k < n; k++) if (f[k]) out.push(k);
          return [c.id, out];
        }),
      );
      codes = list.map((c) => {
        labels[c.id] = c.label;
        return { id: c.id, members: members.get(c.id)! };
      });
    }
  }
  const groups = sq?.type === 'nps' ? NPS_GROUPS : SATISFACTION_GROUPS;
  const group = Array.from(answers.scores, (s) =>
    !sq || Number.isNaN(s) ? -1 : sq.type === 'nps' ? npsGroup(s) : satisfactionGroup(s, sq.max),
  );
  const table = distinguish({ groups, group, score: answers.scores, codes: sq ? codes : [] });
  return { ...table, of: query.of, scoreQuestion: sq, labels };
}

export async function coderAgreement(
  d: Databases,
  surveyId: string,
  questionId: string,
  a: string,
  b: string,
): Promise<Agreement> {
  const frame = await requireFrame(d, surveyId, questionId);
  for (const [id, path] of [
    [a, 'a'],
    [b, 'b'],
  ] as const)
    if (!(await d.store.run((s) => data.userExists(s, id)))) throw badRequest(`${path}: no such user`, path);
  const codes = (await d.store.run((s) => data.listCodes(s, frame.id))).filter((c) => !c.isNet).map((c) => c.id);
  return agreement(
    codes,
    await d.store.run((s) => data.coderAssignments(s, frame.id, a)),
    await d.store.run((s) => data.coderAssignments(s, frame.id, b)),
  );
}
