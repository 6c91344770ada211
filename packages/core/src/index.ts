// @sonde/core — the public surface. Every name here is part of the API; a test locks the list.

export type {
  Decision,
  EvaluationInput,
  History,
  PageContext,
  SurveyHistory,
  SurveyVerdict,
} from "./rules/evaluate.js";
// Rules
/** Decide which survey shows now, with reasons for every survey that does not. */
export { evaluate } from "./rules/evaluate.js";
export type { UrlParts } from "./rules/url.js";
/** URL matching used by page-view triggers. */
export { globToRegExp, matchUrlCondition, urlParts } from "./rules/url.js";
export type { WidgetConfig } from "./schema/config.js";
// Widget configuration
/** Schema of the options `init()` takes. */
export { widgetConfigSchema } from "./schema/config.js";
export type { Rules, Trigger, UrlCondition } from "./schema/rules.js";
/** Rule schemas: triggers and URL conditions. */
export { rulesSchema, triggerSchema, URL_MATCHES, urlConditionSchema } from "./schema/rules.js";
export type { Branch, Choice, QuestionStep, Step, StepKind } from "./schema/steps.js";
/** Schemas of the steps a survey is made of, and the step and choice types. */
export { branchSchema, choiceSchema, END, idSchema, SCALES, stepSchema } from "./schema/steps.js";
/** Survey, step, text and theme types, derived from the schemas. */
export type { Survey, Theme } from "./schema/survey.js";
// Survey language
/** Schema of one survey definition. */
export { appearanceSchema, POSITIONS, surveySchema, themeSchema } from "./schema/survey.js";
export type { Text } from "./schema/text.js";
/** Translatable text: a string or a map language → string, and how a locale picks one. */
export { baseLanguage, localeTagSchema, resolveText, textSchema } from "./schema/text.js";
export type { Validated } from "./schema/validate.js";
// Validation with readable errors
/** Validate untrusted input into typed values or error lines that name the path. */
export { formatIssues, formatPath, parseBatch, parseConfig, parseSurvey, parseSurveys } from "./schema/validate.js";
export type { Answer, Batch, SurveyResponse } from "./schema/wire.js";
// Wire format
/** The response batch the widget sends and the collector accepts. */
export {
  answerSchema,
  attributesSchema,
  batchSchema,
  contextSchema,
  MAX_BATCH_RESPONSES,
  responseSchema,
  WIRE_SCHEMA_VERSION,
} from "./schema/wire.js";
// Scoring — formulas and sources in packages/core/SCORING.md
/** Responses → mergeable count rows by survey, question, period and segment, and their roll-ups. */
export type { Grouping, RollUp, ScorableResponse, ScoredRow, TallyRow } from "./scoring/aggregate.js";
/** Count responses into rows, merge or roll them up (any range, coarser periods), score them. */
export { mergeRows, scoreRows, tallyResponses } from "./scoring/aggregate.js";
/** Breakdown types: per-segment scores with comparisons against the rest. */
export type { Breakdown, SegmentScore } from "./scoring/breakdown.js";
/** Per-segment scores with small-sample flags and each segment compared with the rest. */
export { breakdown } from "./scoring/breakdown.js";
/** CES result type. */
export type { CesResult } from "./scoring/ces.js";
/** CES (7-point agreement): % agree (5–7) and the mean, with intervals. */
export { CES_SCALE, cesFromCounts } from "./scoring/ces.js";
/** Comparison result types. */
export type { Comparison, ProportionSample, TallyComparison } from "./scoring/compare.js";
/** Two NPS values (z-test), two proportions (z-test, Agresti–Caffo interval), two means (Welch), two tallies. */
export { compareMeans, compareNps, compareProportions, compareTallies } from "./scoring/compare.js";
/** CSAT result type. */
export type { CsatResult } from "./scoring/csat.js";
/** CSAT (5-point): top-box and top-2-box shares side by side, mean, distribution, with intervals. */
export { CSAT_SCALE, csatFromCounts } from "./scoring/csat.js";
/** Normal and Student t CDFs and quantiles used by the intervals and tests. */
export { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from "./scoring/distributions.js";
/** Gap result and band types. */
export type { GapBand, GapResult } from "./scoring/gap.js";
/** Expectation vs experience: mean difference (the standard) and ratio bands (a rule of thumb). */
export { GAP_SCALES, gapBand, gapFromCounts } from "./scoring/gap.js";
/** Interval, share and mean estimate types. */
export type { Interval, MeanEstimate, Proportion, SampleSummary } from "./scoring/intervals.js";
/** Agresti–Coull share intervals, t-intervals for means, the z critical value, defaults. */
export { DEFAULT_CONFIDENCE, meanInterval, proportion, SMALL_SAMPLE, zCritical } from "./scoring/intervals.js";
/** NPS types and scoring options. */
export type { NpsCounts, NpsResult, NpsShares, ScoringOptions } from "./scoring/nps.js";
/** Net Promoter Score from answers or counts, with SE and adjusted-Wald interval. */
export { countNps, npsFromCounts } from "./scoring/nps.js";
/** Period unit type. */
export type { PeriodUnit } from "./scoring/periods.js";
/** Period keys (day, ISO week, month) in UTC or an IANA time zone, and how to step and coarsen them. */
export { coarsenPeriod, nextPeriod, periodKeyer } from "./scoring/periods.js";
/** Segment type: a context field or a user attribute. */
export type { Segment } from "./scoring/segments.js";
/** Tally types: mergeable counts of one question and what they score into. */
export type { NpsScore, ScoredKind, ScoreResult, Tally } from "./scoring/tally.js";
/** Make, fill, merge and score tallies; kinds and scales are never mixed. */
export { emptyTally, mergeTallies, scoreTally, tallyAnswers } from "./scoring/tally.js";
/** Trend types. */
export type { TrendOptions, TrendSeries } from "./scoring/trend.js";
/** Trend series by period with intervals, empty periods filled in rather than skipped. */
export { trend } from "./scoring/trend.js";
