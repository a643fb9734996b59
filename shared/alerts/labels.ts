/**
 * One response's answers with their labels, in the order of the questionnaire: what a case page
 * shows and what webhooks carry (codes for machines, labels for people). Contact answers are left
 * out here; they are shown only to those allowed (server/alerts/cases.ts).
 */
import { allQuestions, type Option, type Question, type SurveyDefinition } from '../survey/schema';
import { pickText } from '../survey/text';
import type { CaseAnswer } from '../api/alerts';

function optionLabel(options: readonly Option[], id: unknown, lang: string, fallback: string): string {
  if (id && typeof id === 'object' && 'other' in id) return String((id as { other: unknown }).other);
  const o = options.find((x) => x.id === id);
  return o ? pickText(o.label, lang, fallback) : String(id);
}

/** `2 / 5`, with the end's own wording at the ends (`1 / 5 (Very dissatisfied)`), so a score reads without the scale. */
function scaleLabel(x: unknown, min: number, max: number, minLabel: string, maxLabel: string): string {
  if (x === null) return 'n/a';
  const n = Number(x);
  const end = n === min ? minLabel : n === max ? maxLabel : '';
  return end ? `${n} / ${max} (${end})` : `${n} / ${max}`;
}

function labelOf(q: Question, x: unknown, lang: string, fb: string): string {
  switch (q.type) {
    case 'single':
      return optionLabel(q.options, x, lang, fb);
    case 'multiple':
      return Array.isArray(x) ? x.map((id) => optionLabel(q.options, id, lang, fb)).join('; ') : String(x);
    case 'rating':
      return scaleLabel(
        x,
        q.scale.min,
        q.scale.max,
        pickText(q.scale.minLabel, lang, fb),
        pickText(q.scale.maxLabel, lang, fb),
      );
    case 'matrix': {
      const byItem = (x ?? {}) as Record<string, unknown>;
      return q.items
        .filter((i) => i.id in byItem)
        .map((i) => `${pickText(i.label, lang, fb)}: ${byItem[i.id] ?? 'n/a'}`)
        .join('; ');
    }
    case 'nps':
      return scaleLabel(x, 0, 10, '', '');
    case 'text':
    case 'number':
    case 'date':
      return String(x);
    case 'yesno':
      // The survey's own wording where it has one; else the code, which reads the same in every language's case page.
      return pickText(x === 'yes' ? q.yesLabel : q.noLabel, lang, fb) || String(x);
    case 'fields': {
      const byItem = (x ?? {}) as Record<string, unknown>;
      return q.items
        .filter((i) => i.id in byItem)
        .map((i) => `${pickText(i.label, lang, fb)}: ${String(byItem[i.id])}`)
        .join('; ');
    }
    case 'matrixScales': {
      const byItem = (x ?? {}) as Record<string, Record<string, unknown> | undefined>;
      const point = (s: (typeof q.scales)[number], p: unknown) =>
        s.pointLabels && typeof p === 'number'
          ? pickText(s.pointLabels[p - s.scale.min], lang, fb) || String(p)
          : String(p);
      return q.items
        .filter((i) => byItem[i.id])
        .map(
          (i) =>
            `${pickText(i.label, lang, fb)}: ${q.scales
              .filter((s) => byItem[i.id]![s.id] !== undefined)
              .map((s) => `${pickText(s.label, lang, fb)} ${point(s, byItem[i.id]![s.id])}`)
              .join(', ')}`,
        )
        .join('; ');
    }
    default:
      return typeof x === 'object' ? JSON.stringify(x) : String(x);
  }
}

export function labelledAnswers(
  def: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
  lang: string,
): CaseAnswer[] {
  const fb = def.defaultLanguage;
  return allQuestions(def)
    .filter((q) => q.type !== 'contact' && answers[q.id] !== undefined)
    .map((q) => ({
      questionId: q.id,
      question: pickText(q.text, lang, fb),
      code: answers[q.id],
      label: labelOf(q, answers[q.id], lang, fb),
    }));
}

/** The respondent's contact details, only when they ticked the consent box. */
export function consentedContact(
  def: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
): { name?: string; email?: string; phone?: string } | null {
  for (const q of allQuestions(def)) {
    if (q.type !== 'contact') continue;
    const a = answers[q.id] as { name?: string; email?: string; phone?: string; consent?: boolean } | undefined;
    if (a?.consent === true) return { name: a.name, email: a.email, phone: a.phone };
  }
  return null;
}
