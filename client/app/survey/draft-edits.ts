/**
 * The builder's edits to a draft that need more than setting a field: adding, copying, deleting
 * (with undo), retyping questions, their choices and pages, with ids that are never handed out
 * twice in a session, so a new question never inherits an old one's answers.
 */
import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { produce, unwrap, type SetStoreFunction } from 'solid-js/store';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import type { Page, Question, SurveyDefinition } from '../../../shared/survey/schema';
import { choicesOf, makeQuestion, nextId, questionIds, withText, type QuestionKind } from './definition';

export type Deleted =
  | { kind: 'question'; page: number; index: number; question: Question }
  | { kind: 'page'; index: number; page: Page };

/**
 * @param published the question ids of the published version: retyping one of them gives it a new id.
 * @param onPagesChanged called after a page is removed (problems pointing into it are stale).
 */
export function createDraftEdits(
  draft: SurveyDefinition,
  setDraft: SetStoreFunction<SurveyDefinition>,
  lang: () => SurveyLanguage,
  published: readonly string[],
  onPagesChanged: () => void,
) {
  // Ids deleted in this session stay taken.
  const retired = new Set<string>();
  const [deleted, setDeleted] = createSignal<Deleted | null>(null);

  const addQuestion = (page: number, kind: QuestionKind) => {
    const id = nextId('q', [...questionIds(draft), ...draft.hiddenFields, ...retired]);
    setDraft('pages', page, 'questions', (qs) => [...qs, makeQuestion(kind, id, lang())]);
    queueMicrotask(() => {
      const el = document.querySelector<HTMLElement>(`[data-question-id="${id}"]`);
      el?.scrollIntoView({ block: 'nearest' });
      el?.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
    });
  };

  // A copy gets a new id (its answers will mean something of their own) and keeps option ids,
  // which are only ever read together with their question's id.
  const duplicateQuestion = (page: number, index: number) => {
    const copy = structuredClone(unwrap(draft.pages[page].questions[index]));
    copy.id = nextId('q', [...questionIds(draft), ...draft.hiddenFields, ...retired]);
    setDraft(
      'pages',
      page,
      'questions',
      produce((qs) => {
        qs.splice(index + 1, 0, copy);
      }),
    );
  };

  const deleteQuestion = (page: number, index: number) => {
    const question = structuredClone(unwrap(draft.pages[page].questions[index]));
    retired.add(question.id);
    setDraft('pages', page, 'questions', (qs) => qs.filter((_, j) => j !== index));
    setDeleted({ kind: 'question', page, index, question });
  };

  let deletedTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(deleted, (d) => {
      clearTimeout(deletedTimer);
      if (d) deletedTimer = setTimeout(() => setDeleted(null), 8000);
    }),
  );
  onCleanup(() => clearTimeout(deletedTimer));

  const undoDelete = () => {
    const d = deleted();
    if (!d) return;
    if (d.kind === 'page') {
      setDraft(
        'pages',
        produce((pages) => {
          pages.splice(Math.min(d.index, pages.length), 0, d.page);
        }),
      );
    } else {
      const page = Math.min(d.page, draft.pages.length - 1);
      setDraft(
        'pages',
        page,
        'questions',
        produce((qs) => {
          qs.splice(Math.min(d.index, qs.length), 0, d.question);
        }),
      );
    }
    setDeleted(null);
  };

  const publishedIds = new Set(published);

  const changeKind = (page: number, index: number, kind: QuestionKind) => {
    const from = structuredClone(unwrap(draft.pages[page].questions[index]));
    let id = from.id;
    // Answers already collected under this id mean something for the old type; a new type gets a
    // new id so no report reads them as the new one (text and long text store the same answers).
    if (publishedIds.has(id) && makeQuestion(kind, id, lang()).type !== from.type) {
      retired.add(id);
      id = nextId('q', [...questionIds(draft), ...draft.hiddenFields, ...retired]);
    }
    setDraft('pages', page, 'questions', index, makeQuestion(kind, id, lang(), from));
  };

  const choiceList = (q: Question) => {
    const list = choicesOf(q);
    return list
      ? {
          list,
          prefix:
            q.type === 'single' || q.type === 'multiple' || q.type === 'ranking'
              ? 'o'
              : q.type === 'competitor'
                ? 'a'
                : 'i',
        }
      : null;
  };

  const addChoice = (page: number, index: number) =>
    setDraft(
      'pages',
      page,
      'questions',
      index,
      produce((q) => {
        const c = choiceList(q);
        if (!c) return;
        const taken = [...retired].filter((k) => k.startsWith(`${q.id}/`)).map((k) => k.slice(q.id.length + 1));
        const added = {
          id: nextId(c.prefix, [...c.list.map((o) => o.id), ...taken]),
          label: withText(undefined, lang(), ''),
        };
        // A new SERVQUAL item starts in its predecessor's dimension: items are usually added in dimension order.
        c.list.push(
          q.type === 'servqual'
            ? ({ ...added, dimension: q.items.at(-1)?.dimension ?? 'tangibles' } as typeof added)
            : added,
        );
      }),
    );

  const removeChoice = (page: number, index: number, choice: number) =>
    setDraft(
      'pages',
      page,
      'questions',
      index,
      produce((q) => {
        const c = choiceList(q);
        if (!c) return;
        retired.add(`${q.id}/${c.list[choice].id}`);
        c.list.splice(choice, 1);
      }),
    );

  const addPage = () => {
    const id = nextId('p', [...draft.pages.map((p) => p.id), ...retired]);
    setDraft('pages', (pages) => [...pages, { id, questions: [] }]);
  };

  const removePage = (page: number) => {
    const removed = structuredClone(unwrap(draft.pages[page]));
    retired.add(removed.id);
    for (const q of removed.questions) retired.add(q.id);
    setDraft('pages', (pages) => pages.filter((_, j) => j !== page));
    setDeleted({ kind: 'page', index: page, page: removed });
    onPagesChanged();
  };

  return {
    deleted,
    setDeleted,
    addQuestion,
    duplicateQuestion,
    deleteQuestion,
    undoDelete,
    changeKind,
    addChoice,
    removeChoice,
    addPage,
    removePage,
  };
}
