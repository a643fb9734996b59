import { createEffect, createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import type { Submission } from '../../shared/api/surveys';
import { validateAnswers, walk, type AnswerIssue, type AnswerValue } from '../../shared/survey/answers';
import { pageView, questionDomId } from '../../shared/survey/page-view';
import { pipe } from '../../shared/survey/piping';
import { languageName } from '../../shared/survey/survey-language';
import type { Question as Q } from '../../shared/survey/schema';
import type { OpenSurvey } from './data';
import { loadLanguage, locale, t, text } from './i18n';
import { issueMessage } from './issues';
import { Notice } from './Notice';
import { NOTICES, REFUSALS, type Unavailable } from '../../shared/survey/notices';
import { addPageTime, buildSubmission } from './payload';
import { Question } from './questions/Question';
import { freshProgress, newClientId, progressKey, saveProgress, type Progress } from './storage';
import { createSender, type Outcome, type SendState } from './submit';

export interface SurveyProps {
  survey: OpenSurvey;
  /** Restored from this device, or fresh. */
  initial: Progress;
  /** The respondent had already answered something here: say so, and offer to start again. */
  resumed: boolean;
  storage: Storage | null;
  /** Next was pressed on the server's copy of the page before this script ran: press it now. */
  advance?: boolean;
}

// Long enough to read the thank-you, short enough that the next person doesn't see it as theirs.
const KIOSK_RESET_MS = 6000;

/** Issues of the given questions' answers, required ones included, as Next and Finish check them. */
function validate(questions: readonly Q[], answers: Progress['answers']) {
  const own = Object.fromEntries(questions.filter((q) => q.id in answers).map((q) => [q.id, answers[q.id]]));
  return validateAnswers(questions, own, { complete: true }).issues;
}

export function Survey(props: SurveyProps) {
  // The survey, the storage and the starting point are fixed for the life of the page.
  const survey = props.survey;
  const def = survey.definition;
  const pages = def.pages;
  const token = survey.invitation?.state === 'open' ? survey.invitation.token : undefined;
  const key = progressKey(survey.slug, survey.versionId, token);

  const [progress, setProgress] = createSignal(props.initial);
  const [errors, setErrors] = createSignal<AnswerIssue[]>([]);
  const [sendState, setSendState] = createSignal<SendState>('idle');
  const [resumed, setResumed] = createSignal(props.resumed);
  const [unavailable, setUnavailable] = createSignal<Unavailable | null>(null);
  let honeypot: HTMLInputElement | undefined;
  let pageShownAt = performance.now();
  let latest: Submission | null = null;

  const update = (change: (p: Progress) => Progress) => {
    const next = change(progress());
    setProgress(next);
    saveProgress(props.storage, key, next);
  };
  // The respondent's path through the display logic, recomputed as answers change: which pages and
  // questions are shown, and whether a screen-out ends the survey.
  const path = createMemo(() => walk(def, progress().answers, progress().hidden));
  const pageIndex = () => Math.min(progress().page, pages.length - 1);
  const page = () => pages[pageIndex()];
  const view = createMemo(() => pageView(def, path(), pageIndex()));
  const shown = (index: number) => pages[index].questions.filter((q) => path().questions.has(q.id));
  const nextPage = () => view().next;
  const previousPage = () => view().previous;
  const isLast = () => nextPage() === undefined;
  const position = () => view().position;
  const total = () => view().total;
  const sending = () => progress().finished && progress().unsent;
  // While the save of the page just left is in flight, a second tap (a double tap) would land on
  // the new page's Next and fail its validation; it is ignored until the server has answered.
  const settling = () => sendState() === 'saving' && !progress().finished;
  const done = () => progress().finished && !progress().unsent;
  const byId = new Map(pages.flatMap((p) => p.questions).map((q) => [q.id, q]));
  const questionOf = (id: string) => byId.get(id);
  const piped = (s: string) => pipe(s, byId, progress().answers, locale(), def.defaultLanguage);
  const errorFor = (id: string) => errors().find((i) => i.questionId === id);
  const message = (issue: AnswerIssue) => {
    const q = questionOf(issue.questionId);
    return q ? t(...issueMessage(q, issue)) : t('validation.required');
  };

  const screenOut = () => def.screenOuts.find((s) => s.id === path().screenedOut);

  const sender = createSender({
    url: survey.preview?.submitUrl ?? `/api/public/s/${encodeURIComponent(survey.slug)}/responses`,
    headers: survey.preview ? { 'X-CSRF-Token': survey.preview.csrf } : undefined,
    events: window,
    onState: setSendState,
    onOutcome: settle,
  });

  function save(complete: boolean) {
    update((p) => ({ ...p, unsent: true }));
    latest = buildSubmission(def, survey.versionId, progress(), {
      complete,
      lang: locale(),
      website: honeypot?.value ?? '',
      invitation: token,
    });
    void sender.send(latest);
  }

  function settle(sent: Submission, outcome: Outcome) {
    if (outcome.ok) {
      const status = outcome.result.status;
      const resumeKey = outcome.resumeKey;
      if (resumeKey) update((p) => ({ ...p, resumeKey }));
      // Screened out or over quota can come back on any page; complete also on a duplicate.
      if (status !== 'partial') update((p) => ({ ...p, finished: true, unsent: false, outcome: status }));
      else if (sent === latest) update((p) => ({ ...p, unsent: false }));
      return;
    }
    const error = outcome.error;
    const refusal = error && REFUSALS[error.code];
    if (refusal) {
      setUnavailable(refusal);
      return;
    }
    // The server's check disagrees with the page's own (the survey can change between visits):
    // take the respondent to the first question it refused, with its message.
    const refused = error?.details ?? [];
    const target = pages.findIndex((p) => p.questions.some((q) => refused.some((i) => i.questionId === q.id)));
    if (outcome.status === 400 && target >= 0) {
      update((p) => ({ ...p, page: target, finished: false, unsent: false }));
      showErrors(refused.filter((i) => pages[target].questions.some((q) => q.id === i.questionId)));
    }
  }

  function showErrors(issues: AnswerIssue[]) {
    const order = page().questions.map((q) => q.id);
    const sorted = [...issues].sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
    setErrors(sorted);
    if (sorted.length) focusQuestion(sorted[0].questionId);
  }

  function focusQuestion(id: string) {
    const el = document.getElementById(questionDomId(id));
    if (!el) return;
    // The first unanswered matrix row, else the group's own tab stop (its checked radio), else the first control.
    const find = (selector: string) => el.querySelector<HTMLElement>(selector);
    const control = find('.miss input') ?? find('input:checked') ?? find('input, select, textarea');
    control?.focus({ preventScroll: true });
    // The question's text, not only its control, should be in view.
    el.scrollIntoView({
      block: 'start',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
  }

  function setAnswer(q: Q, value: AnswerValue | undefined) {
    update((p) => {
      const answers = { ...p.answers };
      if (value === undefined) delete answers[q.id];
      else answers[q.id] = value;
      return { ...p, answers };
    });
    // Once a message is showing, it follows the answer, so fixing it clears it at once.
    if (errorFor(q.id)) {
      const issue = validate([q], progress().answers)[0];
      setErrors((list) =>
        issue ? list.map((i) => (i.questionId === q.id ? issue : i)) : list.filter((i) => i.questionId !== q.id),
      );
    }
  }

  function moveTo(index: number, finished = false) {
    const now = performance.now();
    const leaving = page().id;
    const spent = now - pageShownAt;
    pageShownAt = now;
    update((p) => ({ ...p, page: index, finished, pageTimes: addPageTime(p.pageTimes, leaving, spent) }));
    setErrors([]);
    setResumed(false);
  }

  function announcePage() {
    // Moves screen readers and keyboards to the new page, and phones back to its top.
    window.scrollTo(0, 0);
    document.getElementById('page-label')?.focus({ preventScroll: true });
  }

  function next() {
    if (sending()) {
      if (sendState() === 'failed') save(true);
      return;
    }
    if (settling()) return;
    const target = nextPage();
    if (target !== undefined) {
      const issues = validate(shown(pageIndex()), progress().answers);
      if (issues.length) return showErrors(issues);
      moveTo(target);
      save(false);
      announcePage();
      return;
    }
    // Every page is checked again before finishing: one may have been changed after going back.
    const bad = path().pages.find((i) => validate(shown(i), progress().answers).length > 0);
    if (bad !== undefined && bad !== pageIndex()) {
      moveTo(bad);
      announcePage();
    }
    if (bad !== undefined) return showErrors(validate(shown(bad), progress().answers));
    moveTo(pageIndex(), true);
    save(true);
  }

  function back() {
    const previous = previousPage();
    if (sending() || previous === undefined) return;
    moveTo(previous);
    announcePage();
  }

  function startAgain() {
    pageShownAt = performance.now();
    update((p) => ({ ...freshProgress(p.clientId), hidden: p.hidden, lang: p.lang, resumeKey: p.resumeKey }));
    setErrors([]);
    setResumed(false);
    save(false);
    announcePage();
  }

  async function pickLanguage(lang: string) {
    update((p) => ({ ...p, lang }));
    await loadLanguage(lang, def.defaultLanguage);
  }

  // Time counts while the page is in front of the respondent. What was spent is banked when the
  // tab is hidden, which is also the last moment we reliably get before it is closed.
  const onVisibility = () => {
    const now = performance.now();
    if (document.visibilityState === 'hidden' && !progress().finished) {
      const id = page().id;
      const spent = now - pageShownAt;
      update((p) => ({ ...p, pageTimes: addPageTime(p.pageTimes, id, spent) }));
    }
    pageShownAt = now;
  };
  document.addEventListener('visibilitychange', onVisibility);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisibility));

  // Kiosk: once the response is safely stored, the page starts again for the next person, as a
  // new respondent with nothing of the last one's answers.
  createEffect(() => {
    if (!survey.kiosk || !done()) return;
    const timer = setTimeout(() => {
      pageShownAt = performance.now();
      update((p) => ({ ...freshProgress(newClientId()), hidden: p.hidden }));
      setErrors([]);
      setResumed(false);
      announcePage();
    }, KIOSK_RESET_MS);
    onCleanup(() => clearTimeout(timer));
  });

  // A save that never reached the server (the tab closed while offline) is sent on this visit.
  if (props.initial.unsent) save(props.initial.finished);
  // After the page has replaced the server's copy in the document (main.tsx swaps it in).
  if (props.advance) queueMicrotask(next);

  createEffect(() => {
    if (!done() && !unavailable()) document.title = text(def.title);
  });

  const statusText = () => {
    switch (sendState()) {
      case 'offline':
        return t('status.offline');
      case 'retrying':
        return t('status.retrying');
      case 'failed':
        return t('status.error');
      case 'saving':
        return sending() ? t('status.saving') : '';
      default:
        return '';
    }
  };
  const pageText = () => t('progress.page', { page: position(), total: total() });

  return (
    <Show
      when={!unavailable() && !done()}
      fallback={
        <Show
          when={unavailable()}
          fallback={
            <Notice
              focus
              heading={text(def.title)}
              title={t('end.thanksTitle')}
              body={
                progress().outcome === 'screened-out'
                  ? text(screenOut()?.message) || t('end.screenedOut')
                  : progress().outcome === 'over-quota'
                    ? t('end.overQuota')
                    : // A kiosk's next person must not be told to close the page.
                      text(def.thankYou) || (survey.kiosk ? '' : t('end.thanksBody'))
              }
              after={survey.kiosk ? t('kiosk.next') : undefined}
            />
          }
        >
          {(kind) => (
            <Notice focus heading={text(def.title)} title={t(NOTICES[kind()][0])} body={t(NOTICES[kind()][1])} />
          )}
        </Show>
      }
    >
      <main class="wrap">
        <header class="top">
          <h1>{text(def.title)}</h1>
          <Show when={def.languages.length > 1}>
            <select
              class="lang"
              aria-label={t('language.label')}
              onChange={(e) => void pickLanguage(e.currentTarget.value)}
            >
              <For each={def.languages}>
                {(l) => (
                  <option value={l} lang={l} selected={l === locale()}>
                    {languageName(l)}
                  </option>
                )}
              </For>
            </select>
          </Show>
        </header>

        <Show when={pages.length > 1}>
          <div class="progress">
            <p id="page-label" tabindex="-1">
              {pageText()}
            </p>
            <div
              class="bar"
              role="progressbar"
              aria-label={t('progress.label')}
              aria-valuemin={1}
              aria-valuemax={total()}
              aria-valuenow={position()}
              aria-valuetext={pageText()}
            >
              <div style={{ width: `${(position() / total()) * 100}%` }} />
            </div>
          </div>
        </Show>

        <Show when={resumed()}>
          <p class="note">
            {t('resume.prompt')}{' '}
            <button type="button" class="link" onClick={startAgain}>
              {t('resume.startAgain')}
            </button>
          </p>
        </Show>

        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <Show when={text(page().title)}>{(title) => <h2 class="page-title">{title()}</h2>}</Show>
          <Show when={position() === 1 && text(def.intro)}>{(intro) => <p class="intro pre">{intro()}</p>}</Show>

          <Show when={errors().length > 0}>
            <div class="summary" role="alert">
              <h2>{t('validation.summary', { count: errors().length })}</h2>
              <ul>
                <For each={errors()}>
                  {(issue) => (
                    <li>
                      <a
                        href={`#${questionDomId(issue.questionId)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusQuestion(issue.questionId);
                        }}
                      >
                        {piped(text(questionOf(issue.questionId)?.text))}
                      </a>{' '}
                      {message(issue)}
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </Show>

          <For each={view().questions}>
            {(q) => (
              <Question
                q={q}
                value={progress().answers[q.id]}
                onChange={(value) => setAnswer(q, value)}
                error={errorFor(q.id) && message(errorFor(q.id)!)}
                seed={progress().clientId}
                piped={piped}
              />
            )}
          </For>

          <div class="hp" aria-hidden="true">
            <input ref={honeypot} name="website" tabindex="-1" autocomplete="off" />
          </div>

          <div class="nav">
            <Show when={previousPage() !== undefined}>
              <button type="button" class="btn secondary" disabled={sending()} onClick={back}>
                {t('nav.back')}
              </button>
            </Show>
            <button type="submit" class="btn primary" disabled={settling() || (sending() && sendState() !== 'failed')}>
              {isLast() ? t('nav.finish') : t('nav.next')}
            </button>
          </div>
          <p class="status" role="status">
            {statusText()}
          </p>
        </form>
      </main>
    </Show>
  );
}
