/**
 * Export to a SurveyJS survey JSON: pages and questions of the types SurveyJS shares with us,
 * texts in every survey language (SurveyJS's "default" holds the default language, named by
 * `locale`), display logic as visibleIf expressions and screen-outs as "complete" triggers.
 * Question and option ids become element names and choice values, so answers line up. Hidden
 * fields become hidden text questions (`visible: false`) on the first page, which SurveyJS fills
 * from `survey.setValue()`; a question's report role is kept as a custom `role` property.
 */
import type { Condition, Logic } from '../logic';
import type { Question, SurveyDefinition, Text } from '../schema';
import { note } from './notes';
import type { Unmapped } from './common';

type Json = Record<string, unknown>;

/** SurveyJS's locale code for a survey language: lower case, Chinese by region as SurveyJS names it. */
export const surveyJsLocale = (tag: string) =>
  tag === 'zh-Hans' ? 'zh-cn' : tag === 'zh-Hant' ? 'zh-tw' : tag.toLowerCase();

export function exportSurveyJs(def: SurveyDefinition): { json: Json; skipped: Unmapped[] } {
  const skipped: Unmapped[] = [];
  const byId = new Map(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q]));

  const str = (t: Text | undefined): string | Record<string, string> | undefined => {
    if (!t) return undefined;
    const texts = t as Partial<Record<string, string>>;
    const others = def.languages.filter((l) => l !== def.defaultLanguage && texts[l]?.trim());
    const main = texts[def.defaultLanguage] ?? '';
    if (others.length === 0) return main;
    return { default: main, ...Object.fromEntries(others.map((l) => [surveyJsLocale(l), texts[l]!])) };
  };
  const literal = (x: string | number) =>
    typeof x === 'number' ? String(x) : `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

  const condition = (c: Condition): string => {
    const v = `{${c.source}}`;
    const many = byId.get(c.source)?.type === 'multiple';
    // A yes/no question is a SurveyJS boolean, whose values are true and false.
    const lit =
      byId.get(c.source)?.type === 'yesno'
        ? (x: string | number) => (x === 'yes' ? 'true' : x === 'no' ? 'false' : literal(x))
        : literal;
    // SurveyJS holds "<>" and "noneof" while a question is unanswered; ours only once answered.
    switch (c.op) {
      case 'equals':
        return `${v} ${many ? 'contains' : '='} ${lit(c.value!)}`;
      case 'notEquals':
        return `(${v} notempty and ${v} ${many ? 'notcontains' : '<>'} ${lit(c.value!)})`;
      case 'in':
        return `${v} anyof [${c.values!.map(lit).join(', ')}]`;
      case 'notIn':
        return `(${v} notempty and ${v} noneof [${c.values!.map(lit).join(', ')}])`;
      case 'answered':
        return `${v} notempty`;
      case 'notAnswered':
        return `${v} empty`;
      case 'between': {
        const parts = [
          c.min !== undefined ? `${v} >= ${c.min}` : '',
          c.max !== undefined ? `${v} <= ${c.max}` : '',
        ].filter(Boolean);
        return parts.length > 1 ? `(${parts.join(' and ')})` : parts[0];
      }
    }
  };
  const expression = (logic: Logic) => logic.conditions.map(condition).join(logic.match === 'any' ? ' or ' : ' and ');

  const choices = (os: { id: string; label: Text }[]) => os.map((o) => ({ value: o.id, text: str(o.label) }));
  const scaleColumns = (s: { min: number; max: number; minLabel?: Text; maxLabel?: Text }) =>
    Array.from({ length: s.max - s.min + 1 }, (_, i) => {
      const n = s.min + i;
      const label = n === s.min ? s.minLabel : n === s.max ? s.maxLabel : undefined;
      return label ? { value: n, text: str(label) } : n;
    });

  // Our piping {{q1}} is SurveyJS's {q1}.
  const piped = (t: Text | undefined) => {
    const s = str(t);
    const unpipe = (x: string) => x.replace(/\{\{\s*(\w+)\s*\}\}/g, '{$1}');
    return typeof s === 'string'
      ? unpipe(s)
      : s && Object.fromEntries(Object.entries(s).map(([k, x]) => [k, unpipe(x)]));
  };
  const element = (q: Question): Json | null => {
    const base: Json = {
      name: q.id,
      title: piped(q.text),
      ...(q.help ? { description: piped(q.help) } : {}),
      ...(q.required ? { isRequired: true } : {}),
      ...(q.role ? { role: q.role } : {}),
    };
    if (q.visibleIf) base.visibleIf = expression(q.visibleIf);
    switch (q.type) {
      case 'single':
        return {
          ...base,
          type: q.display === 'dropdown' ? 'dropdown' : 'radiogroup',
          choices: choices(q.options),
          ...(q.other ? { showOtherItem: true } : {}),
          ...(q.randomize ? { choicesOrder: 'random' } : {}),
        };
      case 'multiple':
        return {
          ...base,
          type: 'checkbox',
          choices: choices(q.options),
          ...(q.min ? { minSelectedChoices: q.min } : {}),
          ...(q.max ? { maxSelectedChoices: q.max } : {}),
          ...(q.randomize ? { choicesOrder: 'random' } : {}),
        };
      case 'ranking':
        return {
          ...base,
          type: 'ranking',
          choices: choices(q.options),
          ...(q.randomize ? { choicesOrder: 'random' } : {}),
        };
      case 'rating':
        if (q.notApplicable) skipped.push({ source: q.id, ...note('naRatingNotExported') });
        return {
          ...base,
          type: 'rating',
          rateMin: q.scale.min,
          rateMax: q.scale.max,
          ...(q.scale.minLabel ? { minRateDescription: str(q.scale.minLabel) } : {}),
          ...(q.scale.maxLabel ? { maxRateDescription: str(q.scale.maxLabel) } : {}),
        };
      case 'nps':
        return { ...base, type: 'rating', rateMin: 0, rateMax: 10 };
      case 'matrix':
      case 'importance':
        if (q.type === 'importance' && q.mode === 'sum') return null;
        if (q.type === 'matrix' && q.notApplicable) skipped.push({ source: q.id, ...note('naColumnNotExported') });
        return { ...base, type: 'matrix', columns: scaleColumns(q.scale), rows: choices(q.items) };
      case 'text':
        return { ...base, type: q.multiline ? 'comment' : 'text', maxLength: q.maxLength };
      case 'number':
        return {
          ...base,
          type: 'text',
          inputType: 'number',
          ...(q.min !== undefined ? { min: q.min } : {}),
          ...(q.max !== undefined ? { max: q.max } : {}),
          ...(q.integer ? { step: 1 } : {}),
        };
      case 'info': {
        // SurveyJS shows an html element's markup as markup: our plain text is escaped first.
        const escapeHtml = (x: string) =>
          x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
        const shown = piped(q.text);
        const html =
          typeof shown === 'string'
            ? escapeHtml(shown)
            : shown && Object.fromEntries(Object.entries(shown).map(([k, x]) => [k, escapeHtml(x)]));
        return { name: q.id, type: 'html', html, ...(q.visibleIf ? { visibleIf: base.visibleIf } : {}) };
      }
      case 'date':
        return {
          ...base,
          type: 'text',
          inputType: 'date',
          ...(q.min ? { min: q.min } : {}),
          ...(q.max ? { max: q.max } : {}),
        };
      case 'yesno':
        return {
          ...base,
          type: 'boolean',
          ...(q.yesLabel ? { labelTrue: str(q.yesLabel) } : {}),
          ...(q.noLabel ? { labelFalse: str(q.noLabel) } : {}),
        };
      case 'fields':
        return {
          ...base,
          type: 'multipletext',
          items: q.items.map((i) => ({
            name: i.id,
            title: str(i.label),
            ...(q.input === 'number'
              ? {
                  inputType: 'number',
                  ...(q.min !== undefined ? { min: q.min } : {}),
                  ...(q.max !== undefined ? { max: q.max } : {}),
                }
              : { maxLength: q.maxLength }),
          })),
          ...(q.total !== undefined
            ? {
                validators: [
                  {
                    type: 'expression',
                    expression: `${q.items.map((i) => `{${q.id}.${i.id}}`).join(' + ')} = ${q.total}`,
                  },
                ],
              }
            : {}),
        };
      case 'matrixScales':
        return {
          ...base,
          type: 'matrixdropdown',
          rows: choices(q.items),
          columns: q.scales.map((c) => ({
            name: c.id,
            title: str(c.label),
            cellType: 'dropdown',
            choices: c.pointLabels
              ? c.pointLabels.map((l, k) => ({ value: c.scale.min + k, text: str(l) }))
              : scaleColumns(c.scale),
            // As a question's role: a custom property our import reads back.
            ...(c.role ? { role: c.role } : {}),
          })),
        };
      default:
        return null;
    }
  };

  const hidden: Json[] = def.hiddenFields.map((h) => ({ type: 'text', name: h, visible: false }));
  const pages = def.pages.map((p, i) => ({
    name: p.id,
    ...(p.title ? { title: str(p.title) } : {}),
    ...(p.visibleIf ? { visibleIf: expression(p.visibleIf) } : {}),
    elements: [
      ...(i === 0 ? hidden : []),
      ...p.questions.flatMap((q) => {
        const el = element(q);
        if (!el) skipped.push({ source: q.id, ...note('noSurveyJsCounterpart', { questionType: q.type }) });
        return el ? [el] : [];
      }),
    ],
  }));

  const json: Json = {
    ...(def.defaultLanguage !== 'en' ? { locale: surveyJsLocale(def.defaultLanguage) } : {}),
    title: str(def.title),
    ...(def.intro ? { description: str(def.intro) } : {}),
    pages,
    ...(def.thankYou ? { completedHtml: str(def.thankYou) } : {}),
  };
  if (def.screenOuts.length) {
    json.triggers = def.screenOuts.map((s) => ({ type: 'complete', expression: expression(s.when) }));
    const messages = def.screenOuts
      .filter((s) => s.message)
      .map((s) => ({ expression: expression(s.when), html: str(s.message) }));
    if (messages.length) json.completedHtmlOnCondition = messages;
  }
  return { json, skipped };
}
