import type { WidgetConfig } from "./config.js";
import { formatIssues } from "./format-issues.js";
import type { Survey } from "./survey.js";
import { type Checked, type CheckOptions, checkBatch, checkConfig, type Validated } from "./validate.js";
import { checkSurvey, checkSurveys } from "./validate-survey.js";
import type { Batch } from "./wire.js";

const format = <T>(result: Checked<T>): Validated<T> =>
  result.ok ? result : { ok: false, errors: formatIssues(result.issues, result.root) };

/**
 * Validates a survey list: a bare array or `{ "surveys": [...] }`, as in `surveys.json`
 * (other top-level keys of that object, such as `$schema`, are ignored unless unknown fields are errors).
 */
export function parseSurveys(input: unknown, options?: CheckOptions): Validated<Survey[]> {
  return format(checkSurveys(input, options));
}

/** Validates one survey definition; paths start at `root`. */
export function parseSurvey(input: unknown, options?: CheckOptions, root?: PropertyKey[]): Validated<Survey> {
  return format(checkSurvey(input, root, options));
}

/** Validates a batch of responses as the endpoint receives it. */
export function parseBatch(input: unknown, options?: CheckOptions): Validated<Batch> {
  return format(checkBatch(input, options));
}

/** Validates the widget configuration given to `init()`. */
export function parseConfig(input: unknown, options?: CheckOptions): Validated<WidgetConfig> {
  return format(checkConfig(input, options));
}
