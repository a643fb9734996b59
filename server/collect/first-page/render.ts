/**
 * The respondent page as the server sends it: the page the respondent starts on (or, for an
 * invitation answered elsewhere, the page they stopped at), already in their language, so the
 * first question is on screen before any script runs. The bundle then replaces it with the same
 * markup (client/respondent/main.tsx), keeping what was answered meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { createTranslator, loadRespondentMessages, parseAcceptLanguage, LOCALES } from '../../../shared/i18n';
import type { PublicSurvey } from '../../../shared/api/surveys';
import { walk } from '../../../shared/survey/answers';
import { hiddenFromUrl } from '../../../shared/survey/hidden';
import { chooseLanguage } from '../../../shared/survey/language';
import { NOTICES, type Unavailable } from '../../../shared/survey/notices';
import { pageView, progressKey } from '../../../shared/survey/page-view';
import { pipe } from '../../../shared/survey/piping';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';
import { interfaceLocale, languageName } from '../../../shared/survey/survey-language';
import { attrs, el, esc, leaf } from './html';
import { renderQuestion, type RenderContext } from './questions';

export interface FirstPage {
  /** The survey language shown (any tag); the page's own words are in interfaceLocale(lang). */
  lang: string;
  title: string;
  /** The root's inner HTML. */
  html: string;
  /** Attributes of the root element (the boot script's `data-key`). */
  rootAttrs: string;
  /** What was rendered, for the bundle: it takes over only a page it would show itself. */
  rendered?: { clientId: string; page: number };
}

export interface Request {
  query: URLSearchParams;
  acceptLanguage: string | undefined;
}

/** 128 random bits as base64url, like the bundle's own (client/respondent/storage.ts newClientId). */
const newClientId = () => randomBytes(16).toString('base64url');

/** client/respondent/Notice.tsx */
export async function renderNotice(kind: Unavailable, req: Request): Promise<FirstPage> {
  const lang = chooseLanguage([req.query.get('lang'), ...parseAcceptLanguage(req.acceptLanguage)], LOCALES, 'en');
  const t = createTranslator(lang, await loadRespondentMessages(lang));
  const [title, body] = NOTICES[kind];
  const html = el(
    'main',
    { class: 'wrap notice' },
    '<p class="survey-title"></p>' +
      el('h1', { tabindex: '-1' }, esc(t(title))) +
      el('p', { class: 'pre' }, esc(t(body))),
  );
  return { lang, title: t(title), html, rootAttrs: '' };
}

type OpenSurvey = PublicSurvey & { versionId: number; definition: SurveyDefinition };

/** client/respondent/Survey.tsx, on the page a fresh (or invited) respondent starts at. */
export async function renderOpen(survey: OpenSurvey, req: Request): Promise<FirstPage> {
  const def = survey.definition;
  const invitation = survey.invitation?.state === 'open' ? survey.invitation : null;
  const lang = chooseLanguage(
    [req.query.get('lang'), invitation?.lang, ...parseAcceptLanguage(req.acceptLanguage)],
    def.languages,
    def.defaultLanguage,
  );
  const ui = interfaceLocale(lang);
  const t = createTranslator(ui, await loadRespondentMessages(ui));
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, lang, def.defaultLanguage);
  const title = text(def.title);
  // A kiosk never resumes, so it never has a stored page to hide for.
  const rootAttrs = survey.kiosk
    ? ''
    : attrs({ 'data-key': progressKey(survey.slug, survey.versionId, invitation?.token) });

  const resume = invitation?.resume?.versionId === survey.versionId ? invitation.resume : null;
  const clientId = resume?.clientId ?? newClientId();
  const answers = (resume?.answers ?? {}) as RenderContext['answers'];
  const index = Math.min(resume?.page ?? 0, def.pages.length - 1);
  const hidden = { ...hiddenFromUrl(req.query, def.hiddenFields), ...invitation?.hidden };
  const view = pageView(def, walk(def, answers, hidden), index);

  const byId = new Map(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q]));
  const ctx: RenderContext = {
    lang,
    t,
    text,
    piped: (s) => pipe(s, byId, answers, lang, def.defaultLanguage),
    seed: clientId,
    answers,
  };
  const page = def.pages[index];

  const languages =
    def.languages.length > 1
      ? el(
          'select',
          { class: 'lang', 'aria-label': t('language.label') },
          def.languages
            .map((l) => el('option', { value: l, lang: l, selected: l === lang }, esc(languageName(l))))
            .join(''),
        )
      : '';
  const pageText = t('progress.page', { page: view.position, total: view.total });
  const progress =
    def.pages.length > 1
      ? el(
          'div',
          { class: 'progress' },
          el('p', { id: 'page-label', tabindex: '-1' }, esc(pageText)) +
            el(
              'div',
              {
                class: 'bar',
                role: 'progressbar',
                'aria-label': t('progress.label'),
                'aria-valuemin': 1,
                'aria-valuemax': view.total,
                'aria-valuenow': view.position,
                'aria-valuetext': pageText,
              },
              el('div', { style: `width: ${(view.position / view.total) * 100}%;` }),
            ),
        )
      : '';
  const resumed =
    resume && (index > 0 || Object.keys(answers).length > 0)
      ? el(
          'p',
          { class: 'note' },
          `${esc(t('resume.prompt'))} ` + el('button', { type: 'button', class: 'link' }, esc(t('resume.startAgain'))),
        )
      : '';
  const intro = view.position === 1 && text(def.intro) ? el('p', { class: 'intro pre' }, esc(text(def.intro))) : '';
  const nav = el(
    'div',
    { class: 'nav' },
    (view.previous !== undefined ? el('button', { type: 'button', class: 'btn secondary' }, esc(t('nav.back'))) : '') +
      el(
        'button',
        { type: 'submit', class: 'btn primary' },
        esc(view.next === undefined ? t('nav.finish') : t('nav.next')),
      ),
  );
  const form = el(
    'form',
    { novalidate: true },
    (text(page.title) ? el('h2', { class: 'page-title' }, esc(text(page.title))) : '') +
      intro +
      view.questions.map((q) => renderQuestion(q, ctx)).join('') +
      el(
        'div',
        { class: 'hp', 'aria-hidden': 'true' },
        leaf('input', { name: 'website', tabindex: '-1', autocomplete: 'off' }),
      ) +
      nav +
      el('p', { class: 'status', role: 'status' }),
  );
  const html = el(
    'main',
    { class: 'wrap' },
    el('header', { class: 'top' }, el('h1', {}, esc(title)) + languages) + progress + resumed + form,
  );
  return { lang, title, html, rootAttrs, rendered: { clientId, page: index } };
}
