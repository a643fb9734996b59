import './respondent.css';
import { render } from 'solid-js/web';
import { readSurveyData } from './data';
import { loadLanguage, t } from './i18n';
import { chooseLanguage } from './lang';
import { Notice } from './Notice';
import { hiddenFromUrl } from './payload';
import { NOTICES } from './notices';
import { freshProgress, loadProgress, newClientId, openStorage, progressKey, saveProgress, type Progress } from './storage';
import { Survey } from './Survey';

async function start(root: HTMLElement) {
  const data = readSurveyData(document.getElementById('survey-data')?.textContent);
  const params = new URLSearchParams(location.search);
  const browser = navigator.languages ?? [navigator.language];

  if (data.kind !== 'open') {
    await loadLanguage(chooseLanguage([params.get('lang'), ...browser]));
    const [title, body] = NOTICES[data.kind];
    render(() => <Notice title={t(title)} body={t(body)} />, root);
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
  const initial = stored ?? freshProgress(newClientId());
  // The invitation's own fields win: the server stores those whatever the link says.
  initial.hidden = { ...initial.hidden, ...hiddenFromUrl(params, def.hiddenFields), ...invitation?.hidden };
  initial.page = Math.min(initial.page, def.pages.length - 1);
  // Kept from the first moment, so a reload before the first save keeps the same respondent id.
  saveProgress(storage, key, initial);

  await loadLanguage(chooseLanguage([params.get('lang'), initial.lang, invitation?.lang, ...browser], def.languages, def.defaultLanguage), def.defaultLanguage);
  const resumed = !!stored && !stored.finished && (stored.page > 0 || Object.keys(stored.answers).length > 0);
  render(() => <Survey survey={survey} initial={initial} resumed={resumed} storage={storage} />, root);
}

function fromServer(resume: { clientId: string; versionId: number; page: number; answers: Record<string, unknown> }, versionId: number): Progress {
  const p = freshProgress(resume.clientId);
  // Answers to another version may not fit this one's questions: keep the respondent, start over.
  if (resume.versionId !== versionId) return p;
  return { ...p, page: resume.page, answers: resume.answers as Progress['answers'] };
}

void start(document.getElementById('root')!);
