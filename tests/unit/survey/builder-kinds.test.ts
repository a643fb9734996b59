import { describe, expect, it } from 'vitest';
import { findProblem, kindOf, makeQuestion, setTextAt } from '../../../client/app/survey/definition';
import { surveyTexts } from '../../../shared/survey/translations';
import type { Question, SurveyDefinition } from '../../../shared/survey/schema';

const survey = (q: Question): SurveyDefinition => ({
  title: { en: 'T' },
  defaultLanguage: 'en',
  languages: ['en'],
  hiddenFields: [],
  screenOuts: [],
  pages: [{ id: 'p1', questions: [q] }],
});
/** Fills every empty text the new question starts with, as the researcher would. */
const filled = (def: SurveyDefinition) => {
  for (const { path, text } of surveyTexts(def)) if (!text.en?.trim()) setTextAt(def, path, 'en', `text of ${path}`);
  return def;
};

describe("the builder's new kinds", () => {
  it.each(['dropdown', 'yesno', 'date', 'fields', 'matrixScales', 'info'] as const)(
    'a new %s question is valid once its texts are written',
    (kind) => {
      const q = makeQuestion(kind, 'q1', 'en');
      expect(kindOf(q)).toBe(kind);
      // Blank labels are caught before saving, naming what is missing.
      expect(findProblem(survey(q))?.key).toMatch(/^editor\.problem\./);
      expect(findProblem(filled(survey(q)))).toBeNull();
    },
  );

  it('keeps the options or items when the type changes: a list becomes a dropdown, a matrix several scales', () => {
    const single = makeQuestion('single', 'q1', 'en') as Extract<Question, { type: 'single' }>;
    expect(makeQuestion('dropdown', 'q1', 'en', single)).toMatchObject({
      type: 'single',
      display: 'dropdown',
      options: single.options,
    });
    const matrix = filled(survey(makeQuestion('matrix', 'q2', 'en'))).pages[0].questions[0];
    const scales = makeQuestion('matrixScales', 'q2', 'en', matrix);
    expect(scales).toMatchObject({
      type: 'matrixScales',
      items: (matrix as Extract<Question, { type: 'matrix' }>).items,
      scales: [{ id: 's1', scale: { min: 1, max: 5 } }, { id: 's2' }],
    });
    expect(makeQuestion('fields', 'q2', 'en', matrix)).toMatchObject({
      type: 'fields',
      input: 'number',
      items: (matrix as Extract<Question, { type: 'matrix' }>).items,
    });
  });

  it('names a scale without its heading', () => {
    const def = filled(survey(makeQuestion('matrixScales', 'q1', 'en')));
    const q = def.pages[0].questions[0] as Extract<Question, { type: 'matrixScales' }>;
    q.scales[1].label = { en: ' ' };
    expect(findProblem(def)).toMatchObject({ page: 0, question: 0, key: 'editor.problem.scaleLabel' });
  });
});
