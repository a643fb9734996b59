/**
 * Checks that every logic block refers to something the respondent has already seen: a question
 * earlier in the survey (earlier on the same page for a question's own logic), a matrix item that
 * exists, or a declared hidden field. A reference to a later or unknown question could never be
 * evaluated honestly, so the definition is refused with a message naming it. Piping (`{{id}}` in a
 * question's text or help) follows the same rule.
 */
import type { Logic } from './logic';
import { pipedIds } from './piping';
import { isCustomerField } from '../customers/fields';

type TextLike = Partial<Record<string, string>>;
interface QuestionLike {
  id: string;
  type: string;
  other?: boolean;
  text?: TextLike;
  help?: TextLike;
  visibleIf?: Logic;
  items?: { id: string }[];
  options?: { id: string }[];
}
interface DefinitionLike {
  hiddenFields: string[];
  pages: { id: string; visibleIf?: Logic; questions: QuestionLike[] }[];
  screenOuts?: { id: string; afterPage: string; when: Logic }[];
}

/** What a reference gets wrong, for those who word it themselves (the import's notes). */
export type ReferenceKind = 'unknown' | 'self' | 'later' | 'item' | 'option' | 'piping' | 'page';

export interface ReferenceIssue {
  path: (string | number)[];
  message: string;
  kind: ReferenceKind;
  /** The question, field, item or option the reference names. */
  name: string;
}

export function referenceIssues(def: DefinitionLike): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const position = new Map<string, { page: number; index: number; q: QuestionLike }>();
  def.pages.forEach((p, page) => {
    p.questions.forEach((q, index) => {
      position.set(q.id, { page, index, q });
    });
  });
  const pageIndex = new Map(def.pages.map((p, i) => [p.id, i]));

  const check = (
    logic: Logic | undefined,
    path: (string | number)[],
    visibleBy: (pos: { page: number; index: number }) => boolean,
    where: string,
    self?: string,
  ) => {
    logic?.conditions.forEach((c, ci) => {
      const [id, item] = c.source.split('.');
      const at = [...path, 'conditions', ci, 'source'];
      // Every survey has the customer fields (tier, segment), declared or not.
      if ((def.hiddenFields.includes(id) || isCustomerField(id)) && item === undefined) return;
      const pos = position.get(id);
      if (!pos) {
        issues.push({
          path: at,
          message: `${where} refers to "${c.source}", which is neither a question nor a hidden field`,
          kind: 'unknown',
          name: c.source,
        });
      } else if (self !== undefined && id === self) {
        issues.push({
          path: at,
          message: `${where} refers to itself: its display condition can only use answers given before it`,
          kind: 'self',
          name: id,
        });
      } else if (!visibleBy(pos)) {
        issues.push({
          path: at,
          message: `${where} refers to "${id}", which comes later in the survey`,
          kind: 'later',
          name: id,
        });
      } else if (item !== undefined && !pos.q.items?.some((i) => i.id === item)) {
        issues.push({
          path: at,
          message: `${where} refers to item "${item}", which question "${id}" does not have`,
          kind: 'item',
          name: `${id}.${item}`,
        });
      } else if (pos.q.options && ['equals', 'notEquals', 'in', 'notIn'].includes(c.op)) {
        const wanted = c.values ?? (c.value !== undefined ? [c.value] : []);
        const unknown = wanted.find((w) => !pos.q.options!.some((o) => o.id === w) && !(pos.q.other && w === 'other'));
        if (unknown !== undefined)
          issues.push({
            path: at,
            message: `${where} compares "${id}" with "${unknown}", which is not one of its options`,
            kind: 'option',
            name: `${id}: ${unknown}`,
          });
      }
    });
  };

  def.pages.forEach((p, page) => {
    check(p.visibleIf, ['pages', page, 'visibleIf'], (pos) => pos.page < page, `page "${p.id}"`);
    p.questions.forEach((q, index) => {
      const earlier = (pos: { page: number; index: number }) =>
        pos.page < page || (pos.page === page && pos.index < index);
      check(q.visibleIf, ['pages', page, 'questions', index, 'visibleIf'], earlier, `question "${q.id}"`, q.id);
      for (const field of ['text', 'help'] as const) {
        for (const [lang, t] of Object.entries(q[field] ?? {})) {
          const bad = pipedIds(t ?? '').find((id) => !position.has(id) || !earlier(position.get(id)!));
          if (bad === q.id) {
            issues.push({
              path: ['pages', page, 'questions', index, field, lang],
              message: `question "${q.id}" pipes "{{${bad}}}", its own answer, which is not given yet when it is shown`,
              kind: 'piping',
              name: bad,
            });
          } else if (bad !== undefined) {
            issues.push({
              path: ['pages', page, 'questions', index, field, lang],
              message: `question "${q.id}" pipes "{{${bad}}}", which is not an earlier question`,
              kind: 'piping',
              name: bad,
            });
          }
        }
      }
    });
  });
  def.screenOuts?.forEach((s, i) => {
    const after = pageIndex.get(s.afterPage);
    if (after === undefined) {
      issues.push({
        path: ['screenOuts', i, 'afterPage'],
        message: `screen-out "${s.id}" follows page "${s.afterPage}", which does not exist`,
        kind: 'page',
        name: s.afterPage,
      });
      return;
    }
    check(s.when, ['screenOuts', i, 'when'], (pos) => pos.page <= after, `screen-out "${s.id}"`);
  });
  return issues;
}
