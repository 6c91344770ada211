import { checkConfig, checkShownSurvey, checkSurveyOutlines, formatIssues, surveyList } from "@sonde/core";

// Loaded only when something is wrong, or in debug mode and preview: zod, core's schemas and the
// issue formatter stay out of the download of a page whose config and definitions are fine.
// Every message about what is wrong comes from here, from the schema the entrances use.

/** Lines such as `config.endpoint: must be a string (got 42)`, one per problem; empty when the config is valid. */
export function configErrors(input: unknown): string[] {
  const checked = checkConfig(input);
  return checked.ok ? [] : formatIssues(checked.issues, checked.root);
}

/** What the full check says of survey definitions: error lines, warnings, and the places of broken surveys. */
export interface DefinitionsReport {
  errors: string[];
  warnings: string[];
  /** Places in the list of the surveys with errors; -1 when the list itself is wrong. */
  broken: number[];
}

/**
 * Checks definitions as a page uses them: the list (shape, unique ids) and each survey in full,
 * steps and appearance included (not its alerts, which only the collector reads).
 */
export function checkDefinitions(input: unknown): DefinitionsReport {
  const errors = new Set<string>();
  const warnings = new Set<string>();
  const broken = new Set<number>();
  const list = checkSurveyOutlines(input);
  if (!list.ok) {
    for (const line of formatIssues(list.issues, list.root)) errors.add(line);
    for (const issue of list.issues) broken.add(typeof issue.path[0] === "number" ? issue.path[0] : -1);
  }
  const surveys = surveyList(input);
  if (Array.isArray(surveys))
    surveys.forEach((survey, index) => {
      const checked = checkShownSurvey(survey, ["surveys", index]);
      if (checked.ok) for (const line of checked.warnings) warnings.add(line);
      else {
        for (const line of formatIssues(checked.issues, checked.root)) errors.add(line);
        broken.add(index);
      }
    });
  else broken.add(-1);
  return { errors: [...errors], warnings: [...warnings], broken: [...broken] };
}

/** What went wrong with definitions, as the page found it: their shape, one survey, or the full check. */
export interface Problem {
  cause: "shape" | "malformed" | "repeated" | "threw" | "mistakes";
  /** The survey's place in the list. */
  index?: number;
  /** What a survey's evaluation threw. */
  error?: string;
}

/**
 * The report of a problem with definitions: which survey, what the page did about it, how to
 * see every mistake, then each mistake by its path. `source`: their URL, or "inline".
 */
export function explainDefinitions(input: unknown, source: string, problem: Problem): string {
  const where = source === "inline" ? "the inline definitions" : `the definitions at ${source}`;
  const { errors } = checkDefinitions(input);
  if (problem.cause === "shape")
    return [`${where} are not a list of surveys (an array, or { "surveys": [...] }); none is shown.`, ...errors].join(
      "\n",
    );
  if (problem.cause === "mistakes")
    return [`${where} have mistakes; the surveys named are skipped.`, ...errors].join("\n");
  const index = problem.index ?? 0;
  const survey = (surveyList(input) as unknown[])[index] as { id?: unknown } | undefined;
  const id = typeof survey?.id === "string" ? survey.id : undefined;
  const cause = {
    malformed: "is malformed",
    repeated: `repeats the id "${id}"`,
    threw: `broke while being evaluated (${problem.error})`,
  }[problem.cause];
  return [
    `surveys[${index}]${id ? ` ("${id}")` : ""} ${cause} and is skipped; the other surveys still show. To fix it, run \`sonde-collector check\` on ${where}, or turn on debug mode (data-debug="true" or ?sonde_debug=1), to see every mistake.`,
    ...errors.filter((line) => line.startsWith(`surveys[${index}]`)),
  ].join("\n");
}
