import './respondent.css';
import { render } from 'solid-js/web';
import { readSurveyData } from './data';
import { loadLanguage, t } from './i18n';
import { chooseLanguage } from './lang';
import { Notice } from './Notice';
import { hiddenFromUrl } from './payload';
import { freshProgress, loadProgress, newClientId, openStorage, progressKey, saveProgress } from './storage';
import { Survey } from './Survey';

const NOTICES = {
  'not-found': ['unavailable.notFound.title', 'unavailable.notFound.body'],
  closed: ['unavailable.closed.title', 'unavailable.closed.body'],
  paused: ['unavailable.paused.title', 'unavailable.paused.body'],
} as const;

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
  const key = progressKey(survey.slug, survey.versionId);
  const stored = loadProgress(storage, key);
  const initial = stored ?? freshProgress(newClientId());
  initial.hidden = { ...initial.hidden, ...hiddenFromUrl(params, def.hiddenFields) };
  initial.page = Math.min(initial.page, def.pages.length - 1);
  // Kept from the first moment, so a reload before the first save keeps the same respondent id.
  saveProgress(storage, key, initial);

  await loadLanguage(chooseLanguage([params.get('lang'), initial.lang, ...browser], def.languages, def.defaultLanguage), def.defaultLanguage);
  const resumed = !!stored && !stored.finished && (stored.page > 0 || Object.keys(stored.answers).length > 0);
  render(() => <Survey survey={survey} initial={initial} resumed={resumed} storage={storage} />, root);
}

void start(document.getElementById('root')!);
