import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { pipe, pipedIds } from '../../../shared/survey/piping';
import { issuePath, QuestionSchema, SurveyDefinitionSchema, type Question } from '../../../shared/survey/schema';

const questions = new Map<string, Question>([
  [
    'store',
    v.parse(QuestionSchema, {
      id: 'store',
      type: 'single',
      other: true,
      text: { en: 'Store?' },
      options: [
        { id: 'mi', label: { en: 'Milan', it: 'Milano' } },
        { id: 'ro', label: { en: 'Rome' } },
      ],
    }),
  ],
  [
    'used',
    v.parse(QuestionSchema, {
      id: 'used',
      type: 'multiple',
      text: { en: 'Used?' },
      options: [
        { id: 'gym', label: { en: 'Gym' } },
        { id: 'spa', label: { en: 'Spa' } },
      ],
    }),
  ],
  ['sat', v.parse(QuestionSchema, { id: 'sat', type: 'rating', text: { en: 'Sat?' }, scale: { min: 1, max: 5 } })],
]);

describe('piping', () => {
  it('puts the label of the option chosen, in the respondent’s language, falling back to the default', () => {
    expect(pipe('How was your visit to {{store}}?', questions, { store: 'mi' }, 'it', 'en')).toBe(
      'How was your visit to Milano?',
    );
    expect(pipe('How was your visit to {{ store }}?', questions, { store: 'ro' }, 'it', 'en')).toBe(
      'How was your visit to Rome?',
    );
    expect(pipe('Visit to {{store}}', questions, { store: { other: 'Turin outlet' } }, 'en', 'en')).toBe(
      'Visit to Turin outlet',
    );
  });

  it('lists multiple choices and writes numbers as they are', () => {
    expect(pipe('You used {{used}} and gave {{sat}}.', questions, { used: ['gym', 'spa'], sat: 4 }, 'en', 'en')).toBe(
      'You used Gym, Spa and gave 4.',
    );
  });

  it('pipes nothing for an unanswered or unknown question, and leaves other braces alone', () => {
    expect(pipe('Visit to {{store}}.', questions, {}, 'en', 'en')).toBe('Visit to .');
    expect(pipe('{{nope}}x', questions, {}, 'en', 'en')).toBe('x');
    expect(pipe('{not a token} {{1bad}}', questions, {}, 'en', 'en')).toBe('{not a token} {{1bad}}');
    expect(pipedIds('{{store}} and {{ sat }}')).toEqual(['store', 'sat']);
  });
});

describe('piping in a definition', () => {
  it('is refused when it names a later or unknown question, with the path of the text', () => {
    const def = (text: string) => ({
      title: { en: 'T' },
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'a', type: 'text', text: { en: 'Name?' } },
            { id: 'b', type: 'text', text: { en: text } },
            { id: 'c', type: 'text', text: { en: 'Later' } },
          ],
        },
      ],
    });
    expect(v.safeParse(SurveyDefinitionSchema, def('Thanks {{a}}')).success).toBe(true);
    const later = v.safeParse(SurveyDefinitionSchema, def('Thanks {{c}}'));
    expect(later.issues?.map((i) => `${issuePath(i)}: ${i.message}`)).toEqual([
      'pages[0].questions[1].text.en: question "b" pipes "{{c}}", which is not an earlier question',
    ]);
    expect(v.safeParse(SurveyDefinitionSchema, def('{{zz}}')).success).toBe(false);
  });
});
