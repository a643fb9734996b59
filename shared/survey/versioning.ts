/**
 * What a new version would do to answers already collected. Reports line versions up by question
 * id, so an id whose type changes, or an option that disappears, would leave stored answers that
 * the new definition reads differently or not at all. Such changes are not refused (the old data
 * stays with its version) but the researcher confirms them knowing how many answers they touch.
 */
import type { Question, QuestionType, SurveyDefinition } from './schema';
import { pickText } from './text';

/** A change to confirm: `message` in English for API users, the rest for the app to word it. */
export type ChangeWarning = { questionId: string; message: string; count: number } & (
  | { kind: 'type'; from: QuestionType; to: QuestionType }
  | { kind: 'option'; optionId: string; label: string }
);

/** How many stored answers name a question, or one of its options. */
export interface AnswerCounts {
  question: (questionId: string) => number;
  option: (questionId: string, optionId: string, many: boolean) => number;
}

const optionsOf = (q: Question) => ('options' in q ? q.options : undefined);

export function changeWarnings(
  previous: SurveyDefinition,
  next: SurveyDefinition,
  counts: AnswerCounts,
): ChangeWarning[] {
  const now = new Map(next.pages.flatMap((p) => p.questions).map((q) => [q.id, q]));
  const warnings: ChangeWarning[] = [];
  for (const old of previous.pages.flatMap((p) => p.questions)) {
    const q = now.get(old.id);
    if (!q) continue;
    if (q.type !== old.type) {
      const n = counts.question(old.id);
      if (n > 0) {
        warnings.push({
          questionId: old.id,
          kind: 'type',
          from: old.type,
          to: q.type,
          count: n,
          message: `${old.id}: its type changes from ${old.type} to ${q.type}; ${n} answers given as ${old.type} stay with the earlier version`,
        });
      }
      continue;
    }
    const kept = new Set(optionsOf(q)?.map((o) => o.id));
    for (const o of optionsOf(old) ?? []) {
      if (kept.has(o.id)) continue;
      const n = counts.option(old.id, o.id, old.type !== 'single');
      if (n > 0) {
        warnings.push({
          questionId: old.id,
          kind: 'option',
          optionId: o.id,
          label: pickText(o.label, previous.defaultLanguage, previous.defaultLanguage),
          count: n,
          message: `${old.id}: option "${o.id}" is removed, but ${n} answers chose it`,
        });
      }
    }
  }
  return warnings;
}
