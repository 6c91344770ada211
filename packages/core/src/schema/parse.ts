import type { WidgetConfig } from "./config.js";
import { formatIssues } from "./format-issues.js";
import type { Survey } from "./survey.js";
import { type Checked, checkBatch, checkConfig, type Validated } from "./validate.js";
import { checkSurvey, checkSurveys } from "./validate-survey.js";
import type { Batch } from "./wire.js";

const format = <T>(result: Checked<T>): Validated<T> =>
  result.ok ? result : { ok: false, errors: formatIssues(result.issues, result.root) };

/**
 * Validates a survey list: a bare array or `{ "surveys": [...] }`, as in `surveys.json`
 * (other top-level keys of that object, such as `$schema`, are ignored).
 */
export function parseSurveys(input: unknown): Validated<Survey[]> {
  return format(checkSurveys(input));
}

/** Validates one survey definition. */
export function parseSurvey(input: unknown): Validated<Survey> {
  return format(checkSurvey(input));
}

/** Validates a batch of responses as the endpoint receives it. */
export function parseBatch(input: unknown): Validated<Batch> {
  return format(checkBatch(input));
}

/** Validates the widget configuration given to `init()`. */
export function parseConfig(input: unknown): Validated<WidgetConfig> {
  return format(checkConfig(input));
}
