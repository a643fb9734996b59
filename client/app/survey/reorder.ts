import { createSignal } from 'solid-js';
import { produce, type SetStoreFunction } from 'solid-js/store';
import type { AppKey } from '../../../shared/i18n';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import { movePage, moveQuestion, moveQuestionTo, questionIds } from './definition';

export type Drag = { kind: 'question'; page: number; index: number } | { kind: 'page'; index: number };

/**
 * Reordering questions and pages by keyboard (move buttons, Alt+↑/↓) and by drag and drop. The
 * moved card keeps its DOM node, and its new position is announced for screen-reader users.
 * Drop targets are named `q:page:index` (before a question), `end:page` and `p:page` (a page).
 */
export function createReorder(
  draft: SurveyDefinition,
  setDraft: SetStoreFunction<SurveyDefinition>,
  announce: (key: AppKey, params: Record<string, number>) => void,
) {
  const announcePosition = (id: string) => {
    const flat = questionIds(draft);
    announce('editor.movedTo', { n: flat.indexOf(id) + 1, total: flat.length });
  };
  const moveQuestionBy = (page: number, index: number, dir: -1 | 1) => {
    const id = draft.pages[page].questions[index].id;
    setDraft(produce((d) => moveQuestion(d, page, index, dir)));
    announcePosition(id);
  };
  const movePageBy = (page: number, dir: -1 | 1) => {
    if (page + dir < 0 || page + dir >= draft.pages.length) return;
    setDraft(produce((d) => movePage(d, page, page + dir)));
    announce('editor.pageMovedTo', { n: page + dir + 1, total: draft.pages.length });
  };
  const [drag, setDrag] = createSignal<Drag | null>(null);
  const [dropTarget, setDropTarget] = createSignal<string | null>(null);
  const startDrag = (e: DragEvent, what: Drag) => {
    setDrag(what);
    e.dataTransfer?.setData(
      'text/plain',
      what.kind === 'page' ? draft.pages[what.index].id : draft.pages[what.page].questions[what.index].id,
    );
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  };
  const endDrag = () => {
    setDrag(null);
    setDropTarget(null);
  };
  const overQuestion = (e: DragEvent, page: number, index: number) => {
    if (drag()?.kind !== 'question') return;
    e.preventDefault();
    e.stopPropagation();
    setDropTarget(`q:${page}:${index}`);
  };
  const overPage = (e: DragEvent, page: number) => {
    const d = drag();
    if (!d) return;
    e.preventDefault();
    setDropTarget(d.kind === 'page' ? `p:${page}` : `end:${page}`);
  };
  const dropOn = (e: DragEvent, page: number, index?: number) => {
    const d = drag();
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    if (d.kind === 'page') {
      setDraft(produce((def) => movePage(def, d.index, page)));
      announce('editor.pageMovedTo', { n: page + 1, total: draft.pages.length });
    } else {
      const id = draft.pages[d.page].questions[d.index].id;
      setDraft(produce((def) => moveQuestionTo(def, d, { page, index: index ?? def.pages[page].questions.length })));
      announcePosition(id);
    }
    endDrag();
  };

  return {
    drag,
    dropTarget,
    setDropTarget,
    startDrag,
    endDrag,
    overQuestion,
    overPage,
    dropOn,
    moveQuestionBy,
    movePageBy,
  };
}
