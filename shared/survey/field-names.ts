/**
 * A place in a survey definition named as the researcher knows it ("Question 3, the scale's
 * highest point"), never by its API path (`pages[0].questions[2].scale.max`): for settings the
 * editor shows and for those only an imported or API-written file holds.
 */
import type { AppKey, MessageParams } from '../i18n';

type Translate = (key: AppKey, params?: MessageParams) => string;

/** A field by the end of its path, inside a question or the survey; `n` is a listed thing's 1-based place. */
const FIELDS: [RegExp, AppKey][] = [
  [/^scale\.min$/, 'editor.field.scaleMin'],
  [/^scale\.max$/, 'editor.field.scaleMax'],
  [/^scale\.(min|max)Label/, 'editor.field.scaleLabel'],
  [/^(options|brands|attributes|items)\[(\d+)\]\.id$/, 'editor.field.optionName'],
  [/^(options|brands|attributes)\[(\d+)\]/, 'editor.field.option'],
  [/^items\[(\d+)\]/, 'editor.field.item'],
  [/^scales\[(\d+)\]/, 'editor.field.scale'],
  [/^(options|brands)$/, 'editor.field.options'],
  [/^(items|attributes)$/, 'editor.field.items'],
  [/^scales$/, 'editor.field.scales'],
  [/^maxLength$/, 'editor.field.maxLength'],
  [/^min$/, 'editor.field.min'],
  [/^max$/, 'editor.field.max'],
  [/^total$/, 'editor.field.total'],
  [/^id$/, 'editor.field.questionName'],
  [/^type$/, 'editor.field.type'],
  [/^role$/, 'editor.field.role'],
  [/^display$/, 'editor.field.display'],
  [/^(yes|no)Label/, 'editor.field.yesNoLabel'],
  [/^text\b/, 'editor.field.text'],
  [/^help\b/, 'editor.field.help'],
  [/^visibleIf\b/, 'editor.field.condition'],
  [/^hiddenFields\[(\d+)\]/, 'editor.field.hiddenField'],
  [/^hiddenFields$/, 'editor.field.hiddenFields'],
  [/^defaultLanguage$/, 'editor.field.defaultLanguage'],
  [/^languages\b/, 'editor.field.languages'],
  [/^intro\b/, 'editor.field.intro'],
  [/^thankYou\b/, 'editor.field.thankYou'],
  [/^title\b/, 'editor.field.title'],
  [/^pages$/, 'editor.field.pages'],
  [/^questions$/, 'editor.field.questions'],
];

/** The field a path ends at, in words ("the scale's highest point"), or '' when the path names only a place. */
export function fieldWords(t: Translate, path: string): string {
  const clean = path.replace(/^definition\.?/, '');
  const inQuestion = /^pages\[\d+\]\.questions\[\d+\]\.?/.exec(clean);
  const inPage = /^pages\[\d+\]\.?/.exec(clean);
  const rest = inQuestion ? clean.slice(inQuestion[0].length) : inPage ? clean.slice(inPage[0].length) : clean;
  if (!rest) return '';
  if (inPage && !inQuestion) return /^title\b/.test(rest) ? t('editor.field.pageTitle') : '';
  for (const [re, key] of FIELDS) {
    const m = re.exec(rest);
    if (!m) continue;
    const index = m.slice(1).find((g) => g !== undefined && /^\d+$/.test(g));
    return t(key, index === undefined ? {} : { n: Number(index) + 1 });
  }
  return '';
}

/**
 * The place and field of a path: "Question 3, the scale's highest point". `numbers[page][index]` is
 * a question's number as the editor shows it; without them (a file not yet in the editor) the
 * question is named by its page and its place there.
 */
export function pathWords(t: Translate, path: string, numbers?: readonly (readonly number[])[]): string {
  const clean = path.replace(/^definition\.?/, '');
  const q = /^pages\[(\d+)\]\.questions\[(\d+)\]/.exec(clean);
  const p = /^pages\[(\d+)\]/.exec(clean);
  const s = /^screenOuts\[(\d+)\]/.exec(clean);
  const place = q
    ? numbers
      ? t('editor.where.question', { n: numbers[Number(q[1])]?.[Number(q[2])] ?? Number(q[2]) + 1 })
      : t('editor.where.pageQuestion', { page: Number(q[1]) + 1, n: Number(q[2]) + 1 })
    : p
      ? t('editor.where.page', { n: Number(p[1]) + 1 })
      : s
        ? t('editor.where.screenOut', { n: Number(s[1]) + 1 })
        : '';
  const field = fieldWords(t, clean);
  if (place && field) return t('editor.where.placeField', { place, field });
  return place || field || t('editor.where.survey');
}
