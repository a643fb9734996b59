import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../../shared/survey/answers';
import { evaluate } from '../../../shared/survey/logic';
import { pipe } from '../../../shared/survey/piping';
import type { SurveyDefinition } from '../../../shared/survey/schema';

// A definition as a version stored before ids were checked against Object.prototype's names
// could hold it: built by hand, since the schema now refuses it.
const legacy = (id: string) =>
  ({
    title: { en: 'Legacy' },
    languages: ['en'],
    defaultLanguage: 'en',
    hiddenFields: [],
    screenOuts: [],
    pages: [
      {
        id: 'p1',
        questions: [
          { id, type: 'rating', required: true, text: { en: 'Satisfied?' }, scale: { min: 1, max: 5 } },
          { id: 'nps', type: 'nps', required: false, text: { en: 'Recommend?' } },
        ],
      },
    ],
  }) as unknown as SurveyDefinition;

describe('answers are read by own keys only', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'a required question %s left unanswered blocks completion',
    (id) => {
      const r = validateSubmission(legacy(id), { nps: 9 }, true);
      expect(r.issues).toEqual([{ questionId: id, code: 'required', message: `${id}: an answer is required` }]);
    },
  );

  it.each(['constructor', 'toString'])('an answer given to %s counts', (id) => {
    const r = validateSubmission(legacy(id), JSON.parse(`{"${id}": 4}`), true);
    expect(r.issues).toEqual([]);
    expect(Object.hasOwn(r.answers, id) && r.answers[id]).toBe(4);
  });

  it('display logic sees no answer or hidden field that only Object.prototype has', () => {
    const facts = { answers: {}, hidden: {} };
    expect(evaluate({ match: 'all', conditions: [{ source: 'constructor', op: 'answered' }] }, facts)).toBe(false);
    expect(evaluate({ match: 'all', conditions: [{ source: 'toString', op: 'notAnswered' }] }, facts)).toBe(true);
    expect(
      evaluate(
        { match: 'all', conditions: [{ source: 'sat.constructor', op: 'answered' }] },
        { answers: { sat: { a: 1 } }, hidden: {} },
      ),
    ).toBe(false);
  });

  it('pipes nothing for an unanswered question named like a prototype property', () => {
    const q = legacy('toString').pages[0].questions[0];
    expect(pipe('You said {{toString}}.', new Map([['toString', q]]), {}, 'en', 'en')).toBe('You said .');
  });
});
