import type { AnswerIssue } from '../../shared/survey/answers';
import type { Question } from '../../shared/survey/schema';
import type { MessageParams, RespondentKey } from '../../shared/i18n';
import { locale } from './i18n';

/** A YYYY-MM-DD date as the respondent's language writes it (the date itself, no time zone shift). */
const day = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

function dateMessage(q: Extract<Question, { type: 'date' }>): [RespondentKey, MessageParams?] {
  if (q.min && q.max) return ['validation.dateRange', { min: day(q.min), max: day(q.max) }];
  if (q.min) return ['validation.dateMin', { min: day(q.min) }];
  if (q.max) return ['validation.dateMax', { max: day(q.max) }];
  return ['validation.date'];
}

/**
 * The catalogue message for a validation issue. The shared validator's English text is for the
 * API; here the code and its params choose a message written for respondents, worded for the
 * kind of question (a number range reads differently from a missing matrix row).
 */
export function issueMessage(q: Question, issue: AnswerIssue): [RespondentKey, MessageParams?] {
  const min = issue.params?.min;
  const max = issue.params?.max;
  if (q.type === 'date' && issue.code !== 'required') return dateMessage(q);
  switch (issue.code) {
    case 'required':
      if (q.type === 'fields') return ['validation.requiredEveryField'];
      return [
        ['matrix', 'servqual', 'importance', 'competitor', 'matrixScales'].includes(q.type)
          ? 'validation.requiredEveryRow'
          : 'validation.required',
      ];
    case 'other-required':
      return ['validation.otherRequired'];
    case 'constant-sum':
      return ['validation.constantSum', { total: issue.params?.total ?? 0, sum: issue.params?.sum ?? 0 }];
    case 'price-order':
      return ['validation.priceOrder'];
    case 'email':
      return ['validation.email'];
    case 'phone':
      return ['validation.phone'];
    case 'consent':
      return ['validation.consent'];
    case 'too-few':
      return ['validation.minChoices', { count: min ?? 0 }];
    case 'too-many':
      return ['validation.maxChoices', { count: max ?? 0 }];
    case 'too-long':
      return ['validation.tooLong', { count: max ?? 0 }];
    case 'not-integer':
      return ['validation.wholeNumber'];
    case 'out-of-range': {
      const hasMin = min !== undefined && Number.isFinite(min);
      const hasMax = max !== undefined && Number.isFinite(max);
      if (hasMin && hasMax) return ['validation.numberRange', { min, max }];
      if (hasMin) return ['validation.numberMin', { min }];
      if (hasMax) return ['validation.numberMax', { max }];
      return ['validation.number'];
    }
    case 'wrong-type':
      return [
        q.type === 'number' || q.type === 'vanWestendorp' || (q.type === 'fields' && q.input === 'number')
          ? 'validation.number'
          : 'validation.required',
      ];
    default:
      // Unknown options, items or duplicates cannot be made with this page's controls; asking for
      // the answer again is the one thing the respondent can act on.
      return ['validation.required'];
  }
}
