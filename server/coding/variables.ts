/**
 * A coded open question as data, like a multiple-choice question: per code (and per net: any of its
 * codes) which responses have it, among those that answered. The codes are those of the coder who
 * coded most of the question's answers, the frame's reference coding. Exports turn them into yes/no
 * variables and an SPSS multiple-dichotomy set; the cross-tab into a multiple-response axis; the
 * report into filters, comparison segments and code shares per wave.
 */
import type { Store } from '../db/store';
import type { Columns } from '../report/columns';
import { yesNo, type LabelContext, type Variable } from '../report/export/variable';
import { allQuestions, type SurveyDefinition, type Text } from '../../shared/survey/schema';
import * as data from './store';

export interface CodedQuestion {
  questionId: string;
  text: Text;
  codes: CodeOption[];
  /** By slot of the report's columns: answered the question, and has each code. */
  answered: Uint8Array;
  chosen: Uint8Array[];
  /** By slot: the reference coder gave the answer at least one code. */
  coded: Uint8Array;
}

export interface CodeOption {
  id: string;
  label: Record<string, string>;
  isNet: boolean;
  netId: string | null;
}

/**
 * The open questions a researcher can code: text answers, never contact details. (The coding
 * area's own list reads the report; the report reads this one, so neither imports the other.)
 */
const codableQuestions = (def: SurveyDefinition) =>
  allQuestions(def).filter((q) => q.type === 'text' && q.role !== 'contact');

/**
 * Each coded question's codes (no assignments), in the frame's order: what the report's filters
 * offer. As in `codedQuestions`, a frame nobody has coded yet is not data.
 */
export async function codeOptions(
  store: Store,
  surveyId: string,
  def: SurveyDefinition,
): Promise<{ questionId: string; codes: CodeOption[] }[]> {
  const frames = new Map((await store.run((s) => data.listFrames(s, surveyId))).map((f) => [f.questionId, f]));
  const out: { questionId: string; codes: CodeOption[] }[] = [];
  for (const q of codableQuestions(def)) {
    const frame = frames.get(q.id);
    if (!frame) continue;
    const codes = await store.run((s) => data.listCodes(s, frame.id));
    if (codes.length === 0 || (await store.run((s) => data.frameCoders(s, frame.id))).length === 0) continue;
    out.push({ questionId: q.id, codes: codes.map(codeOption) });
  }
  return out;
}

const codeOption = (c: data.CodeRow): CodeOption => ({ id: c.id, label: c.label, isNet: c.isNet, netId: c.netId });

/**
 * The coded open questions of a survey (those with codes and a coder), by question id; with
 * `only`, just those of its question ids.
 */
export async function codedQuestions(
  store: Store,
  surveyId: string,
  def: SurveyDefinition,
  cols: Columns,
  only?: ReadonlySet<string>,
): Promise<Map<string, CodedQuestion>> {
  const frames = new Map((await store.run((s) => data.listFrames(s, surveyId))).map((f) => [f.questionId, f]));
  const out = new Map<string, CodedQuestion>();
  let slotOf: Map<number, number> | null = null;
  for (const q of codableQuestions(def)) {
    const frame = frames.get(q.id);
    if (!frame || (only && !only.has(q.id))) continue;
    const codes = await store.run((s) => data.listCodes(s, frame.id));
    const coders = await store.run((s) => data.frameCoders(s, frame.id));
    if (codes.length === 0 || coders.length === 0) continue;
    if (!slotOf) {
      slotOf = new Map();
      for (let i = 0; i < cols.n; i++) slotOf.set(cols.id[i], i);
    }
    const reference = [...coders].sort((a, b) => b.coded - a.coded)[0];
    const given = await store.run((s) => data.coderAssignments(s, frame.id, reference.id));
    const capacity = Math.max(cols.n, 1);
    const answered = new Uint8Array(capacity);
    const texts = cols.texts.get(q.id)!;
    texts.rows.forEach((slot, j) => {
      if (slot < cols.n && texts.texts[j].trim() !== '') answered[slot] = 1;
    });
    const index = new Map(codes.map((c, k) => [c.id, k]));
    const chosen = codes.map(() => new Uint8Array(capacity));
    const coded = new Uint8Array(capacity);
    for (const [responseId, set] of given) {
      const slot = slotOf.get(responseId);
      if (slot === undefined) continue;
      coded[slot] = 1;
      for (const codeId of set) {
        const k = index.get(codeId);
        if (k === undefined) continue;
        chosen[k][slot] = 1;
        const net = codes[k].netId;
        if (net) chosen[index.get(net)!][slot] = 1;
      }
    }
    out.set(q.id, {
      questionId: q.id,
      text: q.text,
      codes: codes.map(codeOption),
      answered,
      chosen,
      coded,
    });
  }
  return out;
}

/** A code's label in the export's language, else the survey's default, else any it has. */
export function codeLabel(label: Record<string, string>, text: (x: Text) => string): string {
  return text(label) || Object.values(label)[0] || '';
}

/** A multiple-response set: its name and label, and how many of the variables that follow belong to it. */
export interface CodedSet {
  name: string;
  label: string;
  count: number;
}

/** Yes/no variables per code, `<question>_c<k>` (`_net<k>` for a net), empty where unanswered. */
export async function codedVariables(
  store: Store,
  surveyId: string,
  def: SurveyDefinition,
  cols: Columns,
  ctx: LabelContext,
): Promise<{ variables: Variable[]; sets: CodedSet[] }> {
  const variables: Variable[] = [];
  const sets: CodedSet[] = [];
  for (const q of (await codedQuestions(store, surveyId, def, cols)).values()) {
    const label = ctx.text(q.text);
    q.codes.forEach((c, k) => {
      const flag = q.chosen[k];
      variables.push({
        name: `${q.questionId}_${c.isNet ? 'net' : 'c'}${k + 1}`,
        label: ctx.item(label, codeLabel(c.label, ctx.text)),
        type: 'numeric',
        ...yesNo(ctx),
        value: (i) => (q.answered[i] ? flag[i] : null),
      });
    });
    sets.push({ name: `$${q.questionId}`, label, count: q.codes.length });
  }
  return { variables, sets };
}
