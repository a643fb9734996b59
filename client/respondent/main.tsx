import './respondent.css';
import { render } from 'solid-js/web';
import { readSurveyData } from './data';
import { loadLanguage, locale, t } from './i18n';
import { chooseLanguage } from '../../shared/survey/language';
import { Notice } from './Notice';
import { hiddenFromUrl } from '../../shared/survey/hidden';
import { NOTICES } from '../../shared/survey/notices';
import {
  freshProgress,
  loadProgress,
  newClientId,
  openStorage,
  progressKey,
  saveProgress,
  type Progress,
} from './storage';
import { Survey } from './Survey';
import { answersFromForm, carryFocus } from './takeover';
import { decimalMarkOf } from './questions/parse-number';
import type { JSX } from 'solid-js';

async function start(root: HTMLElement) {
  const data = readSurveyData(document.getElementById('survey-data')?.textContent);
  const params = new URLSearchParams(location.search);
  const browser = navigator.languages ?? [navigator.language];

  if (data.kind !== 'open') {
    await loadLanguage(chooseLanguage([params.get('lang'), ...browser]));
    const [title, body] = NOTICES[data.kind];
    takeOver(root, () => <Notice title={t(title)} body={t(body)} />);
    return;
  }

  const survey = data.survey;
  const def = survey.definition;
  const storage = openStorage();
  const invitation = survey.invitation?.state === 'open' ? survey.invitation : null;
  const key = progressKey(survey.slug, survey.versionId, invitation?.token);
  let stored = loadProgress(storage, key);
  // A kiosk never resumes the last person's answers, but still sends a finished one that didn't get through.
  if (survey.kiosk && stored && !(stored.finished && stored.unsent)) stored = null;
  // An invitation opened on a new device (or after storage was cleared) continues from the server's copy.
  stored ??= invitation?.resume ? fromServer(invitation.resume, survey.versionId) : null;
  // A new respondent is the one the server ordered the options for.
  const initial = stored ?? freshProgress(survey.rendered?.clientId ?? newClientId());
  // The invitation's own fields win: the server stores those whatever the link says.
  initial.hidden = { ...initial.hidden, ...hiddenFromUrl(params, def.hiddenFields), ...invitation?.hidden };
  initial.page = Math.min(initial.page, def.pages.length - 1);
  // Kept from the first moment, so a reload before the first save keeps the same respondent id.
  saveProgress(storage, key, initial);

  await loadLanguage(
    chooseLanguage(
      [params.get('lang'), initial.lang, invitation?.lang, ...browser],
      def.languages,
      def.defaultLanguage,
    ),
    def.defaultLanguage,
  );
  const resumed = !!stored && !stored.finished && (stored.page > 0 || Object.keys(stored.answers).length > 0);

  // What was answered on the server's copy of this very page, while it was visible, is kept.
  const form = root.querySelector('form');
  const same =
    survey.rendered?.clientId === initial.clientId && survey.rendered.page === initial.page && !initial.finished;
  const early = same && form && !root.classList.contains('wait');
  if (early) {
    initial.answers = {
      ...initial.answers,
      ...answersFromForm(form, def.pages[initial.page].questions, decimalMarkOf(locale())),
    };
    saveProgress(storage, key, initial);
  }
  const advance = !!early && root.hasAttribute('data-next');
  takeOver(root, () => (
    <Survey survey={survey} initial={initial} resumed={resumed} storage={storage} advance={advance} />
  ));
}

/**
 * Replaces the server's copy of the page in one step: rendered off-screen, then swapped in, so no
 * frame shows half of each; the markup is the same, so nothing moves.
 */
function takeOver(root: HTMLElement, page: () => JSX.Element) {
  const next = document.createElement('div');
  next.id = 'root';
  render(page, next);
  const focused = root.contains(document.activeElement) ? document.activeElement : null;
  root.replaceWith(next);
  carryFocus(focused, next);
}

function fromServer(
  resume: { clientId: string; versionId: number; page: number; answers: Record<string, unknown> },
  versionId: number,
): Progress {
  const p = freshProgress(resume.clientId);
  // Answers to another version may not fit this one's questions: keep the respondent, start over.
  if (resume.versionId !== versionId) return p;
  return { ...p, page: resume.page, answers: resume.answers as Progress['answers'] };
}

// The script is async (index.html), so it never holds back the first paint of the server's copy
// of the page; it takes that copy over once the page is parsed and has been painted.
const go = () => requestAnimationFrame(() => setTimeout(() => void start(document.getElementById('root')!)));
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go);
else go();
