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
