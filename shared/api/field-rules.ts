/** The words for a broken field rule (shared/api/errors.ts FieldRule), for the app and the server alike. */
import type { FieldRule } from './errors';
import type { AppKey, MessageParams } from '../i18n';

type Translate = (key: AppKey, params?: MessageParams) => string;

export const RULE_KEY: Readonly<Record<FieldRule, AppKey>> = {
  type: 'errors.rule.type',
  'too-short': 'errors.rule.tooShort',
  'too-long': 'errors.rule.tooLong',
  'too-small': 'errors.rule.tooSmall',
  'too-large': 'errors.rule.tooLarge',
  'not-integer': 'errors.rule.notInteger',
  format: 'errors.rule.format',
  choice: 'errors.rule.choice',
  rule: 'errors.rule.rule',
};

/** What a broken rule means, in the user's words ("needs at least 2"). */
export const ruleText = (t: Translate, rule: FieldRule, limit?: number) => t(RULE_KEY[rule], { limit: limit ?? '' });
