/** Coding open answers: the operations the routes call, over the store and the question's answers. */
import type * as v from 'valibot';
import { AppError, badRequest, notFound } from '../http/errors';
import type {
  AnswersQuerySchema,
  DistinguishQuerySchema,
  AnswersPage,
  CodingQuestionDto,
  DistinguishDto,
  ThemesDto,
} from '../../shared/api/coding';
import { agreement, type Agreement } from '../../shared/coding/agreement';
import {
  distinguishInTurns,
  NPS_GROUPS,
  npsGroup,
  SATISFACTION_GROUPS,
  satisfactionGroup,
} from '../../shared/coding/distinguish';
import { suggestThemesInTurns, type LanguageThemes } from '../../shared/coding/themes';
import { type Databases, nextTurn, openQuestions, questionAnswers, type QuestionAnswers, turns } from './answers';
import * as data from './store';
import { frameOf, requireFrame } from './codeframe';
import { reportSelection } from '../report/service';

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

const matches = (needle: string) => (text: string) => text.toLocaleLowerCase().includes(needle);

/** The answers the coder gave the code (a net: any of its codes); 400 naming `code` for a code the frame lacks. */
async function codeFilter(d: Databases, frame: data.FrameRow | undefined, coderId: string, codeId: string) {
  const codes = frame ? await d.store.run((s) => data.listCodes(s, frame.id)) : [];
  if (!codes.some((c) => c.id === codeId)) throw badRequest('code: no such code in this codeframe', 'code');
  const ids = [codeId, ...codes.filter((c) => c.netId === codeId).map((c) => c.id)];
  return d.store.run((s) => data.responsesWithCodes(s, frame!.id, coderId, ids));
}

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
  const withCode = query.code === undefined ? null : await codeFilter(d, frame, coderId, query.code);
  const needle = query.search.trim().toLocaleLowerCase();
  const all = answers.responseIds.length;
  let total = all;
  let page: number[];
  if (needle === '' && coded.size === 0 && !withCode) {
    // Every answer, the screen's usual read: the page is a range, without a pass over them all.
    const end = Math.min(all, query.offset + query.limit);
    page = Array.from({ length: Math.max(0, end - query.offset) }, (_, j) => query.offset + j);
  } else {
    const hit = matches(needle);
    const chosen: number[] = [];
    for (let k = 0; k < all; k++) {
      if (needle !== '' && !hit(answers.texts[k])) continue;
      if (coded.has(answers.responseIds[k])) continue;
      if (withCode && !withCode.has(answers.responseIds[k])) continue;
      chosen.push(k);
    }
    total = chosen.length;
    page = chosen.slice(query.offset, query.offset + query.limit);
  }
  const ids = page.map((k) => answers.responseIds[k]);
  const mine = frame ? await d.store.run((s) => data.codesOf(s, frame.id, coderId, ids)) : new Map<number, string[]>();
  return {
    total,
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

/** One coder's answers of each code (response ids by code id), read a page at a time with pauses between. */
async function membersInTurns(d: Databases, frameId: string, coderId: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const breathe = turns();
  for (let after: { responseId: number; codeId: string } | null = null; ; ) {
    const page = await d.store.run((s) => data.coderPairsAfter(s, frameId, coderId, after));
    for (const { responseId, codeId } of page) {
      const list = out.get(codeId);
      if (list) list.push(responseId);
      else out.set(codeId, [responseId]);
    }
    if (page.length < data.PAGE_ROWS) return out;
    after = page[page.length - 1];
    await breathe(true);
  }
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
      let given = await membersInTurns(d, frame.id, query.coder ?? coderId);
      // A reader who codes nothing (a manager) reads the codes of whoever coded most answers.
      if (query.coder === undefined && given.size === 0) {
        const most = [...(await d.store.run((s) => data.frameCoders(s, frame.id)))].sort(
          (a, b) => b.coded - a.coded,
        )[0];
        if (most) given = await membersInTurns(d, frame.id, most.id);
      }
      const n = answers.responseIds.length;
      const flags = new Map(list.map((c) => [c.id, new Uint8Array(n)]));
      const breathe = turns();
      for (const c of list) {
        const own = flags.get(c.id)!;
        // A net counts an answer once however many of its codes the answer has.
        const net = c.netId ? flags.get(c.netId) : undefined;
        await breathe();
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
  const table = await distinguishInTurns({ groups, group, score: answers.scores, codes: sq ? codes : [] }, nextTurn);
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
