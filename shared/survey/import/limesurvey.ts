/**
 * Import of a LimeSurvey survey structure file (.lss, the XML of "Export → Survey structure"),
 * as LimeSurvey 3 writes it (texts inside the question, group and answer rows, one row per
 * language) and as 4, 5 and 6 write it (texts in question_l10ns, group_l10ns, answer_l10ns).
 * Question groups become pages, question codes become ids, answer and subquestion codes become
 * option and item ids, relevance equations become display logic where our logic can say them.
 */
import type { Logic } from '../logic';
import type { Option, Question, SurveyDefinitionInput, Text } from '../schema';
import {
  finish,
  holdsCode,
  idMaker,
  ImportError,
  MAX_LANGUAGES,
  mapLanguages,
  note,
  pipeText,
  plain,
  unpipedNote,
  type ImportNote,
  type ImportResult,
  type Unmapped,
} from './common';
import type { ImportNoteCode } from './notes';
import { toLogic, type Resolved } from './expressions';
import { fixedLabel, yesNoWords } from './fixed-labels';
import { readScale, scaleNotes } from './scale-direction';
import { importancePair, scaleColumn } from './scale-columns';
import { isIsoDate } from '../iso-date';
import type { ScaleColumn } from '../more-types';
import { child, parseXml, tableRows, XmlError } from './xml';

type Row = Record<string, string>;

/** The LimeSurvey types we cannot import, each with its note for the list of what was left out. */
const UNSUPPORTED: Record<string, ImportNoteCode> = {
  '*': 'lsEquation',
  ':': 'lsArrayNumbers',
  ';': 'lsArrayTexts',
  I: 'lsLanguageSwitch',
  H: 'lsArrayByColumn',
  E: 'lsArrayIncrease',
  C: 'lsArrayYesNo',
  '|': 'lsFileUpload',
};

/** Question attributes that change what respondents see or may answer, which we do not carry over. */
const DROPPED_ATTRIBUTES: Record<string, ImportNoteCode> = {
  array_filter: 'attrArrayFilter',
  array_filter_exclude: 'attrArrayFilter',
  exclude_all_others: 'attrExclusive',
  em_validation_q: 'attrValidation',
  em_validation_sq: 'attrSubValidation',
  equals_num_value: 'attrTotal',
  min_num_value: 'attrMinTotal',
  max_num_value: 'attrMaxTotal',
};

const num = (s: string | undefined) =>
  s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined;

export function importLimeSurvey(xml: string): ImportResult {
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlError) throw new ImportError(note('lssNotXml', { line: err.line }));
    throw err;
  }
  if (doc.name !== 'document' || child(doc, 'LimeSurveyDocType')?.text.trim() !== 'Survey') {
    throw new ImportError(note('lssNotSurvey'));
  }
  const unmapped: Unmapped[] = [];
  const survey = tableRows(doc, 'surveys')[0] ?? {};
  const declared = child(child(doc, 'languages'), 'language')
    ? child(doc, 'languages')!.children.map((l) => l.text.trim())
    : [];
  const base = survey.language?.trim() || declared[0] || 'en';
  const codes = [base, ...(survey.additional_languages ?? '').split(/\s+/), ...declared].filter(
    (c, i, all) => c && all.indexOf(c) === i,
  );
  const { map: langs, dropped } = mapLanguages(codes);
  if (!langs.has(base)) throw new ImportError(note('lssBaseLanguage', { code: base }));
  for (const code of dropped)
    unmapped.push({ source: 'survey', ...note('languageDropped', { code, max: MAX_LANGUAGES }) });
  const lang = langs.get(base)!;
  const surveyLanguages = [...new Set([lang, ...langs.values()])];

  /** A Text from rows keyed by LimeSurvey language; empty texts are skipped. */
  const textOf = (rows: Row[], field: string): Text | undefined => {
    const out: Record<string, string> = {};
    for (const r of rows) {
      const l = langs.get(r.language ?? r.surveyls_language ?? base);
      const s = plain(r[field] ?? '');
      if (l && s) out[l] = s;
    }
    return Object.keys(out).length ? (out as Text) : undefined;
  };
  const group = <K extends string>(rows: Row[], key: K) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) {
      const list = m.get(r[key]);
      if (list) list.push(r);
      else m.set(r[key], [r]);
    }
    return m;
  };

  const questionRows = tableRows(doc, 'questions');
  const subRows = tableRows(doc, 'subquestions');
  // LS 4+ keeps texts apart; LS 3 has them in the rows themselves, one row per language.
  const qTexts = group(tableRows(doc, 'question_l10ns'), 'qid');
  const textRows = (r: Row[]) => (r[0] && qTexts.has(r[0].qid) ? qTexts.get(r[0].qid)! : r);
  const questions = group(questionRows, 'qid');
  const subs = group(subRows, 'parent_qid');
  const answerRows = tableRows(doc, 'answers');
  const answerTexts = group(tableRows(doc, 'answer_l10ns'), 'aid');
  const answersByQ = group(answerRows, 'qid');
  const attributes = group(tableRows(doc, 'question_attributes'), 'qid');
  const attr = (qid: string, name: string) => attributes.get(qid)?.find((a) => a.attribute === name)?.value;

  const groupRows = group(tableRows(doc, 'groups'), 'gid');
  const groupTexts = group(tableRows(doc, 'group_l10ns'), 'gid');
  const settings = tableRows(doc, 'surveys_languagesettings');

  const sorted = (m: Map<string, Row[]>, order: string) =>
    [...m.entries()].sort(([, a], [, b]) => (num(a[0][order]) ?? 0) - (num(b[0][order]) ?? 0));

  const questionId = idMaker('q');
  type Known = {
    q: Question;
    values: Map<string, string | number>;
    items?: Map<string, string>;
    chosen?: Map<string, string>;
    choices?: { raw: string; id: string }[];
  };
  const known = new Map<string, Known>();
  const pending: { q: Question; expression: string; code: string }[] = [];
  const pages: SurveyDefinitionInput['pages'] = [];
  const pageExpressions: { page: number; expression: string; code: string }[] = [];
  const pageId = idMaker('p');
  const hiddenFields = new Map<string, string>();

  /** Options from a question's answers (scale 0) in sort order, and the code → id map. */
  const answerOptions = (qid: string, code: string): { options: Option[]; values: Map<string, string> } => {
    const makeId = idMaker('a');
    const values = new Map<string, string>();
    const rows = (answersByQ.get(qid) ?? []).filter((a) => (a.scale_id ?? '0') === '0');
    const options = sorted(group(rows, 'code'), 'sortorder').map(([c, rs]) => {
      const id = makeId(c);
      values.set(c, id);
      const label = textOf(rs[0].aid && answerTexts.has(rs[0].aid) ? answerTexts.get(rs[0].aid)! : rs, 'answer') ?? {
        [lang]: c,
      };
      return { id, label };
    });
    if ((answersByQ.get(qid) ?? []).some((a) => (a.scale_id ?? '0') !== '0'))
      unmapped.push({ source: code, ...note('secondAnswerScale') });
    return { options, values };
  };
  /** The answer options of one scale of a question (a dual-scale array has two), in sort order. */
  const scaleAnswers = (qid: string, scaleId: string) =>
    sorted(
      group(
        (answersByQ.get(qid) ?? []).filter((a) => (a.scale_id ?? '0') === scaleId),
        'code',
      ),
      'sortorder',
    ).map(([c, rs]) => ({
      code: c,
      label: textOf(rs[0].aid && answerTexts.has(rs[0].aid) ? answerTexts.get(rs[0].aid)! : rs, 'answer') ?? {
        [lang]: c,
      },
    }));
  /** A date attribute (date_min, date_max) when it is a date; LimeSurvey also allows expressions there. */
  const dateAttr = (qid: string, name: string) => {
    const d = attr(qid, name)?.trim().slice(0, 10);
    return isIsoDate(d) ? d : undefined;
  };
  /** Items from a question's subquestions (scale 0) in order, and the code → id map. */
  const subquestions = (qid: string, code: string): { items: Option[]; values: Map<string, string> } => {
    const makeId = idMaker('i');
    const values = new Map<string, string>();
    const rows = (subs.get(qid) ?? []).filter((s) => (s.scale_id ?? '0') === '0');
    const items = sorted(group(rows, 'qid'), 'question_order').map(([, rs]) => {
      const c = rs[0].title;
      const id = makeId(c);
      values.set(c, id);
      return { id, label: textOf(textRows(rs), 'question') ?? { [lang]: c } };
    });
    if ((subs.get(qid) ?? []).some((s) => (s.scale_id ?? '0') !== '0'))
      unmapped.push({ source: code, ...note('secondSubquestionScale') });
    return { items, values };
  };

  /** Set by convert(): expressions in a converted question's text that our piping cannot read. */
  let unpiped: string[] = [];
  const convert = (qid: string, rows: Row[]): Known | ImportNote => {
    const r = rows[0];
    const code = r.title;
    const texts = textRows(rows);
    // Only questions already converted can be piped from: those are the earlier ones.
    const text = pipeText(textOf(texts, 'question') ?? { [lang]: code }, (n) => known.get(n)?.q.id);
    const help = pipeText(textOf(texts, 'help'), (n) => known.get(n)?.q.id);
    unpiped = [...text.unpiped, ...help.unpiped];
    const common = {
      id: '',
      text: text.text!,
      ...(help.text ? { help: help.text } : {}),
      required: r.mandatory === 'Y',
    };
    const random = attr(qid, 'random_order') === '1';
    switch (r.type) {
      case 'L':
      case '!':
      case 'O': {
        const { options, values } = answerOptions(qid, code);
        if (r.type === 'O') unmapped.push({ source: code, ...note('commentBox') });
        const other = r.other === 'Y';
        const choices = [...values].map(([raw, id]) => ({ raw, id }));
        if (other) values.set('-oth-', 'other');
        return {
          q: {
            ...common,
            type: 'single',
            options,
            display: r.type === '!' ? 'dropdown' : 'list',
            randomize: random,
            other,
          },
          values,
          choices,
        };
      }
      case 'M':
      case 'P': {
        const { items, values } = subquestions(qid, code);
        if (r.type === 'P') unmapped.push({ source: code, ...note('commentBoxes') });
        if (r.other === 'Y') unmapped.push({ source: code, ...note('otherWithText') });
        const min = num(attr(qid, 'min_answers'));
        const max = num(attr(qid, 'max_answers'));
        return {
          q: {
            ...common,
            type: 'multiple',
            options: items,
            randomize: random,
            ...(min ? { min } : {}),
            ...(max ? { max } : {}),
          },
          values: new Map(),
          chosen: values,
        };
      }
      case 'F':
      case 'A':
      case 'B': {
        const { items, values: itemValues } = subquestions(qid, code);
        let scale: { min: number; max: number; minLabel?: Text; maxLabel?: Text };
        const values = new Map<string, number | 'na'>();
        let notApplicable = false;
        if (r.type === 'F') {
          const { options } = answerOptions(qid, code);
          const codes = sorted(
            group(
              (answersByQ.get(qid) ?? []).filter((a) => (a.scale_id ?? '0') === '0'),
              'code',
            ),
            'sortorder',
          ).map(([c]) => c);
          const reading = readScale(options.map((o, i) => ({ texts: Object.values(o.label), value: codes[i] })));
          const points = reading.points.filter((p) => p !== 'na').length;
          if (points < 2 || reading.max > 11 || reading.min < 0) return note('lsMatrixPoints', { n: points });
          codes.forEach((c, i) => {
            values.set(c, reading.points[i]);
          });
          notApplicable = reading.points.includes('na');
          const label = (i: number) => options[i].label[lang] ?? Object.values(options[i].label)[0] ?? codes[i];
          for (const n of scaleNotes(reading, label)) unmapped.push({ source: code, ...n });
          const at = (p: number) => options[reading.points.indexOf(p)]?.label;
          const lost = reading.points.some(
            (p, i) => p !== 'na' && p !== reading.min && p !== reading.max && label(i) !== String(p),
          );
          if (lost) unmapped.push({ source: code, ...note('labelsBetween', { min: reading.min, max: reading.max }) });
          scale = { min: reading.min, max: reading.max, minLabel: at(reading.min), maxLabel: at(reading.max) };
        } else {
          scale = { min: 1, max: r.type === 'A' ? 5 : 10 };
          for (let n = scale.min; n <= scale.max; n++) values.set(String(n), n);
        }
        return { q: { ...common, type: 'matrix', items, scale, notApplicable }, values, items: itemValues };
      }
      case 'N': {
        const min = num(attr(qid, 'min_num_value_n'));
        const max = num(attr(qid, 'max_num_value_n'));
        return {
          q: {
            ...common,
            type: 'number',
            integer: attr(qid, 'num_value_int_only') === '1',
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
          },
          values: new Map(),
        };
      }
      case 'S':
      case 'T':
      case 'U': {
        const max = num(attr(qid, 'maximum_chars'));
        return {
          q: {
            ...common,
            type: 'text',
            multiline: r.type !== 'S',
            maxLength: max && max > 0 ? Math.min(max, 10_000) : 2000,
          },
          values: new Map(),
        };
      }
      case '5':
        return { q: { ...common, type: 'rating', scale: { min: 1, max: 5 }, notApplicable: false }, values: new Map() };
      case 'R': {
        const { options, values } = answerOptions(qid, code);
        if (options.length > 20) return note('rankTooMany', { n: options.length, max: 20 });
        return { q: { ...common, type: 'ranking', options, randomize: random }, values };
      }
      case 'Y':
        // The respondent page words yes/no in its five languages; a survey in any other gets the
        // words LimeSurvey itself would show, in every one of its languages (so none falls back).
        return {
          q: { ...common, type: 'yesno', ...yesNoWords(surveyLanguages) },
          values: new Map([
            ['Y', 'yes'],
            ['N', 'no'],
          ]),
        };
      case 'X':
        return { q: { ...common, type: 'info', required: false }, values: new Map() };
      case 'D': {
        const min = dateAttr(qid, 'date_min');
        const max = dateAttr(qid, 'date_max');
        for (const [name, d] of [
          ['date_min', min],
          ['date_max', max],
        ] as const) {
          if (attr(qid, name)?.trim() && !d)
            unmapped.push({
              source: code,
              ...note(name === 'date_min' ? 'dateMinNotFixed' : 'dateMaxNotFixed', { value: attr(qid, name) ?? '' }),
            });
        }
        return { q: { ...common, type: 'date', ...(min ? { min } : {}), ...(max ? { max } : {}) }, values: new Map() };
      }
      case 'K':
      case 'Q': {
        const { items, values: itemValues } = subquestions(qid, code);
        if (r.type === 'Q') {
          const chars = num(attr(qid, 'maximum_chars'));
          return {
            q: {
              ...common,
              type: 'fields',
              items,
              input: 'text',
              integer: false,
              maxLength: chars && chars > 0 ? Math.min(chars, 2000) : 200,
            },
            values: new Map(),
            items: itemValues,
          };
        }
        const min = num(attr(qid, 'min_num_value_n'));
        const max = num(attr(qid, 'max_num_value_n'));
        const total = num(attr(qid, 'equals_num_value'));
        return {
          q: {
            ...common,
            type: 'fields',
            items,
            input: 'number',
            integer: attr(qid, 'num_value_int_only') === '1',
            maxLength: 200,
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
            ...(total !== undefined && total >= 0 ? { total } : {}),
          },
          values: new Map(),
          items: itemValues,
        };
      }
      case '1': {
        const { items, values: itemValues } = subquestions(qid, code);
        const scales: ScaleColumn[] = [];
        for (const [k, header] of ['dualscale_headerA', 'dualscale_headerB'].entries()) {
          const label = textOf(
            (attributes.get(qid) ?? []).filter((a) => a.attribute === header),
            'value',
          ) ?? { [lang]: String(k + 1) };
          const made = scaleColumn(`s${k + 1}`, label, scaleAnswers(qid, String(k)));
          if (!made)
            return note('scalePoints', {
              column: label[lang] ?? String(k + 1),
              n: scaleAnswers(qid, String(k)).length,
            });
          scales.push(made.column);
        }
        const roles = importancePair(scales.map((c) => c.label));
        if (roles) {
          for (const [k, c] of scales.entries()) c.role = roles[k];
          unmapped.push({ source: code, ...note('scaleRolesRead') });
        }
        return { q: { ...common, type: 'matrixScales', items, scales }, values: new Map(), items: itemValues };
      }
      case 'G':
        return {
          q: {
            ...common,
            type: 'single',
            options: [
              { id: 'F', label: fixedLabel('female', surveyLanguages) },
              { id: 'M', label: fixedLabel('male', surveyLanguages) },
            ],
            display: 'list',
            randomize: false,
            other: false,
          },
          values: new Map([
            ['F', 'F'],
            ['M', 'M'],
          ]),
        };
      default:
        return UNSUPPORTED[r.type] ? note(UNSUPPORTED[r.type]) : note('lsType', { type: r.type });
    }
  };

  const groups = sorted(groupRows, 'group_order');
  const byGroup = group(
    questionRows.filter((q) => (q.parent_qid ?? '0') === '0'),
    'gid',
  );
  for (const [gid, rows] of groups) {
    const list: Question[] = [];
    const inGroup = group(byGroup.get(gid) ?? [], 'qid');
    for (const [qid, qrows] of sorted(inGroup, 'question_order')) {
      const code = qrows[0].title;
      if (attr(qid, 'hidden') === '1') {
        // A hidden text or list holds what the link or the panel puts there: our hidden field.
        if (['S', 'T', 'U', 'N', 'L', '!'].includes(qrows[0].type)) {
          const id = questionId(code);
          hiddenFields.set(code, id);
          unmapped.push({ source: code, ...note('hiddenField', { id }) });
        } else {
          unmapped.push({ source: code, ...note('hiddenDropped') });
        }
        continue;
      }
      const k = convert(qid, questions.get(qid) ?? qrows);
      if (!('q' in k)) {
        unmapped.push({ source: code, ...k });
        continue;
      }
      k.q.id = questionId(code);
      known.set(code, k);
      for (const a of attributes.get(qid) ?? []) {
        // A multiple numerical input's required total is kept as the fields' total (when it is a number, not an equation).
        if (k.q.type === 'fields' && a.attribute === 'equals_num_value' && k.q.total !== undefined) continue;
        if (DROPPED_ATTRIBUTES[a.attribute] && a.value?.trim())
          unmapped.push({ source: code, ...note(DROPPED_ATTRIBUTES[a.attribute], { value: a.value }) });
      }
      if (unpiped.length) unmapped.push({ source: code, ...unpipedNote(unpiped) });
      if (textRows(questions.get(qid) ?? qrows).some((t) => holdsCode(t.question ?? '') || holdsCode(t.help ?? ''))) {
        unmapped.push({ source: code, ...note('codeRemoved') });
      }
      list.push(k.q);
      const relevance = qrows[0].relevance?.trim();
      if (relevance && relevance !== '1') pending.push({ q: k.q, expression: relevance, code });
    }
    const gtexts = groupTexts.get(gid) ?? rows;
    const title = textOf(gtexts, 'group_name');
    pages.push({ id: pageId(`g${gid}`), ...(title ? { title } : {}), questions: list });
    const relevance = rows[0].grelevance?.trim();
    if (relevance && relevance !== '1')
      pageExpressions.push({
        page: pages.length - 1,
        expression: relevance,
        code: plain(gtexts[0]?.group_name ?? '') || `group ${gid}`,
      });
  }
  if (pages.length === 0) pages.push({ id: 'p1', questions: [] });

  // The condition designer names answers by survey × group × question id, then the subquestion
  // or answer code: 282267X5X47SH101 is question 47's subquestion SH101.
  const codeOfQid = new Map(questionRows.filter((q) => (q.parent_qid ?? '0') === '0').map((q) => [q.qid, q.title]));
  const fromSgqa = (name: string) => {
    const m = /^\d+X\d+X(\d+)(\w*)$/.exec(name);
    if (!m) return name;
    // The qid runs into the subquestion code (47SH101): take the longest qid prefix we know.
    for (let cut = m[1].length; cut > 0; cut--) {
      const code = codeOfQid.get(m[1].slice(0, cut));
      if (code) {
        const sub = m[1].slice(cut) + m[2];
        return sub ? `${code}_${sub}` : code;
      }
    }
    return name;
  };
  const resolve = (raw: string): Resolved | null => {
    const name = fromSgqa(raw.replace(/\.(NAOK|code|value)$/i, ''));
    const field = hiddenFields.get(name);
    if (field) return { source: field, integer: false, value: (v) => (typeof v === 'boolean' ? String(v) : v) };
    const direct = known.get(name);
    if (direct) {
      const q = direct.q;
      const integer = q.type === 'rating' || (q.type === 'number' && q.integer);
      return {
        source: q.id,
        integer,
        choices: direct.choices,
        value: (v) => (direct.values.size ? direct.values.get(String(v)) : typeof v === 'boolean' ? undefined : v),
      };
    }
    // Q1_other: the text of a list's "Other"; answered means "Other" was chosen.
    if (name.endsWith('_other') || name.endsWith('other')) {
      const parent = known.get(name.replace(/_?other$/, ''));
      if (parent?.values.get('-oth-') === 'other')
        return { source: parent.q.id, integer: false, value: (v) => (v === '' ? undefined : 'other') };
    }
    // Q5_SQ001: a subquestion of a multiple choice (ticked or not) or a row of an array.
    const cut = name.lastIndexOf('_');
    const parent = cut > 0 ? known.get(name.slice(0, cut)) : undefined;
    const sub = name.slice(cut + 1);
    if (parent?.chosen?.has(sub))
      return { source: parent.q.id, integer: false, chosen: parent.chosen.get(sub), value: () => undefined };
    const item = parent?.items?.get(sub);
    if (parent && item && parent.q.type === 'fields') {
      return {
        source: `${parent.q.id}.${item}`,
        integer: parent.q.integer,
        value: (v) => (typeof v === 'boolean' ? undefined : v),
      };
    }
    if (parent && item)
      return {
        source: `${parent.q.id}.${item}`,
        integer: true,
        value: (v) => parent.values.get(String(v)) as number | undefined,
      };
    return null;
  };
  const logicOf = (
    expression: string,
    code: string,
    dropped: 'conditionDropped' | 'pageConditionDropped',
  ): Logic | undefined => {
    const r = toLogic(expression, resolve, 'limesurvey');
    if (r.error) unmapped.push({ source: code, ...note(dropped, { expression }, r.error) });
    if (r.caveat) unmapped.push({ source: code, ...note(r.caveat.code, { ...r.caveat.params, expression }) });
    return r.logic;
  };
  for (const p of pending) {
    const logic = logicOf(p.expression, p.code, 'conditionDropped');
    if (logic) p.q.visibleIf = logic;
  }
  for (const p of pageExpressions) {
    const logic = logicOf(p.expression, p.code, 'pageConditionDropped');
    if (logic) pages[p.page].visibleIf = logic;
  }
  const quotas = tableRows(doc, 'quota');
  if (quotas.length) unmapped.push({ source: 'survey', ...note('quotas', { n: quotas.length }) });
  if (tableRows(doc, 'assessments').length) unmapped.push({ source: 'survey', ...note('assessments') });

  const title = textOf(settings, 'surveyls_title') ?? { [lang]: 'Imported survey' };
  const intro = textOf(settings, 'surveyls_welcometext') ?? textOf(settings, 'surveyls_description');
  const thankYou = textOf(settings, 'surveyls_endtext');
  const draft: SurveyDefinitionInput = {
    title,
    defaultLanguage: lang,
    languages: surveyLanguages,
    hiddenFields: [...hiddenFields.values()],
    ...(intro ? { intro } : {}),
    ...(thankYou ? { thankYou } : {}),
    pages,
  };
  return finish(draft, unmapped);
}
