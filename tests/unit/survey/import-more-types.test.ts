import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { validateSubmission } from '../../../shared/survey/answers';
import { evaluate } from '../../../shared/survey/logic';
import { SurveyDefinitionSchema, type Question, type SurveyDefinition } from '../../../shared/survey/schema';
import { exportSurveyJs, importSurvey } from '../../../shared/survey/import';

// Hand-written in the tools' own formats (tests/fixtures/import/), not produced by our exporter.
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name), 'utf8');
const question = (def: SurveyDefinition, id: string) =>
  def.pages.flatMap((p) => p.questions).find((q) => q.id === id) as Question;
const types = (def: SurveyDefinition) =>
  Object.fromEntries(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q.type]));
const en = (s: string) => ({ en: s });

describe('SurveyJS import of instructions, booleans, dates, multiple texts and dropdown matrices', () => {
  const r = importSurvey(fixture('surveyjs-more-types.json'));
  const def = r.definition;

  it('maps each element to our type, with its settings', () => {
    expect(types(def)).toEqual({
      intro: 'info',
      returning: 'yesno',
      visit_date: 'date',
      share: 'fields',
      contact_names: 'fields',
      online_why: 'text',
      ipa: 'matrixScales',
      score: 'info',
    });
    // The html element's text is kept as what respondents read, without its markup.
    expect(question(def, 'intro')).toMatchObject({
      text: en('Please think about your last visit to our store.'),
      required: false,
    });
    expect(question(def, 'returning')).toMatchObject({
      yesLabel: en('Yes, I have'),
      noLabel: en('No, first time'),
      required: true,
    });
    expect(question(def, 'visit_date')).toMatchObject({ min: '2026-01-01', max: '2026-12-31' });
    // The validator "{share.online} + {share.store} + {share.phone} = 100" is the fields' total.
    expect(question(def, 'share')).toMatchObject({
      input: 'number',
      total: 100,
      items: [{ id: 'online', label: en('Online') }, { id: 'store' }, { id: 'phone' }],
    });
    expect(question(def, 'contact_names')).toMatchObject({
      input: 'text',
      items: [{ id: 'first', label: en('First name') }, { id: 'last' }],
    });
    expect(question(def, 'score')).toMatchObject({ text: en('Your score') });
  });

  it('keeps each column of a dropdown matrix as a scale: numbers as they are, words as labelled points in order', () => {
    expect(question(def, 'ipa')).toMatchObject({
      items: [
        { id: 'price', label: en('Prices') },
        { id: 'staff', label: en('Staff') },
      ],
      scales: [
        { id: 'importance', label: en('Importance'), scale: { min: 1, max: 5 }, role: 'importance' },
        {
          id: 'satisfaction',
          label: en('Satisfaction'),
          role: 'attribute',
          scale: { min: 1, max: 4 },
          pointLabels: [en('Poor'), en('Fair'), en('Good'), en('Excellent')],
        },
      ],
    });
  });

  it('translates conditions on a boolean and on one field of a multiple text', () => {
    expect(question(def, 'visit_date').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'returning', op: 'equals', value: 'yes' }],
    });
    const logic = question(def, 'online_why').visibleIf;
    expect(logic).toEqual({ match: 'all', conditions: [{ source: 'share.online', op: 'between', min: 50 }] });
    // As SurveyJS evaluates "{share.online} >= 50": shown at 50 and 60, not at 49.5 or before an answer.
    expect(evaluate(logic, { answers: { share: { online: 60, store: 40, phone: 0 } }, hidden: {} })).toBe(true);
    expect(evaluate(logic, { answers: { share: { online: 50, store: 50, phone: 0 } }, hidden: {} })).toBe(true);
    expect(evaluate(logic, { answers: { share: { online: 49.5, store: 50.5, phone: 0 } }, hidden: {} })).toBe(false);
    expect(evaluate(logic, { answers: {}, hidden: {} })).toBe(false);
  });

  it('lists what it could not keep: a matrix of text cells, and the calculated value', () => {
    expect(r.unmapped).toEqual([
      {
        source: 'ipa',
        code: 'scaleRolesRead',
        message: "its two scales read as importance and satisfaction: the report's priorities compare them row by row",
      },
      {
        source: 'notes',
        code: 'scaleCellType',
        params: { column: 'note', cell: 'text' },
        message: 'its column “note” holds text cells; only columns of choices or ratings become scales here',
      },
      {
        source: 'score',
        code: 'calculatedTitleKept',
        message: 'its calculated value is not shown; its title is kept as text',
      },
    ]);
  });

  it('makes a definition our schema accepts, whose answers validate as the source would take them', () => {
    const parsed = v.parse(SurveyDefinitionSchema, def);
    expect(
      validateSubmission(
        parsed,
        {
          returning: 'yes',
          visit_date: '2026-03-02',
          share: { online: 70, store: 20, phone: 10 },
          ipa: { price: { importance: 5, satisfaction: 2 } },
        },
        true,
      ).issues,
    ).toEqual([]);
    expect(
      validateSubmission(parsed, { returning: 'yes', share: { online: 70, store: 20, phone: 5 } }, true).issues.map(
        (i) => i.code,
      ),
    ).toEqual(['constant-sum']);
  });

  it('exports them back to SurveyJS as the same elements, and imports that again unchanged', () => {
    const { json, skipped } = exportSurveyJs(v.parse(SurveyDefinitionSchema, def));
    expect(skipped).toEqual([]);
    const elements = (json.pages as { elements: Record<string, unknown>[] }[]).flatMap((p) => p.elements);
    const byName = Object.fromEntries(elements.map((e) => [e.name, e]));
    expect(byName.intro).toMatchObject({ type: 'html', html: 'Please think about your last visit to our store.' });
    expect(byName.returning).toMatchObject({ type: 'boolean', labelTrue: 'Yes, I have', labelFalse: 'No, first time' });
    expect(byName.visit_date).toMatchObject({
      type: 'text',
      inputType: 'date',
      min: '2026-01-01',
      max: '2026-12-31',
      visibleIf: '{returning} = true',
    });
    expect(byName.share).toMatchObject({
      type: 'multipletext',
      validators: [{ type: 'expression', expression: '{share.online} + {share.store} + {share.phone} = 100' }],
    });
    expect(byName.ipa).toMatchObject({
      type: 'matrixdropdown',
      columns: [
        { name: 'importance', cellType: 'dropdown' },
        { name: 'satisfaction', choices: [{ value: 1, text: 'Poor' }, {}, {}, { value: 4, text: 'Excellent' }] },
      ],
    });
    const again = importSurvey(JSON.stringify(json));
    expect(types(again.definition)).toEqual(types(def));
    for (const id of ['returning', 'visit_date', 'share', 'contact_names', 'ipa'])
      expect(question(again.definition, id)).toEqual(question(def, id));
  });
});

describe('LimeSurvey import of text display, yes/no, date, multiple numerical and short text, dual-scale array', () => {
  const r = importSurvey(fixture('limesurvey-more-types-v6.lss'));
  const def = r.definition;

  it('maps each question type to ours, with its settings', () => {
    expect(types(def)).toEqual({
      INTRO: 'info',
      RETURNING: 'yesno',
      VISITDATE: 'date',
      SHARE: 'fields',
      HELPER: 'fields',
      ONLINEWHY: 'text',
      IPA: 'matrixScales',
    });
    expect(question(def, 'INTRO')).toMatchObject({
      text: en('Please think about your last visit to our store.'),
      required: false,
    });
    // Yes and No are worded by the respondent page in the respondent's language.
    expect(question(def, 'RETURNING')).toEqual(expect.not.objectContaining({ yesLabel: expect.anything() }));
    expect(question(def, 'VISITDATE')).toMatchObject({ min: '2026-01-01' });
    expect(question(def, 'VISITDATE')).not.toHaveProperty('max');
    expect(question(def, 'SHARE')).toMatchObject({
      input: 'number',
      integer: true,
      total: 100,
      required: true,
      items: [
        { id: 'ONLINE', label: en('Online') },
        { id: 'STORE', label: en('In store') },
      ],
    });
    expect(question(def, 'HELPER')).toMatchObject({
      input: 'text',
      maxLength: 40,
      items: [{ id: 'FIRST' }, { id: 'LAST' }],
    });
  });

  it('keeps both scales of a dual-scale array, headed and labelled point by point', () => {
    expect(question(def, 'IPA')).toMatchObject({
      items: [
        { id: 'PRICE', label: en('Prices') },
        { id: 'STAFF', label: en('Staff') },
      ],
      scales: [
        {
          id: 's1',
          label: en('Importance'),
          role: 'importance',
          scale: { min: 1, max: 5 },
          pointLabels: [
            en('Not important'),
            en('Slightly important'),
            en('Important'),
            en('Very important'),
            en('Extremely important'),
          ],
        },
        {
          id: 's2',
          label: en('Satisfaction'),
          role: 'attribute',
          scale: { min: 1, max: 4 },
          pointLabels: [en('Poor'), en('Fair'), en('Good'), en('Excellent')],
        },
      ],
    });
  });

  it('translates relevance on a yes/no and on one field of a multiple numerical input', () => {
    expect(question(def, 'VISITDATE').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'RETURNING', op: 'equals', value: 'yes' }],
    });
    const logic = question(def, 'ONLINEWHY').visibleIf;
    // SHARE takes whole numbers only, so "> 50" is "at least 51".
    expect(logic).toEqual({ match: 'all', conditions: [{ source: 'SHARE.ONLINE', op: 'between', min: 51 }] });
    expect(evaluate(logic, { answers: { SHARE: { ONLINE: 51, STORE: 49 } }, hidden: {} })).toBe(true);
    expect(evaluate(logic, { answers: { SHARE: { ONLINE: 50, STORE: 50 } }, hidden: {} })).toBe(false);
  });

  it('says what it left out (only the latest date, which is an expression) and that it read the scales as importance × satisfaction', () => {
    expect(r.unmapped).toEqual([
      {
        source: 'VISITDATE',
        code: 'dateMaxNotFixed',
        params: { value: '{TODAY}' },
        message: 'its latest date “{TODAY}” is not a fixed date; it was left out',
      },
      {
        source: 'IPA',
        code: 'scaleRolesRead',
        message: "its two scales read as importance and satisfaction: the report's priorities compare them row by row",
      },
    ]);
  });
});

describe('SurveyJS details of the new types', () => {
  it("reads a boolean's own values in conditions, and leaves out a calculated value without a title", () => {
    const r = importSurvey(
      JSON.stringify({
        pages: [
          {
            name: 'p',
            elements: [
              { type: 'boolean', name: 'member', title: 'Member?', valueTrue: 'Y', valueFalse: 'N' },
              { type: 'comment', name: 'why', title: 'Why not?', visibleIf: "{member} = 'N'" },
              { type: 'expression', name: 'calc', expression: '1 + 1' },
            ],
          },
        ],
      }),
    );
    expect(types(r.definition)).toEqual({ member: 'yesno', why: 'text' });
    expect(question(r.definition, 'why').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'member', op: 'equals', value: 'no' }],
    });
    expect(r.unmapped).toEqual([
      {
        source: 'calc',
        code: 'calculatedNoTitle',
        message: 'it is a calculated value without a title; we have no calculated questions',
      },
    ]);
  });
});
