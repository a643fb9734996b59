import type { AppKey, MessageParams } from '../../../shared/i18n';
import type { ApiErrorCode, ApiErrorParams } from '../../../shared/api/errors';
import { ruleText } from '../../../shared/api/field-rules';
import { noteText } from '../../../shared/survey/import/notes';
import { pathWords } from '../../../shared/survey/field-names';
import { ApiError } from './api';

export { RULE_KEY, ruleText } from '../../../shared/api/field-rules';

type Translate = (key: AppKey, params?: MessageParams) => string;

// The server's `message` is English for API users; every code a person can meet is said here in
// their language, from the code and its params. The compiler checks that no code is left out.
type Wording = { [C in ApiErrorCode]: AppKey | ((t: Translate, params: Partial<ApiErrorParams[C]>) => string) };
const BY_CODE: Wording = {
  invalid: (t, p) =>
    t('errors.field', {
      // A survey definition's field is named in the researcher's words, not by its path.
      field: p.field?.startsWith('definition') ? pathWords(t, p.field) : (p.field ?? ''),
      problem: ruleText(t, p.rule ?? 'rule', p.limit),
    }),
  'invalid-json': 'errors.invalidJson',
  'unsupported-media-type': 'errors.invalidJson',
  'too-large': 'errors.tooLarge',
  'rate-limited': 'signIn.tooMany',
  'account-locked': 'signIn.accountLocked',
  'cross-origin': 'errors.crossOrigin',
  'not-found': 'errors.notFound',
  'not-built': 'errors.notBuilt',
  'http-error': 'common.error',
  internal: 'common.error',
  unauthenticated: 'errors.sessionExpired',
  csrf: 'errors.sessionExpired',
  forbidden: 'errors.forbidden',
  'bad-credentials': 'signIn.failed',
  'already-set-up': 'errors.alreadySetUp',
  'email-taken': 'errors.emailTaken',
  'invite-invalid': 'errors.inviteInvalid',
  'last-admin': 'errors.ownRole',
  'self-delete': 'errors.selfDelete',
  'wrong-password': 'account.password.wrong',
  'reset-invalid': 'reset.invalid',
  'no-mail': 'forgot.noMail',
  'mail-failed': 'errors.mailFailed',
  'session-required': 'errors.forbidden',
  'slug-taken': 'errors.slugTaken',
  'not-published': 'errors.notPublished',
  'no-questions': 'errors.noQuestions',
  'already-published': 'errors.alreadyPublished',
  'draft-has-problems': (t, p) => t('errors.draftProblems', { count: p.problems?.length ?? 1 }),
  'confirm-changes': 'editor.versionWarning',
  'missing-translations': 'errors.missingTranslations',
  'invalid-import': (t, p) =>
    p.rule
      ? t('errors.invalidImportField', { field: pathWords(t, p.field ?? ''), problem: ruleText(t, p.rule, p.limit) })
      : t('editor.importFailed', { detail: p.note ? noteText(t, p.note) : (p.detail ?? '') }),
  'demo-exists': 'errors.demoExists',
  'no-plan': 'errors.noPlan',
  'one-off': 'errors.oneOff',
  'survey-closed': 'errors.surveyNotAccepting',
  'survey-paused': 'errors.surveyNotAccepting',
  'survey-draft': 'errors.surveyNotAccepting',
  'survey-not-yet-open': 'errors.surveyNotAccepting',
  'survey-full': 'errors.surveyNotAccepting',
  'survey-not-open': 'errors.surveyNotOpen',
  'invalid-answers': 'errors.invalidAnswers',
  'not-a-test': 'errors.notATest',
  'invitation-used': 'errors.invitationUsed',
  'invitation-unknown': 'errors.invitationUnknown',
  'response-finished': 'common.error',
  'invalid-contacts': (t, p) => t('errors.invalidContacts', { line: p.line ?? '' }),
  'invalid-bounces': (t, p) => t('errors.invalidBounces', { line: p.line ?? '' }),
  'no-smtp': 'errors.noSmtp',
  'mail-busy': 'errors.mailBusy',
  'nobody-to-mail': 'errors.nobodyToMail',
  'mixed-currency': 'errors.mixedCurrency',
  'erased-customer': 'errors.erasedCustomer',
  'webhook-address': (t, p) =>
    p.reason === 'internal' ? t('errors.webhookInternal', { host: p.host ?? '' }) : t('errors.webhookNotUrl'),
  'nothing-to-undo': 'coding.nothingToUndo',
  'frame-in-use': 'coding.share.inUse',
};

/** What to tell the user about a failed request, in their language. */
export function errorText(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return t('common.error');
  if (err.code === 'network') return t('errors.network');
  if (!Object.hasOwn(BY_CODE, err.code)) return t('common.error');
  const wording = BY_CODE[err.code as ApiErrorCode] as
    | AppKey
    | ((t: Translate, params: Record<string, unknown>) => string);
  return typeof wording === 'string' ? t(wording) : wording(t, err.params);
}
