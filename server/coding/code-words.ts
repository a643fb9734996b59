/**
 * Codes' words as alert rules read them: a code's own words, and for a net its codes' words too
 * (an answer matching any of them is an answer about the net).
 */
import { inArray, or } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { codingCodes } from '../db/tables';
import { findFrame, listCodes } from './store';

/** Words by code id, for the listed codes (missing ones, deleted since, are absent). */
export function* codeWords(db: Sql, codeIds: readonly string[]): Work<Map<string, string[]>> {
  const wanted = [...new Set(codeIds)];
  const rows = yield* q(
    db
      .select({ id: codingCodes.id, netId: codingCodes.netId, words: codingCodes.words })
      .from(codingCodes)
      .where(or(inArray(codingCodes.id, wanted), inArray(codingCodes.netId, wanted))),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) if (wanted.includes(r.id)) out.set(r.id, [...r.words]);
  for (const r of rows) if (r.netId !== null && out.has(r.netId)) out.get(r.netId)!.push(...r.words);
  return out;
}

/** Why a rule may not match `codeId` on the answers to `questionId`, or null when it may. */
export function* ruleCodeProblem(db: Sql, surveyId: string, questionId: string, codeId: string): Work<string | null> {
  const frame = yield* findFrame(db, surveyId, questionId);
  const codes = frame ? yield* listCodes(db, frame.id) : [];
  if (!codes.some((c) => c.id === codeId)) return `no such code in the codeframe of "${questionId}"`;
  const words = (yield* codeWords(db, [codeId])).get(codeId) ?? [];
  if (words.length === 0) return 'the code has no words to match; give it words in the codeframe first';
  return null;
}
