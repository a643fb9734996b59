/**
 * shared/stats: pure functions over plain arrays for the plan, the fieldwork page and the report.
 * Nothing here knows of HTTP, the database or the DOM. Every function follows a published
 * definition named in its comment and throws `StatsInputError` on unusable input, never NaN.
 */
export { StatsInputError } from './errors';
export { normalCdf, normalQuantile, twoSidedZ } from './normal';
export { tCdf, tQuantile } from './tdist';
export { allocate, marginOfError, sampleSize } from './sample';
export type { AllocateOptions, MarginOfErrorOptions, PrecisionOptions, SampleSizeOptions } from './sample';
export { meanCI, meanCIOfCounts, wilson } from './intervals';
export type { MeanInterval, ProportionInterval } from './intervals';
export { nps, npsDifference, npsOfCounts } from './nps';
export type { NpsResult, NpsSample } from './nps';
export { boxShares, index100, weightedIndex } from './scales';
export type { BoxShares, ScaleRange } from './scales';
export { servqual, servqualColumns } from './servqual';
export type {
  ServqualDimensionResult,
  ServqualItem,
  ServqualItemResult,
  ServqualResponse,
  ServqualResult,
  ServqualColumns,
} from './servqual';
export { ipa, pearson, relativeWeights, shapley, SHAPLEY_MAX_PREDICTORS } from './priorities';
export type { IpaQuadrant, RelativeImportance } from './priorities';
export { vanWestendorp } from './price';
export type { NmsPoint, NmsResult, PsmCurvePoint, PsmResult, PsmRow } from './price';
export { gaborGranger } from './gaborGranger';
export type { GaborGrangerPoint, GaborGrangerResult } from './gaborGranger';
export { kishDeff, postStratify, rake } from './weighting';
export type { RakeOptions, RakeResult } from './weighting';
export { pairedT, twoProportionZ, welchT } from './significance';
export type { GroupSummary, TestResult } from './significance';
export { median } from './median';
export { lifetimeValue, loyaltyIfLevelRises, retentionUplift } from './loyalty-value';
export type { LifetimeValueInput, LoyaltyShift, RetentionUpliftInput, RetentionUpliftResult } from './loyalty-value';
export { chiSquareCdf, chiSquareQuantile, chiSquareSurvival, chiSquareTest } from './chisquare';
export type { ChiSquareResult } from './chisquare';
export { pairwiseMeans, pairwiseProportions } from './pairwise';
export type { PairwiseResult, ProportionGroup } from './pairwise';
export { kishEffectiveSize, raoScottChiSquare } from './rao-scott';
export type { RaoScottResult } from './rao-scott';
export { correlationCI } from './correlation-interval';
export { capUplift, MAX_RETENTION } from './uplift-cap';
export { fisherExact2xC, EXACT_MAX_TABLES } from './exact';
export { benjaminiHochberg } from './adjust';
export { cohenKappa, krippendorffAlphaNominal } from './agreement';
