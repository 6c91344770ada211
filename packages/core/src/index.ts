// @sonde/core — the public surface. Every name here is part of the API; a test locks the list.
// Grouped by module: rules/ decides, schema/ describes and validates, scoring/ computes results.

export type {
  /** What alerts read of a response: answers and attributes. */
  AlertInput,
  /** An alert a response fires, and why. */
  FiredAlert,
} from "./rules/alerts.js";
export {
  /** Why an alert fires for a response, or null. */
  alertReasons,
  /** The alerts a stored response fires, each with why. */
  firedAlerts,
  /** The NPS category of a score: detractor, passive or promoter. */
  npsCategory,
} from "./rules/alerts.js";
export {
  /** Which step follows an answer: branches by score band or choice, `next`, or the order of steps. */
  nextStep,
  /** "2 of 3" along the path taken: the current question's number and the total on its default route. */
  pathProgress,
} from "./rules/branching.js";
export {
  /** Whether a value passes an attribute or property condition. */
  matchCondition,
} from "./rules/conditions.js";
export type {
  /** Flat, JSON-safe facts about a person or an event. */
  Attributes,
  /** The decision: the survey to show, its delay, and every verdict. */
  Decision,
  /** A device class: mobile, tablet or desktop. */
  DeviceClass,
  /** Everything a decision depends on. */
  EvaluationInput,
  /** A person's display history across surveys. */
  History,
  /** What the page knows now: URL, locale, device, time, scroll, exit intent, clicks, events. */
  PageContext,
  /** A custom event tracked on the page. */
  PageEvent,
  /** What is known about the person: identified, attributes, visits, first seen. */
  Person,
  /** What happened before for one survey. */
  SurveyHistory,
  /** Why one survey does or does not show. */
  SurveyVerdict,
} from "./rules/context.js";
export {
  /** Days after any prompt during which no other shows, unless configured. */
  DEFAULT_COOLDOWN_DAYS,
  /** Decides which survey shows now, when, and why each other one does not. */
  evaluate,
} from "./rules/evaluate.js";
export {
  /** A person's stable sampling bucket for a survey, 0–99.99. */
  samplingBucket,
} from "./rules/sampling.js";
export type {
  /** The page signals a set of surveys needs. */
  WatchedSignals,
} from "./rules/triggers.js";
export {
  /** The page signals a set of surveys needs the widget to watch. */
  watchedSignals,
} from "./rules/triggers.js";
export type {
  /** The parts of a URL conditions test. */
  UrlParts,
} from "./rules/url.js";
export {
  /** Turns a glob (`*`, `**`, `?`) into a RegExp. */
  globToRegExp,
  /** Whether one URL condition holds for a URL. */
  matchUrlCondition,
  /** Splits a URL into the parts conditions test. */
  urlParts,
} from "./rules/url.js";
export type {
  /** An alert: conditions on a response, and the webhook to call. */
  Alert,
  /** A condition of an alert on the answers. */
  AlertCondition,
  /** Where an alert goes: URL and format. */
  Webhook,
} from "./schema/alerts.js";
export {
  /** How a webhook body is written: standard (signed JSON) or slack. */
  ALERT_FORMATS,
  /** Schema of a condition of an alert on the answers, told apart by `type`. */
  alertConditionSchema,
  /** Schema of a survey's alerts, ids unique. */
  alertListSchema,
  /** Schema of one alert. */
  alertSchema,
  /** Conditions of a survey's alerts that name missing steps or could never hold. */
  alertStepIssues,
  /** The NPS categories: detractor, passive, promoter. */
  NPS_CATEGORIES,
  /** Schema of a webhook: an http(s) URL and a format. */
  webhookSchema,
} from "./schema/alerts.js";
export type {
  /** A condition on a user attribute or event property. */
  Condition,
  /** A condition operator. */
  Operator,
  /** A condition on the page URL. */
  UrlCondition,
} from "./schema/conditions.js";
export {
  /** Schema of a condition on a user attribute or event property. */
  conditionSchema,
  /** The operators of attribute and event-property conditions. */
  OPERATORS,
  /** How a URL condition compares: exact, contains, startsWith, endsWith, glob, regex. */
  URL_MATCHES,
  /** The parts of a URL a condition can test. */
  URL_PARTS,
  /** Schema of a condition on the page URL. */
  urlConditionSchema,
} from "./schema/conditions.js";
export type {
  /** The options `init()` takes. */
  WidgetConfig,
} from "./schema/config.js";
export {
  /** Schema of the options `init()` takes. */
  widgetConfigSchema,
} from "./schema/config.js";
export {
  /** Turns zod issues into lines that name the path: `surveys[2].rules.sampling: must be at most 100 (got 150)`. */
  formatIssues,
} from "./schema/format-issues.js";
export {
  /** Schema of ids of surveys, steps and choices. */
  idSchema,
} from "./schema/id.js";
export {
  /** The most answers one response may carry, and steps one survey may have. */
  MAX_ANSWERS,
  /** The most attributes a person or an answer's context may carry. */
  MAX_ATTRIBUTES,
  /** The most responses one batch may hold. */
  MAX_BATCH_RESPONSES,
  /** The wire format's version. */
  WIRE_SCHEMA_VERSION,
} from "./schema/limits.js";
export type {
  /** A survey as the rules see it: steps and appearance not yet checked. */
  SurveyOutline,
} from "./schema/outline.js";
export {
  /** Schema of a list of survey outlines (steps and appearance left unchecked) with unique ids. */
  surveyOutlineListSchema,
  /** Schema of a survey as the rules see it: steps and appearance left unchecked. */
  surveyOutlineSchema,
} from "./schema/outline.js";
export {
  /** Validates a batch of responses as the endpoint receives it. */
  parseBatch,
  /** Validates the widget configuration. */
  parseConfig,
  /** Validates one survey definition. */
  parseSurvey,
  /** Validates a survey list or `surveys.json`. */
  parseSurveys,
} from "./schema/parse.js";
/** `["surveys", 2, "rules"]` → `surveys[2].rules`. */
export { formatPath } from "./schema/path.js";
export type {
  /** Who may see a survey. */
  Audience,
  /** How often one person may see a survey. */
  Frequency,
  /** A survey's rules. */
  Rules,
  /** One trigger. */
  Trigger,
} from "./schema/rules.js";
export {
  /** Schema of who may see a survey. */
  audienceSchema,
  /** Device classes an audience can target. */
  DEVICES,
  /** Schema of how often one person may see a survey. */
  frequencySchema,
  /** Schema of a survey's rules: triggers, audience, sampling, frequency, delay. */
  rulesSchema,
  /** Schema of one trigger, told apart by `type`. */
  triggerSchema,
} from "./schema/rules.js";
export {
  /** The `goto` target that ends a survey. */
  END,
  /** The lowest and highest point of each rating scale. */
  SCALES,
  /** Seconds the thank-you stays by default before it closes by itself. */
  THANKS_CLOSE_AFTER,
} from "./schema/step-constants.js";
export type {
  /** A branch of a step. */
  Branch,
  /** A choice of a choice step. */
  Choice,
  /** A step that asks something (every kind but `thanks`). */
  QuestionStep,
  /** Any step. */
  Step,
  /** The kinds of step: `nps`, `csat`, `ces`, `gap`, `thumbs`, `open`, `single`, `multiple`, `thanks`. */
  StepKind,
} from "./schema/steps.js";
export {
  /** Schema of a branch: a score band or choices, and the step it goes to. */
  branchSchema,
  /** Schema of one choice of a single/multiple choice step. */
  choiceSchema,
  /** Schema of any step, told apart by `kind`. */
  stepSchema,
} from "./schema/steps.js";
export type {
  /** One survey definition. */
  Survey,
  /** One survey definition as written, before the schema fills in defaults (inline surveys in `init()`). */
  SurveyInput,
  /** Theme overrides of a survey. */
  Theme,
} from "./schema/survey.js";
export {
  /** Schema of a survey's appearance: position, inline selector, theme. */
  appearanceSchema,
  /** Where a prompt can appear. */
  POSITIONS,
  /** Schema of a survey as a page checks it before showing it: alerts left unchecked. */
  shownSurveySchema,
  /** Schema of a list of surveys with unique ids. */
  surveyListSchema,
  /** Schema of one survey definition: steps, texts, schedule, appearance, rules. */
  surveySchema,
  /** Schema of theme overrides (CSS values). */
  themeSchema,
} from "./schema/survey.js";
export type {
  /** User-facing text in one or many languages. */
  Text,
} from "./schema/text.js";
export {
  /** Schema of a language tag such as `en` or `pt-BR`. */
  localeTagSchema,
  /** Schema of user-facing text: a string or a map language → string. */
  textSchema,
} from "./schema/text.js";
export {
  /** The base language of a tag: `pt-BR` → `pt`. */
  baseLanguage,
  /** Picks a text's translation for a locale, falling back to the default locale, never to nothing. */
  resolveText,
  /** The language tag of the translation `resolveText` picks; undefined for a plain string. */
  textLocale,
} from "./schema/text-pick.js";
export {
  /** Unknown fields as issues with "did you mean …?", for `unknownFields` in a check's options. */
  unknownFieldIssues,
} from "./schema/unknown-fields.js";
export type {
  /** A validated value with warnings, or zod's issues still unformatted. */
  Checked,
  /** How a check treats unknown fields: dropped with a warning (default), or errors. */
  CheckOptions,
  /** A validated value with warnings, or error lines. */
  Validated,
} from "./schema/validate.js";
export {
  /** `parseConfig` keeping zod's issues unformatted, for callers that format lazily. */
  checkConfig,
  /** Checks survey definitions as far as the rules need; steps are checked when a survey shows. */
  checkSurveyOutlines,
  /** The list inside survey definitions: a bare array or `{ "surveys": [...] }`. */
  surveyList,
} from "./schema/validate.js";
export {
  /** `checkSurvey` as a page runs it before showing a survey: alerts left unchecked. */
  checkShownSurvey,
  /** `parseSurvey` keeping zod's issues unformatted; `root` prefixes the paths. */
  checkSurvey,
  /** `parseSurveys` keeping zod's issues unformatted. */
  checkSurveys,
} from "./schema/validate-survey.js";
export type {
  /** One answer. */
  Answer,
  /** What the widget POSTs. */
  Batch,
  /** One response. */
  SurveyResponse,
} from "./schema/wire.js";
export {
  /** Schema of one answer, carrying its kind and scale. */
  answerSchema,
  /** Schema of flat, JSON-safe attributes. */
  attributesSchema,
  /** Schema of what the widget POSTs. */
  batchSchema,
  /** Schema of where and how an answer was given. */
  contextSchema,
  /** Schema of one response. */
  responseSchema,
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
/** Comparison result and option types. */
export type { CompareOptions, Comparison, ProportionSample, TallyComparison } from "./scoring/compare.js";
/** Two NPS values (adjusted-Wald z-test), two proportions, two means (Welch), two tallies; the minimum n per group. */
export { compareMeans, compareNps, compareProportions, compareTallies, MIN_COMPARE_N } from "./scoring/compare.js";
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
/** Holm's step-down correction of a family of p-values. */
export { holmAdjust } from "./scoring/multiplicity.js";
/** NPS types and scoring options. */
export type { NpsCounts, NpsResult, NpsShares, ScoringOptions } from "./scoring/nps.js";
/** Net Promoter Score from answers or counts, with SE and adjusted-Wald interval. */
export { countNps, npsFromCounts } from "./scoring/nps.js";
/** Period unit type. */
export type { PeriodUnit } from "./scoring/periods.js";
/** Period keys (day, ISO week, month) in UTC or an IANA time zone, and how to step and coarsen them. */
export { coarsenPeriod, nextPeriod, periodKeyer, periodStarts } from "./scoring/periods.js";
/** A seedable random generator (mulberry32), for reproducible test and demo data. */
export { seededRandom } from "./scoring/seeded-random.js";
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
