/**
 * A coded open question as data: one yes/no variable per code (and per net: any of its codes),
 * and the SPSS multiple-dichotomy set that groups them. The codes are those of the coder who coded
 * most of the question's answers, the frame's reference coding.
 */
import type { Db } from '../db/client';
import type { Columns } from '../report/columns';
import { yesNo, type LabelContext, type Variable } from '../report/export/variable';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { openQuestions } from './answers';
import * as store from './store';

/** A multiple-response set: its label and how many of the variables that follow it belong to it. */
export interface CodedSet {
  name: string;
  label: string;
  count: number;
}

export async function codedVariables(
  db: Db,
  surveyId: string,
  def: SurveyDefinition,
  cols: Columns,
  ctx: LabelContext,
): Promise<{ variables: Variable[]; sets: CodedSet[] }> {
  const frames = new Map((await store.listFrames(db, surveyId)).map((f) => [f.questionId, f]));
  const slotOf = new Map<number, number>();
  for (let i = 0; i < cols.n; i++) slotOf.set(cols.id[i], i);
  const variables: Variable[] = [];
  const sets: CodedSet[] = [];
  for (const q of openQuestions(def)) {
    const frame = frames.get(q.id);
    if (!frame) continue;
    const codes = await store.listCodes(db, frame.id);
    const coders = await store.frameCoders(db, frame.id);
    if (codes.length === 0 || coders.length === 0) continue;
    const reference = [...coders].sort((a, b) => b.coded - a.coded)[0];
    const given = await store.coderAssignments(db, frame.id, reference.id);
    const answered = new Uint8Array(cols.n);
    const texts = cols.texts.get(q.id)!;
    texts.rows.forEach((slot, j) => {
      if (slot < cols.n && texts.texts[j].trim() !== '') answered[slot] = 1;
    });
    const flags = new Map(codes.map((c) => [c.id, new Uint8Array(cols.n)]));
    for (const [responseId, set] of given) {
      const slot = slotOf.get(responseId);
      if (slot === undefined) continue;
      for (const codeId of set) {
        flags.get(codeId)![slot] = 1;
        const net = codes.find((c) => c.id === codeId)?.netId;
        if (net) flags.get(net)![slot] = 1;
      }
    }
    const label = ctx.text(q.text);
    codes.forEach((c, k) => {
      const flag = flags.get(c.id)!;
      variables.push({
        name: `${q.id}_${c.isNet ? 'net' : 'c'}${k + 1}`,
        label: ctx.item(label, codeLabel(c.label, def, ctx)),
        type: 'numeric',
        ...yesNo(ctx),
        value: (i) => (answered[i] ? flag[i] : null),
      });
    });
    sets.push({ name: `$${q.id}`, label, count: codes.length });
  }
  return { variables, sets };
}

/** A code's label in the export's language, else the survey's default, else any it has. */
function codeLabel(label: Record<string, string>, def: SurveyDefinition, ctx: LabelContext): string {
  return ctx.text(label) || label[def.defaultLanguage] || Object.values(label)[0] || '';
}
