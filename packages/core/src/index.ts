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
export type { NpsCounts, NpsResult } from "./scoring/nps.js";
// Scoring
/** Net Promoter Score from answers or counts. */
export { countNps, npsFromCounts } from "./scoring/nps.js";
