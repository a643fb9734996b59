import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SurveyDefinitionSchema } from '../../../shared/survey/schema';
import { consentedContact, labelledAnswers } from '../../../shared/alerts/labels';

const def = v.parse(SurveyDefinitionSchema, {
  title: { en: 'Stay', it: 'Soggiorno' },
  languages: ['en', 'it'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          text: { en: 'Satisfied?', it: 'Soddisfatto?' },
          scale: { min: 1, max: 5, minLabel: { en: 'Not at all', it: 'Per niente' }, maxLabel: { en: 'Very' } },
        },
        { id: 'nps', type: 'nps', text: { en: 'Recommend?' } },
        {
          id: 'why',
          type: 'single',
          other: true,
          text: { en: 'Why?' },
          options: [
            { id: 'work', label: { en: 'Work', it: 'Lavoro' } },
            { id: 'fun', label: { en: 'Fun' } },
          ],
        },
        {
          id: 'used',
          type: 'multiple',
          text: { en: 'Used?' },
          options: [
            { id: 'spa', label: { en: 'Spa' } },
            { id: 'gym', label: { en: 'Gym' } },
          ],
        },
        {
          id: 'attrs',
          type: 'matrix',
          text: { en: 'Rate' },
          scale: { min: 1, max: 5 },
          items: [
            { id: 'room', label: { en: 'Room' } },
            { id: 'staff', label: { en: 'Staff' } },
          ],
        },
        { id: 'who', type: 'contact', phone: true, text: { en: 'Call you?' }, consent: { en: 'Yes' } },
      ],
    },
  ],
});

describe('labelled answers', () => {
  it('give each answer its code and a label a manager reads, in the questionnaire order', () => {
    const out = labelledAnswers(
      def,
      { used: ['spa', 'gym'], sat: 1, nps: 6, why: 'work', attrs: { room: 2, staff: 5 } },
      'en',
    );
    expect(out).toEqual([
      { questionId: 'sat', question: 'Satisfied?', code: 1, label: '1 / 5 (Not at all)' },
      { questionId: 'nps', question: 'Recommend?', code: 6, label: '6 / 10' },
      { questionId: 'why', question: 'Why?', code: 'work', label: 'Work' },
      { questionId: 'used', question: 'Used?', code: ['spa', 'gym'], label: 'Spa; Gym' },
      { questionId: 'attrs', question: 'Rate', code: { room: 2, staff: 5 }, label: 'Room: 2; Staff: 5' },
    ]);
  });

  it('speak the respondent\'s language where the survey has it, else the default, and show "other" text', () => {
    const out = labelledAnswers(def, { sat: 5, why: { other: 'A wedding' } }, 'it');
    expect(out).toEqual([
      { questionId: 'sat', question: 'Soddisfatto?', code: 5, label: '5 / 5 (Very)' },
      { questionId: 'why', question: 'Why?', code: { other: 'A wedding' }, label: 'A wedding' },
    ]);
  });

  it('never list contact details among the answers; they come only with consent', () => {
    const answers = { sat: 2, who: { name: 'Ann', phone: '123', consent: true } };
    expect(labelledAnswers(def, answers, 'en').map((a) => a.questionId)).toEqual(['sat']);
    expect(consentedContact(def, answers)).toEqual({ name: 'Ann', email: undefined, phone: '123' });
    expect(consentedContact(def, { who: { consent: false } })).toBeNull();
  });
});
