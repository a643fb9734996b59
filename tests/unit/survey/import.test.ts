import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { evaluate } from '../../../shared/survey/logic';
import { SurveyDefinitionSchema, type Question, type SurveyDefinition } from '../../../shared/survey/schema';
import { exportSurveyJs, ImportError, importSurvey } from '../../../shared/survey/import';
import { toLogic } from '../../../shared/survey/import/expressions';
import { parseXml } from '../../../shared/survey/import/xml';

// Hand-written in the tools' own formats (tests/fixtures/import/), not produced by our exporter.
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name), 'utf8');
const question = (def: SurveyDefinition, id: string) =>
  def.pages.flatMap((p) => p.questions).find((q) => q.id === id) as Question;
const sourcesOf = (unmapped: { source: string }[]) => unmapped.map((u) => u.source);

describe('SurveyJS import', () => {
  const r = importSurvey(fixture('surveyjs-hotel.json'));
  const def = r.definition;

  it('recognises the format and keeps pages, titles and every language, German included', () => {
    expect(r.format).toBe('surveyjs');
    expect(def.pages.map((p) => p.id)).toEqual(['screening', 'stay', 'loyalty', 'business']);
    expect(def.title).toEqual({
      en: 'Hotel stay feedback',
      it: 'Il suo soggiorno in hotel',
      de: 'Ihr Hotelaufenthalt',
    });
    expect(def.languages).toEqual(['en', 'it', 'de']);
    // completedHtml "<h3>Thank you!</h3><p>Your answers help us improve.</p>" as plain text
    expect(def.thankYou).toEqual({ en: 'Thank you!\nYour answers help us improve.' });
  });

  it('maps each shared type to ours', () => {
    const types = Object.fromEntries(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q.type]));
    expect(types).toEqual({
      adult: 'yesno',
      visit_purpose: 'single',
      overall: 'rating',
      aspects: 'matrix',
      breakfast_why: 'text',
      welcome_note: 'info',
      facilities: 'multiple',
      room_type: 'single',
      nights: 'number',
      checkin_date: 'date',
      nights_label: 'info',
      nps: 'nps',
      nps_reason: 'text',
      priorities: 'ranking',
      upgrade_offer: 'text',
      invoice: 'single',
    });
    expect(question(def, 'visit_purpose')).toMatchObject({
      other: true,
      required: true,
      options: [{ id: 'business', label: { en: 'Business', it: 'Lavoro' } }, {}, {}],
    });
    expect(question(def, 'room_type')).toMatchObject({
      display: 'dropdown',
      options: [{ id: 'o1' }, { id: 'o2' }, { id: 'o3' }],
    });
    expect(question(def, 'facilities')).toMatchObject({ max: 3, randomize: true });
    expect(question(def, 'overall')).toMatchObject({
      scale: { min: 1, max: 5, minLabel: { en: 'Very dissatisfied' }, maxLabel: { en: 'Very satisfied' } },
    });
    expect(question(def, 'aspects')).toMatchObject({
      items: [{ id: 'cleanliness' }, { id: 'staff' }, { id: 'breakfast' }],
      scale: { min: 1, max: 5, minLabel: { en: 'Poor' }, maxLabel: { en: 'Excellent' } },
    });
    expect(question(def, 'nights')).toMatchObject({ type: 'number', min: 1, max: 60, integer: true });
    expect(question(def, 'breakfast_why')).toMatchObject({ multiline: true, maxLength: 500 });
    // SurveyJS's {nps} in a title is our piping.
    expect(question(def, 'nps_reason').text).toEqual({ en: 'What is the main reason for your score of {{nps}}?' });
  });

  it('translates visibleIf strings into our logic, with option ids and matrix rows', () => {
    expect(question(def, 'nps_reason').visibleIf).toEqual({
      match: 'all',
      conditions: [
        { source: 'nps', op: 'between', max: 6 },
        { source: 'visit_purpose', op: 'in', values: ['business', 'other'] },
      ],
    });
    expect(question(def, 'breakfast_why').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'aspects.breakfast', op: 'between', max: 2 }],
    });
    expect(def.pages[3].visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'visit_purpose', op: 'equals', value: 'business' }],
    });
    // The "complete" trigger on {adult} = false ends the survey after the page holding "adult".
    expect(def.screenOuts).toEqual([
      {
        id: 'screen_out',
        afterPage: 'screening',
        when: { match: 'all', conditions: [{ source: 'adult', op: 'equals', value: 'no' }] },
        message: { en: 'Sorry, this survey is for guests aged 18 or over.' },
      },
    ]);
  });

  it('lists what it could not map, naming the element and why', () => {
    expect(r.unmapped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'nights_label',
          code: 'calculatedTitleKept',
          message: 'its calculated value is not shown; its title is kept as text',
        }),
        expect.objectContaining({
          source: 'upgrade_offer',
          code: 'conditionDropped',
          reason: { code: 'exprMixed' },
          message: expect.stringMatching(/mixes “and” with “or”.*will now always show/),
        }),
        expect.objectContaining({ source: 'overall', code: 'property', params: { name: 'hasComment' } }),
        // Fair, Good and Very good sit between Poor = 1 and Excellent = 5, which alone keep labels.
        expect.objectContaining({
          source: 'aspects',
          code: 'labelsBetween',
          message: expect.stringMatching(/labels in between are not kept/),
        }),
      ]),
    );
    expect(r.unmapped).toHaveLength(4);
  });
});

describe('LimeSurvey import', () => {
  it('reads a LimeSurvey 6 .lss (texts in *_l10ns tables) with both languages', () => {
    const r = importSurvey(fixture('limesurvey-hotel-v6.lss'));
    const def = r.definition;
    expect(r.format).toBe('limesurvey');
    expect(def.languages).toEqual(['en', 'it']);
    expect(def.pages.map((p) => p.title?.en)).toEqual(['About your visit', 'Your stay', 'Priorities']);
    expect(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q.type])).toEqual([
      ['VISIT', 'single'],
      ['FACIL', 'multiple'],
      ['ASPECTS', 'matrix'],
      ['OVERALL', 'rating'],
      ['NIGHTS', 'number'],
      ['BREAKWHY', 'text'],
      ['PRIORITY', 'ranking'],
      ['SPAWHY', 'text'],
      ['RETURNWHY', 'text'],
      ['BIZNOTE', 'text'],
      ['SPEND', 'fields'],
    ]);
    expect(question(def, 'VISIT')).toMatchObject({
      other: true,
      help: { en: 'Choose one.', it: 'Scegli una risposta.' },
      options: [{ id: 'BUS', label: { en: 'Business', it: 'Lavoro' } }, { id: 'LEI' }, { id: 'EVT' }],
    });
    expect(question(def, 'FACIL')).toMatchObject({
      options: [{ id: 'GYM' }, { id: 'SPA' }, { id: 'POOL' }],
      max: 2,
      randomize: true,
      required: false,
    });
    expect(question(def, 'ASPECTS')).toMatchObject({
      items: [{ id: 'SQ001', label: { it: 'Pulizia della camera' } }, {}, {}],
      scale: { min: 1, max: 5, minLabel: { en: 'Poor' }, maxLabel: { en: 'Excellent' } },
    });
    expect(question(def, 'OVERALL')).toMatchObject({
      type: 'rating',
      scale: { min: 1, max: 5 },
      text: { en: 'Overall, how satisfied were you with your stay?' },
    });
    expect(question(def, 'NIGHTS')).toMatchObject({ min: 1, max: 60, integer: true });
    expect(question(def, 'BREAKWHY')).toMatchObject({ multiline: true });
    // {OVERALL.shown} pipes the earlier answer; the equation's {NIGHTS * 2} is not piping and went with it.
    expect(question(def, 'RETURNWHY').text.en).toBe(
      'You rated your stay {{OVERALL}} out of 5. What would bring you back?',
    );
    expect(def.thankYou).toEqual({
      en: 'Thank you! Your answers help us improve.',
      it: 'Grazie! Le sue risposte ci aiutano a migliorare.',
    });
  });

  it('turns relevance equations into logic: array answers become scale points, ticked subquestions "chosen", -oth- "other"', () => {
    const def = importSurvey(fixture('limesurvey-hotel-v6.lss')).definition;
    // ASPECTS answer codes A1..A5 sit at scale points 1..5, so A1 or A2 is 1 or 2.
    expect(question(def, 'BREAKWHY').visibleIf).toEqual({
      match: 'any',
      conditions: [
        { source: 'ASPECTS.SQ003', op: 'equals', value: 1 },
        { source: 'ASPECTS.SQ003', op: 'equals', value: 2 },
      ],
    });
    expect(question(def, 'SPAWHY').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'FACIL', op: 'equals', value: 'SPA' }],
    });
    expect(question(def, 'RETURNWHY').visibleIf).toEqual({
      match: 'all',
      conditions: [
        { source: 'OVERALL', op: 'between', min: 4 },
        { source: 'VISIT', op: 'answered' },
      ],
    });
    // NIGHTS is whole numbers, so "> 5" is "at least 6".
    expect(question(def, 'BIZNOTE').visibleIf).toEqual({
      match: 'any',
      conditions: [
        { source: 'VISIT', op: 'equals', value: 'other' },
        { source: 'NIGHTS', op: 'between', min: 6 },
      ],
    });
    // LimeSurvey's "VISIT != 'EVT'" also holds while VISIT is unanswered (it compares as ""), so
    // the import says so in our terms.
    expect(def.pages[2].visibleIf).toEqual({
      match: 'any',
      conditions: [
        { source: 'VISIT', op: 'notEquals', value: 'EVT' },
        { source: 'VISIT', op: 'notAnswered' },
      ],
    });
    expect(evaluate(def.pages[2].visibleIf, { answers: {}, hidden: {} })).toBe(true);
    expect(evaluate(def.pages[2].visibleIf, { answers: { VISIT: 'EVT' }, hidden: {} })).toBe(false);
    expect(
      evaluate(question(def, 'BIZNOTE').visibleIf, { answers: { VISIT: { other: 'conference' } }, hidden: {} }),
    ).toBe(true);
  });

  it('lists the equation and other types it cannot map, by question code', () => {
    const r = importSurvey(fixture('limesurvey-hotel-v6.lss'));
    expect(sourcesOf(r.unmapped).sort()).toEqual(['ASPECTS', 'NIGHTSX2', 'SPAWHY']);
    expect(r.unmapped.find((u) => u.source === 'SPAWHY')).toMatchObject({
      code: 'attrValidation',
      params: { value: 'strlen(SPAWHY) < 200' },
      message: 'its validation equation (“strlen(SPAWHY) < 200”)',
    });
    expect(r.unmapped.find((u) => u.source === 'NIGHTSX2')?.message).toMatch(/equation/);
  });

  it('reads a LimeSurvey 3 .lss (texts in the rows, one row per language), German included', () => {
    const r = importSurvey(fixture('limesurvey-retail-v3.lss'));
    expect(r.definition.languages).toEqual(['en', 'zh-Hans', 'de']);
    expect(question(r.definition, 'channel')).toMatchObject({
      display: 'dropdown',
      text: { en: 'Where did you buy?', 'zh-Hans': '您在哪里购买？' },
      options: [
        { id: 'A1', label: { 'zh-Hans': '在门店' } },
        { id: 'A2', label: { en: 'Online & delivered' } },
      ],
    });
    expect(question(r.definition, 'delivery')).toMatchObject({
      help: { en: 'A few words are enough.' },
      visibleIf: { conditions: [{ source: 'channel', op: 'equals', value: 'A2' }] },
    });
    expect(r.unmapped).toEqual([]);
  });

  it('refuses a file that is not a survey structure, saying why', () => {
    expect(() => importSurvey('<document><LimeSurveyDocType>Question</LimeSurveyDocType></document>')).toThrow(
      /LimeSurveyDocType/,
    );
    expect(() => importSurvey('<document><rows>')).toThrow(ImportError);
    expect(() => importSurvey('{"title": {"en": ""}, "pages": "x", "defaultLanguage": "en"}')).toThrow(/title|pages/);
  });
});

describe('the XML reader', () => {
  it('reads CDATA, entities and empty elements', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><a x="1 &amp; 2"><b><![CDATA[<p>hi</p>]]></b><c/><d>&lt;&#233;&#x4e2d;</d></a>',
    );
    expect(doc.attributes.x).toBe('1 & 2');
    expect(doc.children.map((c) => [c.name, c.text])).toEqual([
      ['b', '<p>hi</p>'],
      ['c', ''],
      ['d', '<é中'],
    ]);
  });
  it('refuses malformed and hostile input with the line', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/line 2: .*closing tag 'b'/);
    expect(() => parseXml('<a>x & y</a>')).toThrow(/line 1: .*'&'/);
    expect(() => parseXml('<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE x [<!ENTITY a "aaaa">]><a>&a;</a>')).toThrow(
      /line 3: DOCTYPE/,
    );
    expect(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100))).toThrow(/nested/);
    expect(() => parseXml('<a>'.repeat(5000) + '</a>'.repeat(5000))).toThrow(/nested/);
    expect(() => parseXml('<?xml version="1.0"?><!-- nothing -->')).toThrow(/line 1: Start tag expected/);
  });
  it('keeps an entity it does not know as written, and decodes HTML named ones', () => {
    expect(parseXml('<a>&bogus; &amp;bogus; &nbsp;</a>').text).toBe('&bogus; &bogus; \u00a0');
  });
  it('reads a DOCTYPE-like text inside CDATA as text', () => {
    expect(parseXml('<a><![CDATA[<!DOCTYPE html><p>x</p>]]></a>').text).toBe('<!DOCTYPE html><p>x</p>');
  });
});

describe('expressions', () => {
  const resolve = (name: string) => ({
    source: name,
    integer: true,
    value: (x: string | number | boolean) => (typeof x === 'boolean' ? undefined : x),
  });
  it('reads SurveyJS and LimeSurvey comparisons, refuses what our logic cannot say', () => {
    expect(toLogic("{a} = 'x' or {b} notempty", resolve, 'surveyjs').logic).toEqual({
      match: 'any',
      conditions: [
        { source: 'a', op: 'equals', value: 'x' },
        { source: 'b', op: 'answered' },
      ],
    });
    expect(toLogic('a.NAOK lt 3', resolve, 'limesurvey').logic).toEqual({
      match: 'all',
      conditions: [{ source: 'a.NAOK', op: 'between', max: 2 }],
    });
    expect(toLogic('1', resolve, 'limesurvey')).toEqual({});
    expect(toLogic('{a} + {b} > 3', resolve, 'surveyjs').error).toBeTruthy();
    expect(toLogic('sum(a, b) > 3', resolve, 'limesurvey').error).toEqual({
      code: 'exprFunction',
      params: { name: 'sum' },
    });
  });
  it('keeps "not equal" holding while the question is unanswered, as both tools do, or says it cannot', () => {
    expect(toLogic("{a} <> 'x'", resolve, 'surveyjs').logic).toEqual({
      match: 'any',
      conditions: [
        { source: 'a', op: 'notEquals', value: 'x' },
        { source: 'a', op: 'notAnswered' },
      ],
    });
    expect(toLogic("{a} = 'x' or {b} notcontains 'y'", resolve, 'surveyjs').logic).toEqual({
      match: 'any',
      conditions: [
        { source: 'a', op: 'equals', value: 'x' },
        { source: 'b', op: 'notEquals', value: 'y' },
        { source: 'b', op: 'notAnswered' },
      ],
    });
    // "all of" can't take an "or not answered" inside: the logic stays, with a caveat for the import's list.
    const both = toLogic("a == 'x' and b != 'y'", resolve, 'limesurvey');
    expect(both.logic).toEqual({
      match: 'all',
      conditions: [
        { source: 'a', op: 'equals', value: 'x' },
        { source: 'b', op: 'notEquals', value: 'y' },
      ],
    });
    expect(both.caveat).toEqual({ code: 'conditionUnanswered', params: { tool: 'LimeSurvey', names: 'b' } });
    expect(toLogic("{a} = 'x'", resolve, 'surveyjs').caveat).toBeUndefined();
  });
});

describe('SurveyJS export', () => {
  it('writes our survey as SurveyJS JSON that our importer reads back the same', () => {
    const original = importSurvey(fixture('surveyjs-hotel.json')).definition;
    const { json, skipped } = exportSurveyJs(original);
    expect(skipped).toEqual([]);
    const back = importSurvey(JSON.stringify(json));
    expect(back.unmapped).toEqual([]);
    expect(back.definition).toEqual(original);
  });

  it('lists questions SurveyJS has no type for and writes languages as SurveyJS locales', () => {
    const def = v.parse(SurveyDefinitionSchema, {
      title: { 'zh-Hant': '價格調查', en: 'Price survey' },
      defaultLanguage: 'zh-Hant',
      languages: ['zh-Hant', 'en'],
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'price', type: 'vanWestendorp', currency: 'TWD', text: { 'zh-Hant': '價格' } },
            {
              id: 'rate',
              type: 'rating',
              text: { 'zh-Hant': '滿意度', en: 'Satisfaction' },
              scale: { min: 1, max: 5 },
              notApplicable: true,
            },
          ],
        },
      ],
    });
    const { json, skipped } = exportSurveyJs(def);
    expect(json.locale).toBe('zh-tw');
    expect(json.title).toEqual({ default: '價格調查', en: 'Price survey' });
    expect(skipped.map((s) => s.source)).toEqual(['price', 'rate']);
  });
});
