import { type Survey, shownSurveySchema, surveyListSchema, surveySchema, surveysFileSchema } from "./survey.js";
import { type Checked, type CheckOptions, check, surveyList } from "./validate.js";

// The full checks of survey definitions, steps and appearance included. A module of their own,
// so that a browser bundle can load the step schemas only once a survey is about to show.

/**
 * `parseSurveys` with unformatted issues: a bare array or `{ "surveys": [...] }`. When unknown
 * fields are errors, so are unknown keys beside `surveys` (only `$schema` may stand there).
 */
export function checkSurveys(input: unknown, options: CheckOptions = {}): Checked<Survey[]> {
  const file = options.unknownFields && input && typeof input === "object" && !Array.isArray(input);
  if (!file) return check(surveyListSchema(), surveyList(input), ["surveys"], options);
  const checked = check(surveysFileSchema(), input, [], options);
  return checked.ok ? { ...checked, value: checked.value.surveys } : checked;
}

/** `parseSurvey` with unformatted issues; `root` prefixes the paths (`surveys[2]` in a list). */
export function checkSurvey(
  input: unknown,
  root: PropertyKey[] = ["survey"],
  options: CheckOptions = {},
): Checked<Survey> {
  return check(surveySchema(), input, root, options);
}

/**
 * `checkSurvey` for a page about to show a survey: the same checks but for alerts, which pass
 * unchecked (nothing on the page reads them) so that their schemas stay out of the page's bundle.
 */
export function checkShownSurvey(input: unknown, root: PropertyKey[] = ["survey"]): Checked<Survey> {
  return check(shownSurveySchema(), input, root) as Checked<Survey>;
}
