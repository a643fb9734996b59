import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
beforeEach(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
});
afterEach(() => t.cleanup());

const surveyWith = (id: string) => ({
  title: { en: 'Ids' },
  pages: [
    {
      id: 'p1',
      questions: [
        { id, type: 'rating', required: true, text: { en: 'How satisfied are you?' }, scale: { min: 1, max: 5 } },
        { id: 'nps', type: 'nps', required: false, text: { en: 'Would you recommend us?' } },
      ],
    },
  ],
});

describe('one rule for ids: Object.prototype names are refused everywhere', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'])(
    'refuses the question id %s with a 400 naming it',
    async (id) => {
      const r = await researcher.post('/api/surveys', { definition: surveyWith(id) });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe('definition.pages[0].questions[0].id');
      expect(r.body.error.message).toMatch(
        /must not be constructor, .*toString.*: every object has these names already/,
      );
      expect(await t.value('select count(*) from surveys')).toBe(0);
    },
  );

  it('refuses them as option, hidden field, logic and alert-rule ids too', async () => {
    const option = smallSurvey();
    (option.pages[1].questions[0] as { options: { id: string }[] }).options[0].id = 'constructor';
    expect((await researcher.post('/api/surveys', { definition: option })).body.error.path).toBe(
      'definition.pages[1].questions[0].options[0].id',
    );
    const hidden = { ...smallSurvey(), hiddenFields: ['valueOf'] };
    expect((await researcher.post('/api/surveys', { definition: hidden })).body.error.path).toBe(
      'definition.hiddenFields[0]',
    );
    const logic = smallSurvey() as ReturnType<typeof smallSurvey> & { pages: { visibleIf?: unknown }[] };
    logic.pages[1].visibleIf = { match: 'all', conditions: [{ source: 'sat.constructor', op: 'answered' }] };
    const l = await researcher.post('/api/surveys', { definition: logic });
    expect(l.status).toBe(400);
    expect(l.body.error.path).toMatch(/^definition\.pages\[1\]\.visibleIf\.conditions\[0\]\.source/);

    const s = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
    const rule = await researcher.post(`/api/surveys/${s.id}/alerts/rules`, {
      name: 'r',
      when: { match: 'all', conditions: [{ source: 'toString', op: 'contains', words: ['bad'] }] },
    });
    expect(rule.status).toBe(400);
    expect(rule.body.error.path).toBe('when.conditions[0].source');
    const crosstab = await researcher.get(`/api/surveys/${s.id}/report/crosstab?rows=constructor&columns=sat`);
    expect(crosstab.status).toBe(400);
    expect(crosstab.body.error.message).toMatch(/must not be constructor/);
  });
});

describe('imports rename such ids instead of failing', () => {
  it('turns a SurveyJS question named constructor and a choice valued toString into valid ids', async () => {
    const surveyjs = {
      title: 'Imported',
      pages: [
        {
          name: 'page1',
          elements: [
            { type: 'rating', name: 'constructor', title: 'How satisfied?', rateMin: 1, rateMax: 5, isRequired: true },
            {
              type: 'radiogroup',
              name: 'visit',
              title: 'Why?',
              choices: [
                { value: 'toString', text: 'Just because' },
                { value: 'buy', text: 'To buy' },
              ],
            },
          ],
        },
      ],
    };
    const r = await researcher.post('/api/surveys/convert', { content: JSON.stringify(surveyjs) });
    expect(r.status).toBe(200);
    const questions = r.body.definition.pages[0].questions;
    expect(questions[0].id).not.toBe('constructor');
    expect(questions[0].id).toMatch(/constructor/);
    expect(questions[1].options.map((o: { id: string }) => o.id)).not.toContain('toString');
    expect((await researcher.post('/api/surveys', { definition: r.body.definition })).status).toBe(201);
  });
});

describe('answers keyed by Object.prototype names', () => {
  const submit = (slug: string, body: Record<string, unknown>) =>
    new Agent(t.app).post(`/api/public/s/${slug}/responses`, body);

  it('refuses an answer keyed constructor for a survey without such a question, naming it, storing nothing', async () => {
    const s = (await researcher.post('/api/surveys', { definition: surveyWith('sat') })).body;
    const versionId = (await researcher.post(`/api/surveys/${s.id}/publish`)).body.versions[0].id;
    for (const key of ['constructor', 'toString', 'prototype']) {
      const r = await submit(s.slug, {
        clientId: `stray-key-${key}`,
        versionId,
        complete: false,
        answers: JSON.parse(`{"sat": 4, "${key}": 1}`),
      });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'invalid-answers', path: `answers.${key}` });
    }
    expect(await t.value('select count(*) from responses')).toBe(0);
  });

  it('cannot fill a required answer through a __proto__ key', async () => {
    const s = (await researcher.post('/api/surveys', { definition: surveyWith('sat') })).body;
    const versionId = (await researcher.post(`/api/surveys/${s.id}/publish`)).body.versions[0].id;
    const r = await submit(s.slug, {
      clientId: 'proto-skip-1',
      versionId,
      complete: true,
      answers: JSON.parse('{"nps": 9, "__proto__": {"sat": 5}}'),
    });
    expect(r.status).toBe(400);
    expect(await t.value("select count(*) from responses where status = 'complete'")).toBe(0);
  });
});
