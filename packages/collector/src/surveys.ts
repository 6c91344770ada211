import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatPath, parseSurvey, parseSurveys, type Survey } from "@sonde/core";

/** Survey definitions that failed validation; the message lists every bad path. */
export class InvalidSurveysError extends Error {}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InvalidSurveysError(`sonde-collector: cannot read surveys from ${path} (${(error as Error).message})`);
  }
}

/** More checks of a valid survey, beyond the schema's: issues with their paths in the survey. */
export type SurveyCheck = (survey: Survey) => { path: (string | number)[]; message: string }[];

/** One file's surveys: a list, `{ "surveys": [...] }`, or (in a folder) a single survey. */
function surveysIn(
  path: string,
  json: unknown,
  errors: string[],
  warn: (line: string) => void,
  extra: SurveyCheck | undefined,
): Survey[] {
  const single = json && typeof json === "object" && !Array.isArray(json) && "steps" in json && !("surveys" in json);
  const parsed = single ? parseSurvey(json) : parseSurveys(json);
  if (!parsed.ok) {
    errors.push(...parsed.errors.map((e) => `${path}: ${e}`));
    return [];
  }
  for (const w of parsed.warnings) warn(`${path}: ${w}`);
  const surveys = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  surveys.forEach((survey, i) => {
    for (const issue of extra?.(survey) ?? [])
      errors.push(
        `${path}: ${formatPath([...(single ? ["survey"] : ["surveys", i]), ...issue.path])}: ${issue.message}`,
      );
  });
  return surveys;
}

/**
 * Reads and validates survey definitions from a JSON file, or from every `*.json` file of a folder
 * (in name order). Throws InvalidSurveysError listing each bad field as `file: path: problem`,
 * and each survey id defined twice. Fields this version does not know are dropped and passed to
 * `warn` (a newer definition file still loads). `extra` adds checks the schema cannot make alone
 * (such as where webhooks may go, which depends on the collector's options).
 */
export function loadSurveys(path: string, warn: (line: string) => void = () => {}, extra?: SurveyCheck): Survey[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith(".json"))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new InvalidSurveysError(`sonde-collector: cannot read surveys from ${path} (${(error as Error).message})`);
  }
  if (files.length === 0) throw new InvalidSurveysError(`sonde-collector: ${path} holds no .json file of surveys`);
  const errors: string[] = [];
  const surveys: Survey[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    surveysIn(file, readJson(file), errors, warn, extra).forEach((survey, i) => {
      const where = seen.get(survey.id);
      if (where)
        errors.push(`${file}: surveys[${i}].id: "${survey.id}" is already defined in ${where}; ids must be unique`);
      else seen.set(survey.id, file);
      surveys.push(survey);
    });
  }
  if (errors.length) {
    throw new InvalidSurveysError(`sonde-collector: the survey definitions are invalid:\n  ${errors.join("\n  ")}`);
  }
  return surveys;
}
