/**
 * Import of a SurveyJS survey JSON (the Creator's "JSON Editor" tab, survey-core's model) for the
 * question types we share. Element names become question ids where they are valid ones; choice
 * values become option ids the same way, and visibleIf expressions are translated through those
 * maps. Everything else is listed in `unmapped` with the element it came from.
 */
import type { Logic } from '../logic';
import { ROLES, type Option, type Question, type Role, type SurveyDefinitionInput, type Text } from '../schema';
import type { SurveyLanguage } from '../survey-language';
import {
  finish,
  holdsCode,
  idMaker,
  ImportError,
  MAX_LANGUAGES,
  note,
  pipeText,
  plain,
  surveyLanguageOf,
  unpipedNote,
  type ImportNote,
  type ImportResult,
  type Unmapped,
} from './common';
import { toLogic, type Resolved } from './expressions';
import { yesNoWords } from './fixed-labels';
import { readScale, scaleNotes } from './scale-direction';
import { importancePair, scaleColumn } from './scale-columns';
import { isIsoDate } from '../iso-date';
import { SCALE_ROLES, type ScaleColumn } from '../more-types';

type Json = Record<string, unknown>;
type Localizable = string | Record<string, string> | undefined;

/** Element properties with behaviour we do not carry over, listed when present. */
const DROPPED_PROPERTIES = [
  'enableIf',
  'requiredIf',
  'validators',
  'defaultValue',
  'correctAnswer',
  'hasComment',
  'showCommentArea',
  'choicesByUrl',
  'choicesVisibleIf',
  'choicesEnableIf',
  'rowsVisibleIf',
  'columnsVisibleIf',
  'inputMask',
] as const;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Whether parsed JSON looks like a SurveyJS survey rather than our own definition. */
export function isSurveyJs(x: unknown): boolean {
  return (
    isObject(x) &&
    !('defaultLanguage' in x) &&
    (Array.isArray(x.pages) || Array.isArray(x.elements) || Array.isArray(x.questions))
  );
}

/**
 * The total a multiple text's number fields must add up to, when its validators say so in the
 * one form that means it: an expression `{name.a} + {name.b} + … = 100` over every field.
 */
function fieldsTotal(el: Json, name: string, fields: readonly string[]): number | undefined {
  const validators = Array.isArray(el.validators) ? el.validators.filter(isObject) : [];
  if (validators.length !== 1 || validators[0].type !== 'expression' || typeof validators[0].expression !== 'string')
    return undefined;
  const m = /^\s*((?:\{[^{}]+\}\s*\+\s*)*\{[^{}]+\})\s*==?\s*(\d+(?:\.\d+)?)\s*$/.exec(validators[0].expression);
  if (!m) return undefined;
  const named = m[1].split('+').map((t) => t.trim().slice(1, -1));
  const sameSet = named.length === fields.length && fields.every((f) => named.includes(`${name}.${f}`));
  return sameSet ? Number(m[2]) : undefined;
}

export function importSurveyJs(input: unknown): ImportResult {
  if (!isSurveyJs(input)) throw new ImportError(note('notSurveyJs'));
  const json = input as Json;
  const unmapped: Unmapped[] = [];
  const lang: SurveyLanguage =
    (typeof json.locale === 'string' && json.locale.trim() && surveyLanguageOf(json.locale)) || 'en';
  const languages = new Set<SurveyLanguage>([lang]);
  const droppedLangs = new Set<string>();
  // SurveyJS's locale codes (fr, pt-br, zh-cn) as our tags, each looked up once.
  const tagOf = new Map<string, SurveyLanguage | null>([['default', lang]]);
  /** Set by text() when a source text held a script or a style sheet, which plain() takes out. */
  let code = false;

  const text = (x: Localizable): Text | undefined => {
    if (x === undefined || x === null) return undefined;
    const out: Record<string, string> = {};
    const entries = typeof x === 'string' ? [['default', x]] : isObject(x) ? Object.entries(x) : [];
    for (const [key, s] of entries) {
      if (typeof s !== 'string' || !s.trim()) continue;
      if (!tagOf.has(key)) tagOf.set(key, surveyLanguageOf(key));
      const l = tagOf.get(key);
      if (!l || (!languages.has(l) && languages.size >= MAX_LANGUAGES)) {
        droppedLangs.add(key);
        continue;
      }
      languages.add(l);
      if (holdsCode(s)) code = true;
      const p = plain(s);
      if (p) out[l] = p;
    }
    return Object.values(out).some((s) => s) ? (out as Text) : undefined;
  };

  const questionId = idMaker('q');
  const hiddenFields = new Map<string, string>();
  type Converted = {
    q: Question;
    values: Map<string, string>;
    items?: Map<string, string>;
    choices?: { raw: string; id: string }[];
  };
  const ids = new Map<string, Converted>();
  type Pending = { q: Question; expression: string; name: string };
  const pending: Pending[] = [];
  const pages: SurveyDefinitionInput['pages'] = [];
  const pageExpressions: { page: number; expression: string; name: string }[] = [];

  const choices = (el: Json, prefix: string): { options: Option[]; values: Map<string, string> } => {
    const makeId = idMaker(prefix);
    const values = new Map<string, string>();
    const options: Option[] = [];
    for (const c of Array.isArray(el.choices) ? el.choices : Array.isArray(el.rows) ? el.rows : []) {
      const value = isObject(c) ? c.value : c;
      if (value === undefined || value === null) continue;
      const id = makeId(String(value));
      values.set(String(value), id);
      options.push({
        id,
        label: text(isObject(c) ? ((c.text as Localizable) ?? String(value)) : String(value)) ?? {
          [lang]: String(value),
        },
      });
    }
    return { options, values };
  };

  /** Set by convert(): expressions in a converted question's text that our piping cannot read. */
  let unpiped: string[] = [];
  /** `values` maps the source's answer values to ours; `items` a matrix's row values to item ids. */
  const convert = (el: Json, name: string): Converted | ImportNote => {
    // More than a question holds is refused before any of it is read: a hostile file may list a million.
    for (const [key, max, code] of [
      ['choices', 200, 'tooManyChoices'],
      ['rows', 100, 'tooManyRows'],
      ['columns', 11, 'tooManyColumns'],
    ] as const) {
      const list = el[key];
      if (Array.isArray(list) && list.length > max && (key !== 'columns' || el.type === 'matrix'))
        return note(code, { n: list.length, max });
    }
    // Only questions already converted can be piped from: those are the earlier ones.
    const title = pipeText(text(el.title as Localizable) ?? { [lang]: name }, (n) => ids.get(n)?.q.id);
    const help = pipeText(text(el.description as Localizable), (n) => ids.get(n)?.q.id);
    unpiped = [...title.unpiped, ...help.unpiped];
    const base = {
      id: '',
      text: title.text!,
      ...(help.text ? { help: help.text } : {}),
      required: el.isRequired === true,
      // Our export keeps a question's report role as a custom property.
      ...(typeof el.role === 'string' && (ROLES as readonly string[]).includes(el.role)
        ? { role: el.role as Role }
        : {}),
    };
    const random = el.choicesOrder === 'random';
    switch (el.type) {
      case 'radiogroup':
      case 'dropdown': {
        const { options, values } = choices(el, 'o');
        if (el.hasNone === true || el.showNoneItem === true) {
          options.push({ id: 'none', label: text(el.noneText as Localizable) ?? { [lang]: 'None' } });
          values.set('none', 'none');
        }
        const other = el.hasOther === true || el.showOtherItem === true;
        const raw = [...values].map(([value, id]) => ({ raw: value, id }));
        if (other) values.set('other', 'other');
        return {
          q: {
            ...base,
            type: 'single',
            options,
            display: el.type === 'dropdown' ? 'dropdown' : 'list',
            randomize: random,
            other,
          },
          values,
          choices: raw,
        };
      }
      case 'checkbox':
      case 'tagbox': {
        const { options, values } = choices(el, 'o');
        if (el.hasOther === true || el.showOtherItem === true)
          unmapped.push({ source: name, ...note('otherWithText') });
        if (el.hasSelectAll === true || el.showSelectAllItem === true)
          unmapped.push({ source: name, ...note('selectAll') });
        const min =
          typeof el.minSelectedChoices === 'number' && el.minSelectedChoices > 0 ? el.minSelectedChoices : undefined;
        const max =
          typeof el.maxSelectedChoices === 'number' && el.maxSelectedChoices > 0 ? el.maxSelectedChoices : undefined;
        return {
          q: {
            ...base,
            type: 'multiple',
            options,
            randomize: random,
            ...(min ? { min } : {}),
            ...(max ? { max } : {}),
          },
          values,
          choices: [...values].map(([raw, id]) => ({ raw, id })),
        };
      }
      case 'ranking': {
        const { options, values } = choices(el, 'o');
        return { q: { ...base, type: 'ranking', options, randomize: random }, values };
      }
      case 'rating': {
        if (Array.isArray(el.rateValues) && el.rateValues.length > 0) {
          const nums = el.rateValues.map((r) => Number(isObject(r) ? r.value : r));
          // Best first (5, 4, 3, 2, 1) keeps each value: our scale shows them lowest first.
          const step = nums.length > 1 && nums[1] < nums[0] ? -1 : 1;
          if (!nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1] + step)))
            return note('ratingNotConsecutive');
          el = { ...el, rateMin: Math.min(...nums), rateMax: Math.max(...nums) };
          // Its descriptions label the ends as shown: the first one shown is then the top point.
          if (step < 0)
            el = { ...el, minRateDescription: el.maxRateDescription, maxRateDescription: el.minRateDescription };
        }
        const min = typeof el.rateMin === 'number' ? el.rateMin : 1;
        const max =
          typeof el.rateMax === 'number' ? el.rateMax : typeof el.rateCount === 'number' ? min + el.rateCount - 1 : 5;
        // SurveyJS has no NPS type: a 0–10 rating worded about recommending is one.
        if (min === 0 && max === 10 && /recommend|nps/i.test(`${name} ${JSON.stringify(el.title ?? '')}`))
          return { q: { ...base, type: 'nps' }, values: new Map() };
        if (min < 0 || min > 1 || max > 11 || max <= min) return note('ratingRange', { min, max });
        const minLabel = text(el.minRateDescription as Localizable);
        const maxLabel = text(el.maxRateDescription as Localizable);
        return {
          q: {
            ...base,
            type: 'rating',
            scale: { min, max, ...(minLabel ? { minLabel } : {}), ...(maxLabel ? { maxLabel } : {}) },
            notApplicable: false,
          },
          values: new Map(),
        };
      }
      case 'matrix': {
        const { options: items, values } = choices({ rows: el.rows }, 'i');
        const columns = Array.isArray(el.columns) ? el.columns : [];
        if (columns.length < 2 || columns.length > 11) return note('matrixColumns', { n: columns.length });
        const colValue = (c: unknown) => String(isObject(c) ? c.value : c);
        const labels = columns.map((c) => text(isObject(c) ? ((c.text as Localizable) ?? String(c.value)) : String(c)));
        const reading = readScale(
          columns.map((c, i) => ({ texts: Object.values(labels[i] ?? {}), value: colValue(c) })),
        );
        const points = reading.points.filter((p) => p !== 'na').length;
        if (points < 2 || reading.min < 0 || reading.max > 11) return note('matrixPoints', { n: points });
        const labelAt = (p: number) => labels[reading.points.indexOf(p)];
        const minLabel = labelAt(reading.min);
        const maxLabel = labelAt(reading.max);
        const shown = (i: number) => labels[i]?.[lang] ?? colValue(columns[i]);
        for (const n of scaleNotes(reading, shown)) unmapped.push({ source: name, ...n });
        // Labels that say more than their point's number are lost between the two ends.
        const lost = reading.points.some(
          (p, i) => p !== 'na' && p !== reading.min && p !== reading.max && shown(i) !== String(p),
        );
        if (lost) unmapped.push({ source: name, ...note('labelsBetween', { min: reading.min, max: reading.max }) });
        return {
          q: {
            ...base,
            type: 'matrix',
            items,
            scale: {
              min: reading.min,
              max: reading.max,
              ...(minLabel ? { minLabel } : {}),
              ...(maxLabel ? { maxLabel } : {}),
            },
            notApplicable: reading.points.includes('na'),
          },
          values: new Map(columns.map((c, i) => [colValue(c), String(reading.points[i])])),
          items: values,
        };
      }
      case 'comment':
        return {
          q: {
            ...base,
            type: 'text',
            multiline: true,
            maxLength: typeof el.maxLength === 'number' && el.maxLength > 0 ? Math.min(el.maxLength, 10_000) : 2000,
          },
          values: new Map(),
        };
      case 'text': {
        if (el.inputType === 'date') {
          const min = typeof el.min === 'string' && isIsoDate(el.min.slice(0, 10)) ? el.min.slice(0, 10) : undefined;
          const max = typeof el.max === 'string' && isIsoDate(el.max.slice(0, 10)) ? el.max.slice(0, 10) : undefined;
          return { q: { ...base, type: 'date', ...(min ? { min } : {}), ...(max ? { max } : {}) }, values: new Map() };
        }
        if (el.inputType === 'number' || el.inputType === 'range') {
          return {
            q: {
              ...base,
              type: 'number',
              integer: el.step === 1,
              ...(typeof el.min === 'number' ? { min: el.min } : {}),
              ...(typeof el.max === 'number' ? { max: el.max } : {}),
            },
            values: new Map(),
          };
        }
        if (el.inputType && !['text', 'email', 'tel', 'url'].includes(String(el.inputType))) {
          unmapped.push({ source: name, ...note('inputTypeText', { type: String(el.inputType) }) });
        }
        return {
          q: {
            ...base,
            type: 'text',
            multiline: false,
            maxLength: typeof el.maxLength === 'number' && el.maxLength > 0 ? Math.min(el.maxLength, 10_000) : 2000,
          },
          values: new Map(),
        };
      }
      case 'boolean': {
        const yesLabel = text((el.labelTrue ?? el.trueText) as Localizable);
        const noLabel = text((el.labelFalse ?? el.falseText) as Localizable);
        // Conditions compare with the boolean's own values, true and false unless it names others.
        const values = new Map([
          [String(el.valueTrue ?? true), 'yes'],
          [String(el.valueFalse ?? false), 'no'],
        ]);
        // Without words of its own, as a LimeSurvey yes/no (fixed-labels.ts, yesNoWords).
        const words = yesNoWords([...languages]);
        return {
          q: {
            ...base,
            type: 'yesno',
            ...((yesLabel ?? words.yesLabel) ? { yesLabel: yesLabel ?? words.yesLabel } : {}),
            ...((noLabel ?? words.noLabel) ? { noLabel: noLabel ?? words.noLabel } : {}),
          },
          values,
        };
      }
      case 'html': {
        const shown = text(el.html as Localizable);
        return shown
          ? { q: { ...base, text: shown, required: false, type: 'info' }, values: new Map() }
          : note('htmlEmpty');
      }
      case 'expression':
        if (!text(el.title as Localizable)) return note('calculatedNoTitle');
        // Its title is what respondents read beside the value; the value itself cannot be computed here.
        unmapped.push({ source: name, ...note('calculatedTitleKept') });
        return { q: { ...base, required: false, type: 'info' }, values: new Map() };
      case 'multipletext': {
        const makeId = idMaker('i');
        const items: Option[] = [];
        const fieldIds = new Map<string, string>();
        const sourceItems = (Array.isArray(el.items) ? el.items : []).filter(isObject);
        for (const it of sourceItems) {
          if (typeof it.name !== 'string') continue;
          const id = makeId(it.name);
          fieldIds.set(it.name, id);
          items.push({ id, label: text((it.title ?? it.name) as Localizable) ?? { [lang]: it.name } });
        }
        if (items.length === 0) return note('fieldsNone');
        const numeric = sourceItems.every((it) => it.inputType === 'number');
        const total = numeric ? fieldsTotal(el, name, [...fieldIds.keys()]) : undefined;
        // Consumed: the generic list of dropped properties must not name it.
        if (total !== undefined) delete el.validators;
        return {
          q: {
            ...base,
            type: 'fields',
            items,
            input: numeric ? 'number' : 'text',
            integer: false,
            maxLength: 200,
            ...(total !== undefined ? { total } : {}),
          },
          values: new Map(),
          items: fieldIds,
        };
      }
      case 'matrixdropdown': {
        const { options: items, values: rowIds } = choices({ rows: el.rows }, 'i');
        const columns = (Array.isArray(el.columns) ? el.columns : []).filter(isObject);
        if (columns.length === 0 || columns.length > 4) return note('scalesColumns', { n: columns.length });
        const scales: ScaleColumn[] = [];
        const scaleId = idMaker('s');
        for (const c of columns) {
          const cell = String(c.cellType ?? el.cellType ?? 'dropdown');
          const colName = String(c.name ?? scaleId('s'));
          const label = text((c.title ?? c.name) as Localizable) ?? { [lang]: colName };
          let answers: { code: string; label: Text }[];
          if (cell === 'rating') {
            const min = typeof c.rateMin === 'number' ? c.rateMin : 1;
            const max =
              typeof c.rateMax === 'number' ? c.rateMax : min + (typeof c.rateCount === 'number' ? c.rateCount : 5) - 1;
            answers = Array.from({ length: Math.max(0, max - min + 1) }, (_, k) => ({
              code: String(min + k),
              label: { [lang]: String(min + k) },
            }));
          } else if (cell === 'dropdown' || cell === 'radiogroup') {
            const list = Array.isArray(c.choices) ? c.choices : Array.isArray(el.choices) ? el.choices : [];
            answers = list.map((x) => ({
              code: String(isObject(x) ? x.value : x),
              label: text(isObject(x) ? ((x.text ?? x.value) as Localizable) : String(x)) ?? {
                [lang]: String(isObject(x) ? x.value : x),
              },
            }));
          } else {
            return note('scaleCellType', { column: colName, cell });
          }
          const made = scaleColumn(scaleId(colName), label, answers);
          if (!made) return note('scalePoints', { column: colName, n: answers.length });
          const role = SCALE_ROLES.find((r) => r === c.role);
          scales.push(role ? { ...made.column, role } : made.column);
        }
        const roles = scales.some((c) => c.role) ? null : importancePair(scales.map((c) => c.label));
        if (roles) {
          for (const [k, c] of scales.entries()) c.role = roles[k];
          unmapped.push({ source: name, ...note('scaleRolesRead') });
        }
        return { q: { ...base, type: 'matrixScales', items, scales }, values: new Map(), items: rowIds };
      }
      case 'image':
        return note('image');
      default:
        return note('surveyJsType', { type: String(el.type) });
    }
  };

  const walk = (elements: unknown, into: Question[]) => {
    for (const el of Array.isArray(elements) ? elements : []) {
      if (!isObject(el)) continue;
      const name = typeof el.name === 'string' ? el.name : String(el.type ?? 'element');
      if (el.type === 'panel') {
        if (el.visibleIf) unmapped.push({ source: name, ...note('panelCondition') });
        walk(el.elements, into);
        continue;
      }
      // survey-core shows a question with visible: false once its visibleIf holds: that is a condition.
      const conditional = typeof el.visibleIf === 'string' && el.visibleIf.trim() !== '';
      // A question never shown holds what code or the link puts there: our hidden field.
      if (el.visible === false && !conditional) {
        const id = questionId(name);
        hiddenFields.set(name, id);
        if (el.type !== 'text' || el.title !== undefined)
          unmapped.push({ source: name, ...note('hiddenField', { id }) });
        continue;
      }
      code = false;
      const r = convert(el, name);
      if (!('q' in r)) {
        unmapped.push({ source: name, ...r });
        continue;
      }
      r.q.id = questionId(name);
      ids.set(name, r);
      if (unpiped.length) unmapped.push({ source: name, ...unpipedNote(unpiped) });
      if (code) unmapped.push({ source: name, ...note('codeRemoved') });
      into.push(r.q);
      if (typeof el.visibleIf === 'string' && el.visibleIf.trim())
        pending.push({ q: r.q, expression: el.visibleIf, name });
      for (const key of DROPPED_PROPERTIES) {
        if (el[key] !== undefined && !(Array.isArray(el[key]) && (el[key] as unknown[]).length === 0))
          unmapped.push({ source: name, ...note('property', { name: key }) });
      }
    }
  };

  const pageId = idMaker('p');
  const sourcePages = Array.isArray(json.pages)
    ? json.pages
    : [{ name: 'page1', elements: json.elements ?? json.questions }];
  sourcePages.forEach((p, i) => {
    if (!isObject(p)) return;
    const questions: Question[] = [];
    walk(p.elements ?? p.questions, questions);
    const title = text(p.title as Localizable);
    const name = typeof p.name === 'string' ? p.name : `page${i + 1}`;
    pages.push({ id: pageId(name), ...(title ? { title } : {}), questions });
    if (typeof p.visibleIf === 'string' && p.visibleIf.trim())
      pageExpressions.push({ page: pages.length - 1, expression: p.visibleIf, name });
  });
  if (pages.length === 0) pages.push({ id: 'p1', questions: [] });

  const resolve = (raw: string): Resolved | null => {
    const [name, item] = raw.split('.');
    const field = hiddenFields.get(raw);
    if (field) return { source: field, integer: false, value: (v) => (typeof v === 'boolean' ? String(v) : v) };
    const hit = ids.get(name);
    if (!hit) return null;
    const q = hit.q;
    const integer =
      q.type === 'rating' || q.type === 'nps' || q.type === 'matrix' || (q.type === 'number' && q.integer);
    if (q.type === 'matrix') {
      if (item === undefined) return null;
      const row = hit.items?.get(item);
      if (!row) return null;
      const point = (v: string | number | boolean) => hit.values.get(String(v));
      return {
        source: `${q.id}.${row}`,
        integer,
        value: (v) => (point(v) === undefined ? undefined : point(v) === 'na' ? 'na' : Number(point(v))),
      };
    }
    if (q.type === 'fields') {
      const field = item === undefined ? undefined : hit.items?.get(item);
      return field
        ? { source: `${q.id}.${field}`, integer: false, value: (v) => (typeof v === 'boolean' ? undefined : v) }
        : null;
    }
    if (q.type === 'matrixScales') return null;
    const choice = q.type === 'single' || q.type === 'multiple' || q.type === 'ranking' || q.type === 'yesno';
    return {
      source: q.id,
      integer,
      choices: hit.choices,
      value: (v) => (choice ? hit.values.get(String(v)) : typeof v === 'boolean' ? undefined : v),
    };
  };
  const logicOf = (
    expression: string,
    name: string,
    dropped: 'conditionDropped' | 'pageConditionDropped' | 'triggerDropped',
  ): Logic | undefined => {
    const r = toLogic(expression, resolve, 'surveyjs');
    if (r.error) unmapped.push({ source: name, ...note(dropped, { expression }, r.error) });
    if (r.caveat) unmapped.push({ source: name, ...note(r.caveat.code, { ...r.caveat.params, expression }) });
    return r.logic;
  };
  for (const p of pending) {
    const logic = logicOf(p.expression, p.name, 'conditionDropped');
    if (logic) p.q.visibleIf = logic;
  }
  for (const p of pageExpressions) {
    const logic = logicOf(p.expression, p.name, 'pageConditionDropped');
    if (logic) pages[p.page].visibleIf = logic;
  }

  // A "complete" trigger ends the survey early: our screen-out, checked after the page holding
  // the last question its condition reads.
  const screenOuts: NonNullable<SurveyDefinitionInput['screenOuts']> = [];
  const outId = idMaker('screen');
  for (const [i, trigger] of (Array.isArray(json.triggers) ? json.triggers : []).entries()) {
    if (!isObject(trigger) || typeof trigger.expression !== 'string') continue;
    const name = `triggers[${i}]`;
    if (trigger.type !== 'complete') {
      unmapped.push({ source: name, ...note('triggerType', { type: String(trigger.type) }) });
      continue;
    }
    const logic = logicOf(trigger.expression, name, 'triggerDropped');
    if (!logic) continue;
    const last = Math.max(
      ...logic.conditions.map((c) => pages.findIndex((p) => p.questions.some((q) => q.id === c.source.split('.')[0]))),
    );
    const onComplete = (Array.isArray(json.completedHtmlOnCondition) ? json.completedHtmlOnCondition : []).find(
      (h) => isObject(h) && h.expression === trigger.expression,
    ) as Json | undefined;
    const message = text(onComplete?.html as Localizable);
    screenOuts.push({
      id: outId('screen_out'),
      afterPage: pages[Math.max(0, last)].id,
      when: logic,
      ...(message ? { message } : {}),
    });
  }

  for (const key of ['calculatedValues', 'variables'] as const) {
    if (Array.isArray(json[key]) && (json[key] as unknown[]).length)
      unmapped.push({ source: 'survey', ...note('calculatedValues', { name: key }) });
  }

  code = false;
  const thankYou = text(json.completedHtml as Localizable);
  const intro = text(json.description as Localizable);
  if (code) unmapped.push({ source: 'survey', ...note('surveyCodeRemoved') });
  const draft: SurveyDefinitionInput = {
    title: text(json.title as Localizable) ?? { [lang]: 'Imported survey' },
    defaultLanguage: lang,
    languages: [...languages],
    hiddenFields: [...hiddenFields.values()],
    ...(intro ? { intro } : {}),
    ...(thankYou ? { thankYou } : {}),
    pages,
    screenOuts,
  };
  for (const key of droppedLangs)
    unmapped.push({ source: 'survey', ...note('languageDropped', { code: key, max: MAX_LANGUAGES }) });
  return finish(draft, unmapped);
}
