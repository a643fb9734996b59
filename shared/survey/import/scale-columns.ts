/**
 * One scale of a matrix with several scales (shared/survey/more-types.ts) from a source's list of
 * answer codes and their labels, in the source's order: codes that are consecutive whole numbers
 * from 0 or 1 keep their numbers, anything else becomes points 1…n; every point keeps its label.
 * `points` maps each source code to its point, for reading the source's conditions. Null when
 * there are fewer than 2 or more than 11 answers.
 */
import type { ScaleColumn } from '../more-types';
import type { Text } from '../schema';

export function scaleColumn(
  id: string,
  label: Text,
  answers: readonly { code: string; label: Text }[],
): { column: ScaleColumn; points: Map<string, number> } | null {
  if (answers.length < 2 || answers.length > 11) return null;
  const nums = answers.map((a) => Number(a.code));
  const numeric = nums.every((n, i) => Number.isInteger(n) && (i === 0 ? n === 0 || n === 1 : n === nums[i - 1] + 1));
  const min = numeric ? nums[0] : 1;
  return {
    column: { id, label, scale: { min, max: min + answers.length - 1 }, pointLabels: answers.map((a) => a.label) },
    points: new Map(answers.map((a, i) => [a.code, min + i])),
  };
}

const IMPORTANCE = /importan|wichtig|重要|quan trọng|tähtsus|olulisus/i;
const PERFORMANCE = /satisf|soddisf|zufrieden|满意|滿意|hài lòng|rahul|perform|prestazion|leistung|表现|表現/i;

/**
 * Roles for a pair of scales headed "Importance" and "Satisfaction" (or performance), in the
 * languages of scale-direction.ts: the dual-scale array researchers use for importance ×
 * satisfaction, which the report's priorities then read. Null unless exactly that pair.
 */
export function importancePair(headings: readonly Text[]): ('importance' | 'attribute')[] | null {
  if (headings.length !== 2) return null;
  const texts = headings.map((h) => Object.values(h).join(' '));
  const roles = texts.map((s) => (IMPORTANCE.test(s) ? 'importance' : PERFORMANCE.test(s) ? 'attribute' : null));
  return roles.includes('importance') && roles.includes('attribute') ? (roles as ('importance' | 'attribute')[]) : null;
}
