import { type CheckOptions, formatPath, parseSurvey, parseSurveys, type Survey, unknownFieldIssues } from "@sonde/core";
import { withoutAlerts } from "./alerts/alert-rules.js";
import type { Answer, StoreMode } from "./store/store.js";
import type { SurveyStore } from "./store/survey-store.js";
import { parseSurveyJson, readSurveyFile, SurveyFileError, surveyFiles } from "./survey-files.js";

/** Survey definitions that failed validation; the message lists every bad path. */
export class InvalidSurveysError extends Error {
  /** Each problem, as `file: path: problem`. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`sonde-collector: the survey definitions are invalid:\n  ${problems.join("\n  ")}`);
    this.problems = problems;
  }
}

/** More checks of a valid survey, beyond the schema's: issues with their paths in the survey. */
export type SurveyCheck = (survey: Survey) => { path: (string | number)[]; message: string }[];

/** How definitions are read. */
export interface LoadOptions {
  /** Told about each unknown field when they are allowed (default: nothing). */
  warn?: (line: string) => void;
  /**
   * Drop fields this version does not know, with a warning, instead of refusing them (for
   * definitions written for a newer Sonde). By default a misspelled key is an error that
   * names the key it was probably meant to be.
   */
  allowUnknown?: boolean;
  /** Checks the schema cannot make alone (such as where webhooks may go, which depends on the collector's options). */
  extra?: SurveyCheck;
}

const kindOf = (json: unknown) => (json === null ? "null" : Array.isArray(json) ? "an array" : `a ${typeof json}`);

/** One file's surveys: a list, `{ "surveys": [...] }`, or a single survey (an object with steps). */
function surveysIn(
  file: string,
  json: unknown,
  check: CheckOptions,
  errors: string[],
  warn: (line: string) => void,
  extra: SurveyCheck | undefined,
): Survey[] {
  if (json === null || typeof json !== "object") {
    errors.push(`${file}: must be a list of surveys, { "surveys": [...] } or one survey (got ${kindOf(json)})`);
    return [];
  }
  const single = !Array.isArray(json) && "steps" in json && !("surveys" in json);
  const parsed = single ? parseSurvey(json, check) : parseSurveys(json, check);
  if (!parsed.ok) {
    errors.push(...parsed.errors.map((e) => `${file}: ${e}`));
    return [];
  }
  for (const w of parsed.warnings) warn(`${file}: ${w}`);
  const surveys = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  surveys.forEach((survey, i) => {
    for (const issue of extra?.(survey) ?? [])
      errors.push(
        `${file}: ${formatPath([...(single ? ["survey"] : ["surveys", i]), ...issue.path])}: ${issue.message}`,
      );
  });
  return surveys;
}

/**
 * Reads and validates survey definitions from a JSON file, or from every `*.json` file of a folder
 * (in name order). Throws InvalidSurveysError listing each bad field as `file: path: problem`, each
 * file that cannot be read or parsed (with the line and column of a syntax error) and each survey
 * id defined twice.
 */
export function loadSurveys(path: string, options: LoadOptions = {}): Survey[] {
  const warn = options.warn ?? (() => {});
  const check: CheckOptions = options.allowUnknown ? {} : { unknownFields: unknownFieldIssues };
  let files: string[];
  try {
    files = surveyFiles(path);
  } catch (error) {
    throw new InvalidSurveysError([(error as Error).message]);
  }
  if (files.length === 0) throw new InvalidSurveysError([`${path} holds no .json file of surveys`]);
  const errors: string[] = [];
  const surveys: Survey[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = parseSurveyJson(file, readSurveyFile(file));
    } catch (error) {
      if (!(error instanceof SurveyFileError)) throw error;
      errors.push(error.message);
      continue;
    }
    surveysIn(file, json, check, errors, warn, options.extra).forEach((survey, i) => {
      const where = seen.get(survey.id);
      if (where)
        errors.push(`${file}: surveys[${i}].id: "${survey.id}" is already defined in ${where}; ids must be unique`);
      else seen.set(survey.id, file);
      surveys.push(survey);
    });
  }
  if (errors.length) throw new InvalidSurveysError(errors);
  return surveys;
}

/**
 * The definitions as `GET /v1/surveys` serves them (and `sonde-collector compile` writes them):
 * without their alerts, whose webhook URLs are the collector's secrets.
 */
export function servedSurveys(surveys: readonly Survey[]): string {
  return JSON.stringify({ surveys: surveys.map(withoutAlerts) });
}

/** What importing definitions at start did, by survey id. */
export interface ImportResult {
  created: string[];
  changed: string[];
  unchanged: string[];
  /** Active surveys that came from the file and that it no longer names: paused. */
  paused: string[];
}

/**
 * Brings `--surveys` definitions into the store: the file wins for the ids it names. A new id is
 * stored active (as a file's surveys always were); a changed definition becomes a new version and
 * keeps its status (a survey paused through the admin API stays paused); an unchanged one is left
 * as is. A survey whose current version came from the file, and that the file no longer names, is
 * paused — deleting it from a git-managed file stops it, as it always did — and keeps its answers;
 * named again, it is active again. Surveys last saved through the admin API are not touched.
 * On SQLite it answers at once (`reloadSurveys()` does too, and the demo relies on it); on a store
 * that answers with promises, each write waits for the one before.
 */
export function importSurveys<M extends StoreMode>(
  store: SurveyStore<M>,
  surveys: readonly Survey[],
  now: number,
): Answer<M, ImportResult> {
  const result: ImportResult = { created: [], changed: [], unchanged: [], paused: [] };
  let step: unknown;
  const next = (work: () => unknown) => {
    step = then(step, work);
  };
  for (const survey of surveys) {
    next(() =>
      then(store.save(survey, now, "file", "active"), ({ survey: stored, outcome }) => {
        result[outcome].push(survey.id);
        // Paused at a start because the file had dropped it: the file names it again.
        if (stored.status === "paused" && stored.statusBy === "file")
          return store.setStatus(stored.id, "active", now, "file");
      }),
    );
  }
  const named = new Set(surveys.map((s) => s.id));
  next(() => {
    let paused: unknown;
    for (const stored of store.list()) {
      if (named.has(stored.id) || stored.source !== "file" || stored.status !== "active") continue;
      paused = then(paused, () =>
        then(store.setStatus(stored.id, "paused", now, "file"), () => result.paused.push(stored.id)),
      );
    }
    return paused;
  });
  return then(step, () => result) as Answer<M, ImportResult>;
}

/** `work` on a value now, or once it comes: what answers synchronously stays synchronous. */
function then<T, U>(value: T | Promise<T>, work: (value: T) => U): U | Promise<unknown> {
  return value instanceof Promise ? value.then(work) : work(value);
}
