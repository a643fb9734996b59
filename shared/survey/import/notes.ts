/**
 * What an import or a SurveyJS export says about the file: a code with its parameters, never words.
 * The app words each note in the user's language and the server in English for API users, both
 * from the catalogues (`import.note.*`), so a French researcher's list of what changed is French.
 */
import type { FieldRule } from '../../api/errors';
import type { AppKey, MessageParams } from '../../i18n';
import { ruleText } from '../../api/field-rules';
import { fieldWords, pathWords } from '../field-names';
import type { ReferenceKind } from '../references';

/** Each note's catalogue key; the compiler checks that every key is in the catalogues. */
const NOTE_KEY = {
  pageEmpty: 'import.note.pageEmpty',
  pageSplit: 'import.note.pageSplit',
  noQuestions: 'import.note.noQuestions',
  questionRefused: 'import.note.questionRefused',
  conditionRefused: 'import.note.conditionRefused',
  pageConditionRefused: 'import.note.pageConditionRefused',
  screenOutRefused: 'import.note.screenOutRefused',
  unpiped: 'import.note.unpiped',
  unpipedIf: 'import.note.unpipedIf',
  codeRemoved: 'import.note.codeRemoved',
  surveyCodeRemoved: 'import.note.surveyCodeRemoved',
  languageDropped: 'import.note.languageDropped',
  tooManyChoices: 'import.note.tooManyChoices',
  tooManyRows: 'import.note.tooManyRows',
  tooManyColumns: 'import.note.tooManyColumns',
  otherWithText: 'import.note.otherWithText',
  selectAll: 'import.note.selectAll',
  ratingNotConsecutive: 'import.note.ratingNotConsecutive',
  ratingRange: 'import.note.ratingRange',
  matrixColumns: 'import.note.matrixColumns',
  matrixPoints: 'import.note.matrixPoints',
  scaleTurned: 'import.note.scaleTurned',
  scaleUnsure: 'import.note.scaleUnsure',
  scaleNotApplicable: 'import.note.scaleNotApplicable',
  labelsBetween: 'import.note.labelsBetween',
  inputTypeText: 'import.note.inputTypeText',
  htmlEmpty: 'import.note.htmlEmpty',
  calculatedNoTitle: 'import.note.calculatedNoTitle',
  calculatedTitleKept: 'import.note.calculatedTitleKept',
  fieldsNone: 'import.note.fieldsNone',
  scalesColumns: 'import.note.scalesColumns',
  scaleCellType: 'import.note.scaleCellType',
  scalePoints: 'import.note.scalePoints',
  image: 'import.note.image',
  surveyJsType: 'import.note.surveyJsType',
  panelCondition: 'import.note.panelCondition',
  hiddenField: 'import.note.hiddenField',
  hiddenDropped: 'import.note.hiddenDropped',
  property: 'import.note.property',
  conditionDropped: 'import.note.conditionDropped',
  pageConditionDropped: 'import.note.pageConditionDropped',
  triggerDropped: 'import.note.triggerDropped',
  conditionUnanswered: 'import.note.conditionUnanswered',
  triggerType: 'import.note.triggerType',
  calculatedValues: 'import.note.calculatedValues',
  secondAnswerScale: 'import.note.secondAnswerScale',
  secondSubquestionScale: 'import.note.secondSubquestionScale',
  commentBox: 'import.note.commentBox',
  commentBoxes: 'import.note.commentBoxes',
  lsMatrixPoints: 'import.note.lsMatrixPoints',
  dateMinNotFixed: 'import.note.dateMinNotFixed',
  dateMaxNotFixed: 'import.note.dateMaxNotFixed',
  rankTooMany: 'import.note.rankTooMany',
  lsEquation: 'import.note.lsEquation',
  lsArrayNumbers: 'import.note.lsArrayNumbers',
  lsArrayTexts: 'import.note.lsArrayTexts',
  lsLanguageSwitch: 'import.note.lsLanguageSwitch',
  lsArrayByColumn: 'import.note.lsArrayByColumn',
  lsArrayIncrease: 'import.note.lsArrayIncrease',
  lsArrayYesNo: 'import.note.lsArrayYesNo',
  lsFileUpload: 'import.note.lsFileUpload',
  lsType: 'import.note.lsType',
  attrArrayFilter: 'import.note.attrArrayFilter',
  attrExclusive: 'import.note.attrExclusive',
  attrValidation: 'import.note.attrValidation',
  attrSubValidation: 'import.note.attrSubValidation',
  attrTotal: 'import.note.attrTotal',
  attrMinTotal: 'import.note.attrMinTotal',
  attrMaxTotal: 'import.note.attrMaxTotal',
  quotas: 'import.note.quotas',
  assessments: 'import.note.assessments',
  exprBrace: 'import.note.exprBrace',
  exprQuote: 'import.note.exprQuote',
  exprChar: 'import.note.exprChar',
  exprExpected: 'import.note.exprExpected',
  exprEnds: 'import.note.exprEnds',
  exprListValues: 'import.note.exprListValues',
  exprOperand: 'import.note.exprOperand',
  exprFunction: 'import.note.exprFunction',
  exprNoComparison: 'import.note.exprNoComparison',
  exprUnexpected: 'import.note.exprUnexpected',
  exprNotRange: 'import.note.exprNotRange',
  exprUnknown: 'import.note.exprUnknown',
  exprStart: 'import.note.exprStart',
  exprTwoQuestions: 'import.note.exprTwoQuestions',
  exprSubValue: 'import.note.exprSubValue',
  exprSubOp: 'import.note.exprSubOp',
  exprValue: 'import.note.exprValue',
  exprListOp: 'import.note.exprListOp',
  exprNumber: 'import.note.exprNumber',
  exprStrict: 'import.note.exprStrict',
  exprOp: 'import.note.exprOp',
  exprNever: 'import.note.exprNever',
  exprTooLong: 'import.note.exprTooLong',
  exprMixed: 'import.note.exprMixed',
  exprUnsayable: 'import.note.exprUnsayable',
  notReadable: 'import.note.notReadable',
  notAnObject: 'import.note.notAnObject',
  pagesNotList: 'import.note.pagesNotList',
  elementsNotList: 'import.note.elementsNotList',
  ownFormat: 'import.note.ownFormat',
  notSurveyJs: 'import.note.notSurveyJs',
  tooManyPages: 'import.note.tooManyPages',
  tooManyProblems: 'import.note.tooManyProblems',
  lssNotXml: 'import.note.lssNotXml',
  lssNotSurvey: 'import.note.lssNotSurvey',
  lssBaseLanguage: 'import.note.lssBaseLanguage',
  tooSlow: 'import.note.tooSlow',
  interrupted: 'import.note.interrupted',
  readerFailed: 'import.note.readerFailed',
  scaleRolesRead: 'import.note.scaleRolesRead',
  naRatingNotExported: 'import.note.naRatingNotExported',
  naColumnNotExported: 'import.note.naColumnNotExported',
  noSurveyJsCounterpart: 'import.note.noSurveyJsCounterpart',
} as const satisfies Record<string, AppKey>;

export type ImportNoteCode = keyof typeof NOTE_KEY;

/** Why a condition refers to what it may not (shared/survey/references.ts), as a note's `ref` param. */
const REF_KEY: Readonly<Record<ReferenceKind, AppKey>> = {
  unknown: 'import.note.ref.unknown',
  self: 'import.note.ref.self',
  later: 'import.note.ref.later',
  item: 'import.note.ref.item',
  option: 'import.note.ref.option',
  piping: 'import.note.ref.piping',
  page: 'import.note.ref.page',
};

/**
 * One note. Params are shown as given (names, expressions, counts); `rule` and `limit` are worded
 * as a broken field rule, `ref` and `name` as a condition's faulty reference, `field` (a path) in
 * the researcher's words, `questionType` as the builder names the type; `reason` (why a condition
 * was left out) is itself a note.
 */
export interface ImportNote {
  code: ImportNoteCode;
  params?: Record<string, string | number>;
  /** One level deep: a reason has no reason of its own (and the API's types stay finite). */
  reason?: Omit<ImportNote, 'reason'>;
}

export const note = (code: ImportNoteCode, params?: ImportNote['params'], reason?: ImportNote): ImportNote => ({
  code,
  ...(params ? { params } : {}),
  ...(reason ? { reason } : {}),
});

type Translate = (key: AppKey, params?: MessageParams) => string;

/** A note in the language of `t`. */
export function noteText(t: Translate, n: ImportNote): string {
  const params: Record<string, string | number> = { ...n.params };
  if (n.reason) params.reason = noteText(t, n.reason);
  if (typeof params.ref === 'string' && Object.hasOwn(REF_KEY, params.ref))
    params.problem = t(REF_KEY[params.ref as ReferenceKind], { name: String(params.name ?? '') });
  if (typeof params.rule === 'string')
    params.problem = ruleText(t, params.rule as FieldRule, typeof params.limit === 'number' ? params.limit : undefined);
  // A field named by its path: a whole definition's for our own format, else one inside the question.
  if (typeof params.field === 'string')
    params.field = (n.code === 'ownFormat' ? pathWords(t, params.field) : fieldWords(t, params.field)) || params.field;
  if (typeof params.questionType === 'string') {
    const key = `editor.type.${params.questionType}`;
    const named = t(key as AppKey);
    if (named !== key) params.questionType = named;
  }
  return t(NOTE_KEY[n.code], params);
}
