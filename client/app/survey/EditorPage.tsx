import { A, useBeforeLeave, useLocation, useNavigate, useParams } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  onCleanup,
  Show,
  Switch,
} from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import type { SurveyDetail } from '../../../shared/api/surveys';
import { languageName } from '../../../shared/survey/survey-language';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import type { ChangeWarning } from '../../../shared/survey/versioning';
import type { MissingTexts } from '../../../shared/api/errors';
import { useSession } from '../auth/session';
import { api, ApiError } from '../lib/api';
import { ConfirmButton, ErrorBox, Loading } from '../lib/components';
import { errorText } from '../lib/errors';
import { noteText } from '../../../shared/survey/import/notes';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import {
  findProblems,
  KIND_KEY,
  problemAt,
  QUESTION_KINDS,
  questionIds,
  setTextAt,
  textIn,
  withOptionalText,
  withText,
  type DefinitionProblem,
  type QuestionKind,
} from './definition';
import './designer.css';
import type { ImportNotice } from './ImportSurvey';
import PageBlock from './PageBlock';
import PreviewPane from './PreviewPane';
import { placeOf, placesOf, problemWords } from './places';
import { createReorder } from './reorder';
import { createDraftEdits } from './draft-edits';
import { HiddenFields, ScreenOuts } from './SurveyRules';
import Translations from './Translations';
import JsonTransfer, { FORMAT_NAME } from './JsonTransfer';
import Languages from './Languages';
import type { LogicSource } from './LogicEditor';
import OpenLink from './OpenLink';
import QuestionEditor from './QuestionEditor';
import { STATUS_KEY, StatusBadge } from './status';
import { hiddenFieldsOf } from '../../../shared/customers/fields';

const AUTOSAVE_MS = 1500;

export default function EditorPage() {
  const params = useParams();
  const [detail, { refetch }] = createResource(
    () => params.id,
    (id) => api.get('/api/surveys/:id', { params: { id } }),
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={detail.error}>
        <ErrorBox error={detail.error} onRetry={refetch} />
      </Match>
      <Match when={detail()} keyed>
        {(d) => <Editor initial={d} />}
      </Match>
    </Switch>
  );
}

type Status = SurveyDetail['status'];
const COLLECTING: readonly Status[] = ['open', 'paused', 'closed'];

function Editor(props: { initial: SurveyDetail }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const readOnly = () => !session.can('researcher');

  // Seeded once from the server; from here on the store is the truth until the page is left,
  // so a save answering late never overwrites what was typed meanwhile.
  const [draft, setDraft] = createStore<SurveyDefinition>(structuredClone(props.initial.draft));
  const [meta, setMeta] = createSignal(props.initial);
  const [savedJson, setSavedJson] = createSignal(JSON.stringify(props.initial.draft));
  const json = createMemo(() => JSON.stringify(draft));
  const dirty = () => json() !== savedJson();
  const [busy, setBusy] = createSignal<'save' | 'publish' | 'status' | null>(null);
  const [problem, setProblem] = createSignal<DefinitionProblem | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [showPreview, setShowPreview] = createSignal(!readOnly() && window.innerWidth >= 1100);
  const [showTranslations, setShowTranslations] = createSignal(false);
  // Opened straight after an import from the survey list: what the file held that we could not map.
  const [imported, setImported] = createSignal((useLocation().state as ImportNotice | undefined)?.imported ?? null);
  // Moves announced to screen readers, since the card a keyboard user moved keeps its focus.
  const [announcement, setAnnouncement] = createSignal('');
  const lang = () => draft.defaultLanguage;
  const surveyId = props.initial.id;

  // Everything that keeps the draft from being published; the draft itself is saved regardless.
  const problems = createMemo(() => (readOnly() ? [] : findProblems(JSON.parse(json()))));
  // The saved draft is what the preview runs; unfinished, it cannot run.
  const savedUnfinished = createMemo(() => findProblems(JSON.parse(savedJson())).length > 0);
  // Once a problem is pointed at, follow the edits, so the message goes away as soon as it is fixed.
  createEffect(
    on(
      problems,
      (list) => {
        if (problem()) setProblem(list[0] ?? null);
      },
      { defer: true },
    ),
  );

  const numbers = createMemo(() => {
    let n = 0;
    return draft.pages.map((p) => p.questions.map(() => ++n));
  });

  const questionEl = (page: number, index: number) =>
    document.querySelector<HTMLElement>(`[data-question-id="${draft.pages[page]?.questions[index]?.id}"]`);

  const reveal = (p: DefinitionProblem) => {
    queueMicrotask(() => {
      const el =
        p.page !== undefined && p.question !== undefined
          ? questionEl(p.page, p.question)
          : document.getElementById('editor-problem');
      el?.scrollIntoView({ block: 'center' });
      // Most problems are an empty text: the first empty field is where the fix goes.
      const field =
        el?.querySelector<HTMLElement>('textarea:placeholder-shown, input:placeholder-shown') ??
        el?.querySelector<HTMLElement>('textarea, input');
      field?.focus({ preventScroll: true });
    });
  };

  // A draft is saved whatever its state (shared/survey/draft.ts): only what no form can produce
  // (a text past its size limit, say) is refused, and then shown where it is.
  const save = async (): Promise<boolean> => {
    const sent = json();
    setBusy('save');
    setFailure(null);
    try {
      setMeta(
        await api.put('/api/surveys/:id/draft', { params: { id: surveyId }, body: { definition: JSON.parse(sent) } }),
      );
      setSavedJson(sent);
      return true;
    } catch (err) {
      const params = err instanceof ApiError ? err.paramsOf('invalid') : undefined;
      if (err instanceof ApiError && params && err.path?.startsWith('definition')) {
        const p = problemAt(err.path, err.message, params.rule, params.limit);
        setProblem(p);
        reveal(p);
      } else {
        setFailure(err);
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  // Autosave: a quiet save shortly after the last edit, finished or not. An edit made while a save
  // is in flight is saved once that one returns.
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleAutosave = () => {
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => {
      if (!dirty() || readOnly()) return;
      if (busy() !== null) scheduleAutosave();
      else
        void save().then((ok) => {
          if (ok && dirty()) scheduleAutosave();
        });
    }, AUTOSAVE_MS);
  };
  createEffect(on(json, scheduleAutosave, { defer: true }));
  onCleanup(() => clearTimeout(autosaveTimer));

  // Leaving with unsaved edits: inside the app, save them first (any draft can be saved) and ask
  // only if that fails; closing the tab or reloading, send them on the way out and let the
  // browser ask.
  useBeforeLeave((e) => {
    if (e.defaultPrevented || readOnly() || removed || !dirty()) return;
    e.preventDefault();
    void (async () => {
      const ok = busy() === 'save' ? await waitForSave() : await save();
      if (ok || window.confirm(t('editor.leaveUnsaved'))) e.retry(true);
    })();
  });
  const waitForSave = () =>
    new Promise<boolean>((resolve) => {
      const poll = () => (busy() === 'save' ? setTimeout(poll, 50) : resolve(!dirty() || save()));
      poll();
    });
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (readOnly() || !dirty()) return;
    api.sendOnUnload('/api/surveys/:id/draft', { params: { id: surveyId }, body: { definition: JSON.parse(json()) } });
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onBeforeUnload));

  // Changes that touch collected answers and texts missing per language, as the server listed
  // them; publishing again confirms both.
  const [warnings, setWarnings] = createSignal<ChangeWarning[]>([]);
  const [missing, setMissing] = createSignal<MissingTexts[]>([]);
  const publish = async (confirmed = false) => {
    if (questionIds(draft).length === 0) {
      setProblem({ path: '', key: 'editor.problem.noQuestions', rule: 'rule', detail: '' });
      return;
    }
    const first = problems()[0];
    if (first) {
      setProblem(first);
      reveal(first);
      return;
    }
    if (dirty() && !(await save())) return;
    setBusy('publish');
    setFailure(null);
    try {
      setMeta(
        await api.post('/api/surveys/:id/publish', {
          params: { id: surveyId },
          query: { confirm: confirmed ? '1' : undefined },
        }),
      );
      setWarnings([]);
      setMissing([]);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'confirm-changes' || err.code === 'missing-translations')) {
        setWarnings(err.detailsOf('confirm-changes') ?? []);
        setMissing(err.paramsOf('missing-translations')?.missing ?? []);
      } else {
        setFailure(err);
      }
    } finally {
      setBusy(null);
    }
  };

  // Dropping a language the texts are missing in, then publishing what remains.
  const dropLanguage = (language: string) => {
    setDraft('languages', (ls) => ls.filter((l) => l !== language));
    setMissing((m) => m.filter((x) => x.language !== language));
    void publish();
  };

  const setStatus = async (status: Status) => {
    setBusy('status');
    setFailure(null);
    try {
      setMeta(await api.patch('/api/surveys/:id', { params: { id: surveyId }, body: { status } }));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  // A deleted survey has nothing left to save on the way out.
  let removed = false;
  const remove = async () => {
    try {
      await api.delete('/api/surveys/:id', { params: { id: surveyId } });
      removed = true;
      navigate('/surveys');
    } catch (err) {
      setFailure(err);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's' && !readOnly()) {
      e.preventDefault();
      void save();
    }
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const logicSources = (page: number, index: number): LogicSource[] => {
    const earlier = draft.pages
      .flatMap((pg, pi) => pg.questions.map((q, qi) => ({ q, pi, qi, n: numbers()[pi]?.[qi] ?? 0 })))
      // An instructions block has no answer to test.
      .filter(({ q, pi, qi }) => q.type !== 'info' && (pi < page || (pi === page && qi < index)));
    return [
      ...earlier.map(({ q, n }) => ({
        id: q.id,
        label: `${t('editor.questionNumber', { n })} ${textIn(q.text, lang()).slice(0, 40)}`,
        options:
          q.type === 'single' || q.type === 'multiple'
            ? [
                ...q.options,
                ...(q.type === 'single' && q.other
                  ? [{ id: 'other', label: withText(undefined, lang(), t('editor.otherOption')) }]
                  : []),
              ]
            : q.type === 'yesno'
              ? [
                  { id: 'yes', label: q.yesLabel ?? withText(undefined, lang(), t('report.yes')) },
                  { id: 'no', label: q.noLabel ?? withText(undefined, lang(), t('report.no')) },
                ]
              : undefined,
      })),
      ...hiddenFieldsOf(draft).map((h) => ({ id: h, label: h })),
    ];
  };

  const {
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
  } = createReorder(draft, setDraft, (key, params) => setAnnouncement(t(key, params)));

  const {
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
  } = createDraftEdits(
    draft,
    setDraft,
    lang,
    props.initial.version === null ? [] : questionIds(props.initial.draft),
    () => setProblem(null),
  );

  const problemText = (p: DefinitionProblem) => problemWords(t, p);
  const questionPlace = (id: string) => {
    const page = draft.pages.findIndex((pg) => pg.questions.some((q) => q.id === id));
    return page < 0
      ? id
      : placeOf(`pages[${page}].questions[${draft.pages[page].questions.findIndex((q) => q.id === id)}]`, numbers(), t);
  };
  const typeName = (type: string) => (type in KIND_KEY ? t(KIND_KEY[type as QuestionKind]) : type);
  const changeText = (w: ChangeWarning) =>
    w.kind === 'type'
      ? t('editor.change.type', {
          where: questionPlace(w.questionId),
          from: typeName(w.from),
          to: typeName(w.to),
          count: w.count,
        })
      : t('editor.change.option', { where: questionPlace(w.questionId), label: w.label || w.optionId, count: w.count });
  const problemFor = (page: number, index: number) => {
    const p = problem();
    return p && p.page === page && p.question === index ? problemText(p) : null;
  };
  const topProblem = () => {
    const p = problem();
    return p && (p.question === undefined || p.page === undefined) && p.key !== 'editor.problem.title'
      ? problemText(p)
      : null;
  };
  const titleProblem = () => (problem()?.key === 'editor.problem.title' ? problemText(problem()!) : null);

  const saveState = () => (busy() === 'save' ? t('editor.saving') : dirty() ? t('editor.unsaved') : t('editor.saved'));

  return (
    <div class="editor">
      <div class="editor-bar">
        <A href="/surveys" class="back-link">
          <Icon name="back" />
          {t('nav.surveys')}
        </A>
        <div class="editor-bar-state">
          <StatusBadge status={meta().status} />
          <Show when={meta().version !== null}>
            <span class="muted" data-testid="published-version">
              {t('editor.published', { version: meta().version! })}
            </span>
          </Show>
          <Show when={!readOnly()}>
            <span class="save-state" classList={{ 'is-dirty': dirty() }} role="status" data-testid="save-state">
              {saveState()}
            </span>
          </Show>
        </div>
        <div class="editor-bar-actions">
          <A href={`/surveys/${surveyId}/plan`} class="btn btn-quiet" data-testid="editor-plan">
            {t('plan.link')}
          </A>
          <Show when={meta().version !== null}>
            <A href={`/surveys/${surveyId}/distribute`} class="btn btn-quiet" data-testid="editor-distribute">
              {t('distribute.link')}
            </A>
            <A href={`/surveys/${surveyId}/alerts`} class="btn btn-quiet" data-testid="editor-alerts">
              {t('alerts.link')}
            </A>
          </Show>
          <Show when={meta().version !== null}>
            <A href={`/surveys/${surveyId}/report`} class="btn btn-quiet" data-testid="editor-report">
              <Icon name="chart" />
              {t('surveys.action.report')}
            </A>
          </Show>
          <Show when={!readOnly()}>
            <button
              type="button"
              class="btn btn-quiet"
              aria-pressed={showPreview()}
              onClick={() => setShowPreview((x) => !x)}
              data-testid="toggle-preview"
            >
              {t('editor.preview.toggle')}
            </button>
            <button type="button" class="btn" onClick={save} disabled={busy() !== null || !dirty()} data-testid="save">
              {t('editor.save')}
            </button>
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => publish()}
              disabled={busy() !== null || (meta().version !== null && !meta().unpublishedChanges && !dirty())}
              data-testid="publish"
            >
              {meta().version === null ? t('editor.publish') : t('editor.publishChanges')}
            </button>
          </Show>
        </div>
      </div>

      <Show when={failure()}>
        <div class="alert alert-error" role="alert">
          {errorText(t, failure())}
        </div>
      </Show>
      <Show when={warnings().length > 0 || missing().length > 0}>
        <div class="alert alert-info alert-stack" role="alert" data-testid="publish-warnings">
          <Show when={warnings().length > 0}>
            <p>{t('editor.versionWarning')}</p>
            <ul>
              <For each={warnings()}>{(w) => <li>{changeText(w)}</li>}</For>
            </ul>
          </Show>
          <Show when={missing().length > 0}>
            <p>{t('editor.missing.title', { language: languageName(draft.defaultLanguage) })}</p>
            <ul data-testid="missing-translations">
              <For each={missing()}>
                {(m) => (
                  <li data-language={m.language}>
                    <strong>
                      {t('editor.missing.language', { language: languageName(m.language), count: m.paths.length })}
                    </strong>{' '}
                    <span class="muted">
                      {t('editor.missing.where', { places: placesOf(m.paths, numbers(), t).join(', ') })}
                    </span>
                    <Show when={m.language !== draft.defaultLanguage}>
                      {' '}
                      <button
                        type="button"
                        class="btn btn-tiny btn-quiet"
                        onClick={() => dropLanguage(m.language)}
                        disabled={busy() !== null}
                        data-testid="drop-language"
                      >
                        {t('editor.missing.drop', { language: languageName(m.language) })}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => publish(true)}
            disabled={busy() !== null}
            data-testid="publish-confirm"
          >
            {t('editor.publishAnyway')}
          </button>
        </div>
      </Show>
      <Show when={problems().length > 0}>
        <section class="alert alert-info alert-stack" aria-live="polite" data-testid="draft-problems">
          <p>
            <strong>{t('editor.problems.title', { count: problems().length })}</strong> {t('editor.problems.hint')}
          </p>
          <ul>
            <For each={problems()}>
              {(p) => (
                <li>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => {
                      setProblem(p);
                      reveal(p);
                    }}
                    data-testid="draft-problem"
                  >
                    {placeOf(p.path, numbers(), t)}
                  </button>
                  {': '}
                  {problemText(p)}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={imported()}>
        {(r) => (
          <div class="alert alert-info alert-stack" role="status" data-testid="import-notice">
            <p>{t('editor.import.done', { format: FORMAT_NAME[r().format], count: r().unmapped.length })}</p>
            <Show when={r().unmapped.length > 0}>
              <ul class="unmapped">
                <For each={r().unmapped}>
                  {(u) => (
                    <li>
                      <code>{u.source}</code>: {noteText(t, u)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <button type="button" class="btn btn-small" onClick={() => setImported(null)}>
              {t('common.close')}
            </button>
          </div>
        )}
      </Show>
      <Show when={topProblem()}>
        <div class="alert alert-error" role="alert" id="editor-problem" data-testid="editor-problem">
          {topProblem()}
        </div>
      </Show>
      <Show when={meta().version !== null && meta().unpublishedChanges && !dirty() && !readOnly()}>
        <div class="alert alert-info">{t('editor.unpublishedHint')}</div>
      </Show>

      <div class="editor-layout" classList={{ 'with-preview': showPreview() }}>
        <fieldset class="editor-body" disabled={readOnly()}>
          <section class="card survey-head">
            <label class="field-label" for="survey-title">
              {t('editor.surveyTitle')}
            </label>
            <input
              id="survey-title"
              class="input input-title"
              value={textIn(draft.title, lang())}
              onInput={(e) => setDraft('title', withText(draft.title, lang(), e.currentTarget.value))}
              aria-invalid={titleProblem() ? 'true' : undefined}
              data-testid="survey-title"
            />
            <Show when={titleProblem()}>
              <p class="field-error" role="alert">
                {titleProblem()}
              </p>
            </Show>
            <p class="field-hint">{t('editor.textsIn', { language: languageName(lang()) })}</p>
            <Languages
              definition={draft}
              fileName={meta().slug}
              onLanguages={(languages) => setDraft('languages', languages)}
              onDefault={(language) => setDraft('defaultLanguage', language)}
              onImport={(def) => setDraft(reconcile(def))}
            />
            <Show when={draft.languages.length > 1}>
              <div>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-pressed={showTranslations()}
                  onClick={() => setShowTranslations((x) => !x)}
                  data-testid="open-translations"
                >
                  {t('editor.translate.open')}
                </button>
              </div>
            </Show>

            <OpenLink survey={meta()} readOnly={readOnly()} onSaved={setMeta} />
            <Show when={meta().version === null}>
              <p class="field-hint">{t('editor.linkAfterPublish')}</p>
            </Show>
            <Show when={meta().version !== null}>
              <div class="status-row" role="group" aria-label={t('editor.collecting')}>
                <span class="field-label">{t('editor.collecting')}</span>
                <div class="segmented">
                  <For each={COLLECTING}>
                    {(status) => (
                      <button
                        type="button"
                        class="segment"
                        aria-pressed={meta().status === status}
                        disabled={busy() !== null}
                        onClick={() => meta().status !== status && setStatus(status)}
                        data-testid={`status-${status}`}
                      >
                        {t(STATUS_KEY[status])}
                      </button>
                    )}
                  </For>
                </div>
              </div>
            </Show>
          </section>

          <Show when={showTranslations() && draft.languages.length > 1}>
            <Translations
              definition={draft}
              onText={(path, l, value) => setDraft(produce((d) => setTextAt(d, path, l, value)))}
              onClose={() => setShowTranslations(false)}
            />
          </Show>

          <For each={draft.pages}>
            {(page, p) => (
              <PageBlock
                page={page}
                index={p()}
                count={draft.pages.length}
                lang={lang()}
                readOnly={readOnly()}
                logicSources={logicSources(p(), 0)}
                dragging={drag()?.kind === 'page' && (drag() as { index: number }).index === p()}
                dropBefore={dropTarget() === `p:${p()}`}
                dropInto={dropTarget() === `end:${p()}`}
                onTitle={(value) => setDraft('pages', p(), 'title', withOptionalText(page.title, lang(), value))}
                onLogic={(logic) => setDraft('pages', p(), 'visibleIf', logic)}
                onMove={(dir) => movePageBy(p(), dir)}
                onRemove={() => removePage(p())}
                onDragStart={(e) => startDrag(e, { kind: 'page', index: p() })}
                onDragEnd={endDrag}
                onDragOver={(e) => overPage(e, p())}
                onDragLeave={() => dropTarget()?.endsWith(`:${p()}`) && setDropTarget(null)}
                onDrop={(e) => dropOn(e, p())}
              >
                <Show when={page.questions.length === 0}>
                  <p class="page-empty">{t('editor.pageEmpty')}</p>
                </Show>
                <For each={page.questions}>
                  {(question, i) => (
                    <QuestionEditor
                      question={question}
                      number={numbers()[p()]?.[i()] ?? 0}
                      lang={lang()}
                      readOnly={readOnly()}
                      canMoveUp={p() > 0 || i() > 0}
                      canMoveDown={p() < draft.pages.length - 1 || i() < page.questions.length - 1}
                      problem={problemFor(p(), i())}
                      problemOnText={problem()?.key === 'editor.problem.questionText'}
                      edit={(fn) => setDraft('pages', p(), 'questions', i(), produce(fn))}
                      onKind={(kind) => changeKind(p(), i(), kind)}
                      onMove={(dir) => moveQuestionBy(p(), i(), dir)}
                      drag={{
                        dragging:
                          drag()?.kind === 'question' &&
                          (drag() as { page: number }).page === p() &&
                          (drag() as { index: number }).index === i(),
                        target: dropTarget() === `q:${p()}:${i()}`,
                        start: (e) => startDrag(e, { kind: 'question', page: p(), index: i() }),
                        end: endDrag,
                        over: (e) => overQuestion(e, p(), i()),
                        drop: (e) => dropOn(e, p(), i()),
                      }}
                      onDelete={() => deleteQuestion(p(), i())}
                      onDuplicate={() => duplicateQuestion(p(), i())}
                      logicSources={logicSources(p(), i())}
                      onAddChoice={() => addChoice(p(), i())}
                      onRemoveChoice={(c) => removeChoice(p(), i(), c)}
                    />
                  )}
                </For>

                <Show when={!readOnly()}>
                  <AddQuestion onAdd={(kind) => addQuestion(p(), kind)} />
                </Show>
              </PageBlock>
            )}
          </For>

          <HiddenFields definition={draft} onChange={(fields) => setDraft('hiddenFields', fields)} />
          <ScreenOuts
            definition={draft}
            lang={lang()}
            sources={(page) => logicSources(page + 1, 0)}
            // reconcile by id keeps each rule's store node, so its fields keep focus while typing.
            onChange={(fn) =>
              setDraft('screenOuts', reconcile(fn(structuredClone(unwrap(draft.screenOuts))), { key: 'id' }))
            }
          />

          <Show when={!readOnly()}>
            <div class="editor-foot">
              <button type="button" class="btn" onClick={addPage} data-testid="add-page">
                <Icon name="plus" />
                {t('editor.addPage')}
              </button>
              <JsonTransfer
                definition={() => unwrap(draft)}
                fileName={meta().slug}
                onImport={(def) => setDraft(reconcile(def))}
              />
              <ConfirmButton label={t('editor.deleteSurvey')} onConfirm={remove} testid="delete-survey" />
            </div>
          </Show>
        </fieldset>
        <Show when={showPreview() && !readOnly()}>
          <PreviewPane
            surveyId={surveyId}
            languages={[...draft.languages]}
            defaultLanguage={lang()}
            revision={savedJson()}
            unfinished={savedUnfinished()}
          />
        </Show>
      </div>
      <p class="visually-hidden" role="status" data-testid="move-announcement">
        {announcement()}
      </p>

      <Show when={deleted()}>
        <div class="toast" role="status">
          <span>{deleted()?.kind === 'page' ? t('editor.pageDeleted') : t('editor.questionDeleted')}</span>
          <button type="button" class="btn btn-small" onClick={undoDelete} data-testid="undo-delete">
            {t('editor.undo')}
          </button>
          <button type="button" class="icon-btn" onClick={() => setDeleted(null)} aria-label={t('common.close')}>
            <Icon name="close" size={16} />
          </button>
        </div>
      </Show>
    </div>
  );
}

function AddQuestion(props: { onAdd: (kind: QuestionKind) => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [kind, setKind] = createSignal<QuestionKind>('single');
  return (
    <div class="add-question">
      <label class="visually-hidden" for={id}>
        {t('editor.questionType')}
      </label>
      <select
        id={id}
        class="select"
        value={kind()}
        onChange={(e) => setKind(e.currentTarget.value as QuestionKind)}
        data-testid="question-type"
      >
        <For each={QUESTION_KINDS}>{(k) => <option value={k}>{t(KIND_KEY[k])}</option>}</For>
      </select>
      <button type="button" class="btn" onClick={() => props.onAdd(kind())} data-testid="add-question">
        <Icon name="plus" />
        {t('editor.addQuestion')}
      </button>
    </div>
  );
}
