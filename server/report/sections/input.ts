import { allQuestions, type Question, type Role, type SurveyDefinition } from '../../../shared/survey/schema';
import { itemKey, type Columns } from '../columns';
import { scaleItemColumn, scaleItemKey } from '../more-type-columns';
import type { Selection } from '../selection';

/** What every section computes from: the newest definition, the columns and the selected responses. */
export interface SectionInput {
  def: SurveyDefinition;
  cols: Columns;
  sel: Selection;
}

/** A scale column with where it came from: a rating question or one matrix item. */
export interface ScaleColumn {
  key: string;
  questionId: string;
  itemId: string | null;
  min: number;
  max: number;
  column: Int16Array;
}

/** Questions with the role, and matrices with several scales whose scales carry it. */
export const withRole = (def: SurveyDefinition, role: Role): Question[] =>
  allQuestions(def).filter(
    (q) => q.role === role || (q.type === 'matrixScales' && q.scales.some((x) => x.role === role)),
  );

/**
 * The scale columns of questions with a role: each rating question, each item of a matrix, and
 * each row of a matrix with several scales on the scale that carries the role (its importance or
 * its performance), keyed `question.item.scale`.
 */
export function scaleColumns(input: SectionInput, role: Role): ScaleColumn[] {
  const out: ScaleColumn[] = [];
  for (const q of withRole(input.def, role)) {
    if (q.type === 'rating')
      out.push({
        key: q.id,
        questionId: q.id,
        itemId: null,
        min: q.scale.min,
        max: q.scale.max,
        column: input.cols.ints.get(q.id)!,
      });
    if (q.type === 'matrixScales') {
      for (const scale of q.scales.filter((x) => x.role === role)) {
        for (const item of q.items) {
          out.push({
            key: scaleItemKey(q.id, item.id, scale.id),
            questionId: q.id,
            itemId: item.id,
            min: scale.scale.min,
            max: scale.scale.max,
            column: scaleItemColumn(input.cols, q, item.id, scale.id),
          });
        }
      }
    }
    if (q.type === 'matrix') {
      for (const item of q.items) {
        const key = itemKey(q.id, item.id);
        out.push({
          key,
          questionId: q.id,
          itemId: item.id,
          min: q.scale.min,
          max: q.scale.max,
          column: input.cols.ints.get(key)!,
        });
      }
    }
  }
  return out;
}

/** The overall satisfaction rating, if the survey asks one. */
export function overallColumn(input: SectionInput): ScaleColumn | null {
  return scaleColumns(input, 'overall-satisfaction').find((c) => c.itemId === null) ?? null;
}

/**
 * Stated importance per attribute: an importance question whose items (or whose own id, for a
 * rating) carry the attribute's item id, e.g. importance matrix item `room` for attribute `attrs.room`.
 */
export function statedImportance(input: SectionInput, attributes: readonly ScaleColumn[]): Map<string, ScaleColumn> {
  const importance = scaleColumns(input, 'importance');
  const out = new Map<string, ScaleColumn>();
  for (const a of attributes) {
    const match = importance.find((i) => (i.itemId ?? i.questionId) === (a.itemId ?? a.questionId));
    if (match) out.set(a.key, match);
  }
  return out;
}
