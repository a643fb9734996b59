import { Show, type JSX } from 'solid-js';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import type { Logic } from '../../../shared/survey/logic';
import type { Page } from '../../../shared/survey/schema';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import LogicEditor, { type LogicSource } from './LogicEditor';
import { textIn } from './definition';

/**
 * One page of the builder: its head (title, move by buttons, Alt+↑/↓ or its drag handle, remove)
 * and its display logic, around the page's questions (the children). A drop on the page moves
 * the dragged page here, or the dragged question to the page's end.
 */
export default function PageBlock(props: {
  page: Page;
  index: number;
  count: number;
  lang: SurveyLanguage;
  readOnly: boolean;
  /** Questions on earlier pages and hidden fields: what the page's logic may read. */
  logicSources: LogicSource[];
  dragging: boolean;
  dropBefore: boolean;
  dropInto: boolean;
  onTitle: (value: string) => void;
  onLogic: (logic: Logic | undefined) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
  onDragStart: (e: DragEvent) => void;
  onDragEnd: () => void;
  onDragOver: (e: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent) => void;
  children: JSX.Element;
}) {
  const { t } = useI18n();
  const movable = () => !props.readOnly && props.count > 1;
  return (
    <section
      class="page-block"
      aria-label={t('editor.pageNumber', { n: props.index + 1 })}
      data-testid="page"
      classList={{ 'is-dragging': props.dragging, 'drop-before': props.dropBefore, 'drop-into': props.dropInto }}
      onDragOver={(e) => props.onDragOver(e)}
      onDragLeave={() => props.onDragLeave()}
      onDrop={(e) => props.onDrop(e)}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Alt+arrow from any focused control in the page head moves the page; the handle itself is a button */}
      <header
        class="page-head"
        onKeyDown={(e) => {
          if (
            !e.altKey ||
            !movable() ||
            (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') ||
            e.target instanceof HTMLSelectElement
          )
            return;
          e.preventDefault();
          props.onMove(e.key === 'ArrowUp' ? -1 : 1);
        }}
      >
        <Show when={movable()}>
          <span
            class="drag-handle"
            draggable="true"
            aria-hidden="true"
            title={t('editor.dragPage')}
            onDragStart={(e) => props.onDragStart(e)}
            onDragEnd={() => props.onDragEnd()}
            data-testid="page-drag"
          >
            ⋮⋮
          </span>
        </Show>
        <h2 class="page-title">{t('editor.pageNumber', { n: props.index + 1 })}</h2>
        <input
          class="input input-quiet page-title-input"
          value={textIn(props.page.title, props.lang)}
          placeholder={t('editor.pageTitlePlaceholder')}
          aria-label={t('editor.pageTitle')}
          onInput={(e) => props.onTitle(e.currentTarget.value)}
        />
        <Show when={movable()}>
          <div class="page-tools">
            <button
              type="button"
              class="icon-btn"
              disabled={props.index === 0}
              onClick={() => props.onMove(-1)}
              aria-label={t('editor.movePageUp')}
              title={`${t('editor.movePageUp')} (Alt+↑)`}
              data-testid="page-up"
            >
              <Icon name="up" />
            </button>
            <button
              type="button"
              class="icon-btn"
              disabled={props.index === props.count - 1}
              onClick={() => props.onMove(1)}
              aria-label={t('editor.movePageDown')}
              title={`${t('editor.movePageDown')} (Alt+↓)`}
              data-testid="page-down"
            >
              <Icon name="down" />
            </button>
            <button
              type="button"
              class="icon-btn icon-btn-danger"
              onClick={() => props.onRemove()}
              aria-label={t('editor.removePage')}
              title={t('editor.removePage')}
              data-testid="remove-page"
            >
              <Icon name="trash" />
            </button>
          </div>
        </Show>
      </header>
      <Show when={props.index > 0}>
        <div class="page-logic">
          <LogicEditor
            logic={props.page.visibleIf}
            sources={props.logicSources}
            lang={props.lang}
            legend={t('editor.logic.pageTitle')}
            onChange={(logic) => props.onLogic(logic)}
            testid="page-logic"
          />
        </div>
      </Show>
      {props.children}
    </section>
  );
}
